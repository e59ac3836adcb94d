import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { readSnapshot, safeWrite } from '../../../src/cli/safe-write.js';
import { TEMP_PATTERN } from '../../../src/cli/stale-temps.js';
import { nodeWriterFs, type WriterFs } from '../../../src/cli/writer-fs.js';
import { errno, withHandle } from './writer-fs-hooks.js';

/** docs/design.md §6 under failure: every case ends with the original intact and no temp file left. */

function setup(content = 'a: 1\n', mode = 0o640): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'safe-write-'));
  const file = join(dir, 'values.yaml');
  writeFileSync(file, content);
  chmodSync(file, mode);
  return { dir, file };
}

describe('safeWrite', () => {
  it('replaces the content, keeps the mode, leaves no temp file, keeps a .bak with the same mode', async () => {
    const { dir, file } = setup('old\n', 0o640);
    const snap = await readSnapshot(file);
    const res = await safeWrite(file, Buffer.from('new\n'), { expect: snap, backup: true });
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('old\n');
    expect(statSync(`${file}.bak`).mode & 0o777).toBe(0o640);
    expect(res.backupPath).toBe(`${file}.bak`);
    expect(readdirSync(dir).sort()).toEqual(['values.yaml', 'values.yaml.bak']);
  });

  it('refuses when the file changed between read and write (same size too): WRITE_FILE_CHANGED', async () => {
    const { dir, file } = setup('a: 1\n');
    const snap = await readSnapshot(file);
    const fs = withHandle({ sync: async (real) => (await real.sync(), writeFileSync(file, 'a: 2\n')) });
    await expect(safeWrite(file, Buffer.from('patched\n'), { expect: snap, fs })).rejects.toMatchObject({ code: 'WRITE_FILE_CHANGED' });
    expect(readFileSync(file, 'utf8')).toBe('a: 2\n');
    expect(readdirSync(dir)).toEqual(['values.yaml']);
  });

  it('disk full while writing the temp file: WRITE_FAILED, original intact, temp removed', async () => {
    const { dir, file } = setup('a: 1\n');
    const fs = withHandle({ write: () => Promise.reject(errno('ENOSPC')) });
    await expect(safeWrite(file, Buffer.from('x'), { expect: await readSnapshot(file), fs })).rejects.toMatchObject({
      code: 'WRITE_FAILED',
    });
    expect(readFileSync(file, 'utf8')).toBe('a: 1\n');
    expect(readdirSync(dir)).toEqual(['values.yaml']);
  });

  it('read-only directory: WRITE_DIR_READONLY, original intact (real chmod unless root, injected EACCES always)', async () => {
    const { dir, file } = setup('a: 1\n');
    const injected: WriterFs = {
      ...nodeWriterFs,
      open: async (p, f, m) => (f === 'wx' ? Promise.reject(errno('EACCES')) : nodeWriterFs.open(p, f, m)),
    };
    await expect(safeWrite(file, Buffer.from('x'), { fs: injected })).rejects.toMatchObject({ code: 'WRITE_DIR_READONLY' });
    if (process.getuid?.() !== 0) {
      chmodSync(dir, 0o555);
      try {
        await expect(safeWrite(file, Buffer.from('x'))).rejects.toMatchObject({ code: 'WRITE_DIR_READONLY' });
      } finally {
        chmodSync(dir, 0o755);
      }
    }
    expect(readFileSync(file, 'utf8')).toBe('a: 1\n');
    expect(readdirSync(dir)).toEqual(['values.yaml']);
  });

  it('writes through a symlink: the target changes, the link stays a link', async () => {
    const { dir, file } = setup('a: 1\n', 0o600);
    mkdirSync(join(dir, 'links'));
    const link = join(dir, 'links', 'config.yaml');
    symlinkSync(file, link);
    const snap = await readSnapshot(link);
    expect(snap.realPath).toBe(file);
    const res = await safeWrite(link, Buffer.from('b: 2\n'), { expect: snap });
    expect(res.path).toBe(file);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('b: 2\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'links'))).toEqual(['config.yaml']);
  });

  it('removes stale temp files of dead processes only, never other files', async () => {
    const { dir, file } = setup('a: 1\n');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
    const stale = `.values.yaml.polyaxon-sso-${dead}-0badc0de.tmp`;
    const alive = `.values.yaml.polyaxon-sso-${process.ppid}-0badc0de.tmp`;
    for (const f of [stale, alive, '.values.yaml.swp', 'notes.polyaxon-sso-1-00000000.tmp']) writeFileSync(join(dir, f), 'x');
    const res = await safeWrite(file, Buffer.from('b: 2\n'));
    expect(res.cleaned).toEqual([stale]);
    expect(readdirSync(dir).sort()).toEqual([alive, '.values.yaml.swp', 'notes.polyaxon-sso-1-00000000.tmp', 'values.yaml'].sort());
  });

  it('a process killed (SIGKILL) in the middle of writing leaves the original intact; the next run cleans up', async () => {
    const { dir, file } = setup('original: true\n');
    const work = mkdtempSync(join(tmpdir(), 'safe-write-child-'));
    const entry = join(work, 'child.ts');
    // The child writes half of a big buffer into the temp file, says so, then hangs until killed.
    writeFileSync(
      entry,
      `
      import { safeWrite } from ${JSON.stringify(join(process.cwd(), 'src/cli/safe-write.ts'))};
      import { nodeWriterFs } from ${JSON.stringify(join(process.cwd(), 'src/cli/writer-fs.ts'))};
      const data = Buffer.alloc(8 * 1024 * 1024, 0x61);
      const fs = { ...nodeWriterFs, pid: process.pid, async open(p, f, m) {
        const h = await nodeWriterFs.open(p, f, m);
        if (f !== 'wx') return h;
        return { ...h, close: () => h.close(), sync: () => h.sync(), chmod: (x) => h.chmod(x), chown: (u, g) => h.chown(u, g),
          async write(d) { await h.write(d.subarray(0, d.length / 2)); process.stdout.write('WRITING\\n'); await new Promise(() => setInterval(() => {}, 1000)); } };
      } };
      await safeWrite(process.argv[2], data, { fs });
    `,
    );
    buildSync({
      entryPoints: [entry],
      outfile: join(work, 'child.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'silent',
    });
    const child = spawn(process.execPath, [join(work, 'child.mjs'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('WRITING') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    const temps = () => readdirSync(dir).filter((f) => TEMP_PATTERN.test(f));
    expect(temps().length).toBe(1);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(readFileSync(file, 'utf8')).toBe('original: true\n');
    expect(temps().length).toBe(1);
    const res = await safeWrite(file, Buffer.from('next: run\n'), { expect: await readSnapshot(file) });
    expect(res.cleaned.length).toBe(1);
    expect(temps()).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe('next: run\n');
  });
});

describe('safeWrite of a new file (--create)', () => {
  it("creates it, and refuses when it appeared meanwhile (expect: 'absent')", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'safe-write-new-'));
    const file = join(dir, 'new.yaml');
    await safeWrite(file, Buffer.from('a: 1\n'), { expect: 'absent' });
    expect(readFileSync(file, 'utf8')).toBe('a: 1\n');
    const other = join(dir, 'other.yaml');
    const fs = withHandle({ sync: async (real) => (await real.sync(), writeFileSync(other, 'someone else\n')) });
    await expect(safeWrite(other, Buffer.from('mine\n'), { expect: 'absent', fs })).rejects.toMatchObject({ code: 'WRITE_FILE_CHANGED' });
    expect(readFileSync(other, 'utf8')).toBe('someone else\n');
    expect(readdirSync(dir).sort()).toEqual(['new.yaml', 'other.yaml']);
  });
});
