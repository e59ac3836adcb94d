import {
  appendFileSync,
  chmodSync,
  closeSync,
  linkSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSnapshot, safeWrite } from '../../../src/cli/safe-write.js';
import { nodeWriterFs, type WriterFs } from '../../../src/cli/writer-fs.js';

/**
 * The safe writer against another writer at chosen points (docs/design.md §6: nothing written by
 * someone else is lost), and its refusals of read-only and hard-linked files. Each race is
 * placed by a hook on rename, so every outcome is known in advance.
 */
function setup(content: string, mode = 0o644): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'safe-write-race-'));
  const file = join(dir, 'values.yaml');
  writeFileSync(file, content);
  chmodSync(file, mode);
  return { dir, file };
}

/** nodeWriterFs whose rename onto `target` runs `before` and `after` around the real one. */
function aroundRename(target: string, hooks: { before?: () => void; after?: () => void }): WriterFs {
  return {
    ...nodeWriterFs,
    async rename(from, to) {
      if (to === target) hooks.before?.();
      await nodeWriterFs.rename(from, to);
      if (to === target) hooks.after?.();
    },
  };
}

describe('safeWrite: another writer between the check and the rename', () => {
  it('a line appended just before the rename is put back, not lost: WRITE_FILE_CHANGED, exit 2', async () => {
    const { dir, file } = setup('a: 1\n');
    const snap = await readSnapshot(file);
    let once = false;
    const fs = aroundRename(file, { before: () => void (once || ((once = true), appendFileSync(file, 'appended: by someone\n'))) });
    await expect(safeWrite(file, Buffer.from('a: 2\n'), { expect: snap, fs })).rejects.toMatchObject({
      code: 'WRITE_FILE_CHANGED',
      exitCode: 2,
      message: expect.stringContaining('put back'),
    });
    expect(readFileSync(file, 'utf8')).toBe('a: 1\nappended: by someone\n');
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(readdirSync(dir)).toEqual(['values.yaml']);
  });

  it('a writer that opened the file before the rename and writes just after it: seen in the old inode, put back', async () => {
    const { dir, file } = setup('a: 1\n');
    const snap = await readSnapshot(file);
    let fd = -1;
    let done = false;
    const fs = aroundRename(file, {
      before: () => void (done || (fd = openSync(file, 'a'))),
      after: () => {
        if (done) return;
        done = true;
        writeSync(fd, 'late: line\n'); // into the old inode: the path already names our new file
        closeSync(fd);
        appendFileSync(file, 'next: line\n'); // and the next append goes to the new file
      },
    });
    await expect(safeWrite(file, Buffer.from('a: 2\n'), { expect: snap, fs })).rejects.toMatchObject({ code: 'WRITE_FILE_CHANGED' });
    expect(readFileSync(file, 'utf8')).toBe('a: 1\nlate: line\nnext: line\n');
    expect(readdirSync(dir)).toEqual(['values.yaml']);
  });

  it('our new file replaced by a third writer too: nothing to merge, the other version is kept aside and named', async () => {
    const { dir, file } = setup('a: 1\n');
    const snap = await readSnapshot(file);
    let fd = -1;
    let done = false;
    const fs = aroundRename(file, {
      before: () => void (done || (fd = openSync(file, 'a'))),
      after: () => {
        if (done) return;
        done = true;
        writeSync(fd, 'late: line\n');
        closeSync(fd);
        writeFileSync(`${file}.other`, 'third: writer\n');
        renameSync(`${file}.other`, file);
      },
    });
    const err = await safeWrite(file, Buffer.from('a: 2\n'), { expect: snap, fs, settleMs: 20 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'WRITE_FILE_CHANGED' });
    const side = readdirSync(dir).find((n) => n.startsWith('values.yaml.concurrent-'));
    expect(side).toBeDefined();
    expect((err as Error).message).toContain(side);
    expect(readFileSync(join(dir, side ?? ''), 'utf8')).toBe('a: 1\nlate: line\n');
    expect(readFileSync(file, 'utf8')).toBe('third: writer\n');
  });

  it('no other writer: written, and the held descriptor costs nothing visible', async () => {
    const { dir, file } = setup('a: 1\n');
    await safeWrite(file, Buffer.from('a: 2\n'), { expect: await readSnapshot(file) });
    expect(readFileSync(file, 'utf8')).toBe('a: 2\n');
    expect(readdirSync(dir)).toEqual(['values.yaml']);
  });
});

describe('safeWrite of a new file: another process creates it at the last moment', () => {
  it('created between the last check and the final step: kept, WRITE_FILE_CHANGED, no temp file left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'safe-write-race-new-'));
    const file = join(dir, 'new.yaml');
    const fs: WriterFs = {
      ...nodeWriterFs,
      async link(from, to) {
        if (to === file) writeFileSync(file, 'someone: else\n');
        return nodeWriterFs.link(from, to);
      },
    };
    await expect(safeWrite(file, Buffer.from('ours: 1\n'), { expect: 'absent', fs })).rejects.toMatchObject({
      code: 'WRITE_FILE_CHANGED',
      exitCode: 2,
    });
    expect(readFileSync(file, 'utf8')).toBe('someone: else\n');
    expect(readdirSync(dir)).toEqual(['new.yaml']);
  });

  it('nobody else: created with the content, one link, no temp file left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'safe-write-race-new-'));
    const file = join(dir, 'new.yaml');
    await safeWrite(file, Buffer.from('ours: 1\n'), { expect: 'absent' });
    expect(readFileSync(file, 'utf8')).toBe('ours: 1\n');
    expect(statSync(file).nlink).toBe(1);
    expect(readdirSync(dir)).toEqual(['new.yaml']);
  });
});

describe('safeWrite: files it must not replace silently', () => {
  it('read-only for its owner (0444): WRITE_FILE_READONLY with a hint; force writes it and keeps 0444', async () => {
    const { dir, file } = setup('a: 1\n', 0o444);
    const snap = await readSnapshot(file);
    await expect(safeWrite(file, Buffer.from('a: 2\n'), { expect: snap })).rejects.toMatchObject({
      code: 'WRITE_FILE_READONLY',
      exitCode: 2,
      hint: expect.stringContaining('--force'),
    });
    expect(readFileSync(file, 'utf8')).toBe('a: 1\n');
    await safeWrite(file, Buffer.from('a: 2\n'), { expect: snap, force: true });
    expect(readFileSync(file, 'utf8')).toBe('a: 2\n');
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir)).toEqual(['values.yaml']);
  });

  it('0400 and 0555 are read-only too (the owner write bit decides, not access(2): tests run as root)', async () => {
    for (const mode of [0o400, 0o555]) {
      const { file } = setup('a: 1\n', mode);
      await expect(safeWrite(file, Buffer.from('x\n'), { expect: await readSnapshot(file) })).rejects.toMatchObject({
        code: 'WRITE_FILE_READONLY',
      });
      expect(readFileSync(file, 'utf8')).toBe('a: 1\n');
    }
  });

  it('two hard links: WRITE_HARD_LINKS; force writes, and the other name keeps the old content', async () => {
    const { dir, file } = setup('a: 1\n');
    linkSync(file, join(dir, 'other-name.yaml'));
    const snap = await readSnapshot(file);
    await expect(safeWrite(file, Buffer.from('a: 2\n'), { expect: snap })).rejects.toMatchObject({ code: 'WRITE_HARD_LINKS', exitCode: 2 });
    expect(readFileSync(file, 'utf8')).toBe('a: 1\n');
    await safeWrite(file, Buffer.from('a: 2\n'), { expect: snap, force: true });
    expect(readFileSync(file, 'utf8')).toBe('a: 2\n');
    expect(readFileSync(join(dir, 'other-name.yaml'), 'utf8')).toBe('a: 1\n');
  });
});
