import { chmodSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSnapshot, safeWrite } from '../../../src/cli/safe-write.js';
import { errno, withHandle } from './writer-fs-hooks.js';

/**
 * Data loss: write(2) may write only part of a buffer. On a nearly full disk the
 * writer used to make one write, ignore bytesWritten, rename the truncated temp file over the
 * config and exit 0. Every byte is now written, or nothing is replaced.
 */
const OLD = `# deployment\nhostName: polyaxon.acme.com\n${'# comment line\n'.repeat(200)}`;
const NEW = Buffer.from(`${OLD}externalServices:\n  auth:\n    okta:\n      enabled: true\n`);

function setup(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'safe-write-short-'));
  const file = join(dir, 'values.yaml');
  writeFileSync(file, OLD);
  chmodSync(file, 0o640);
  return { dir, file };
}

/** Writes at most `max` bytes per call; after `budget` bytes in all, `then` decides. */
function partialFs(max: number, budget = Infinity, then: 'zero' | 'ENOSPC' = 'ENOSPC') {
  let total = 0;
  const calls: number[] = [];
  const fs = withHandle({
    async write(real, data) {
      const n = Math.min(max, data.length, budget - total);
      calls.push(n);
      if (n <= 0) {
        if (then === 'zero') return { bytesWritten: 0 };
        throw errno('ENOSPC');
      }
      total += n;
      return real.write(data.subarray(0, n));
    },
  });
  return { fs, calls };
}

describe('safeWrite: short writes', () => {
  it('a write that returns fewer bytes than given is continued until every byte is written', async () => {
    const { dir, file } = setup();
    const { fs, calls } = partialFs(100);
    await safeWrite(file, NEW, { expect: await readSnapshot(file), fs });
    expect(readFileSync(file).equals(NEW)).toBe(true);
    expect(calls.length).toBe(Math.ceil(NEW.length / 100));
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['values.yaml']);
  });

  it('disk full after a short write (ENOSPC on the next call) → WRITE_FAILED, original intact, temp removed', async () => {
    const { dir, file } = setup();
    const { fs } = partialFs(4096, 1000);
    await expect(safeWrite(file, NEW, { expect: await readSnapshot(file), fs })).rejects.toMatchObject({
      code: 'WRITE_FAILED',
      exitCode: 2,
    });
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['values.yaml']);
  });

  it('a write that makes no progress (bytesWritten 0) → WRITE_FAILED, not an endless loop', async () => {
    const { dir, file } = setup();
    const { fs, calls } = partialFs(4096, 1000, 'zero');
    await expect(safeWrite(file, NEW, { expect: await readSnapshot(file), fs })).rejects.toMatchObject({
      code: 'WRITE_FAILED',
      exitCode: 2,
    });
    expect(calls).toEqual([1000, 0]);
    expect(readFileSync(file, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['values.yaml']);
  });

  it('--backup: the .bak is written whole through short writes, and removed again when the config write fails', async () => {
    const { dir, file } = setup();
    const { fs } = partialFs(64);
    await safeWrite(file, NEW, { expect: await readSnapshot(file), backup: true, fs });
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(OLD);
    expect(statSync(`${file}.bak`).mode & 0o777).toBe(0o640);

    const { dir: dir2, file: file2 } = setup();
    // enough room for the backup (OLD), not for the new config
    const { fs: full } = partialFs(4096, Buffer.byteLength(OLD) + 10);
    await expect(safeWrite(file2, NEW, { expect: await readSnapshot(file2), backup: true, fs: full })).rejects.toMatchObject({
      code: 'WRITE_FAILED',
    });
    expect(readFileSync(file2, 'utf8')).toBe(OLD);
    expect(readdirSync(dir2)).toEqual(['values.yaml']);
    expect(readdirSync(dir).sort()).toEqual(['values.yaml', 'values.yaml.bak']);
  });

  it('--backup keeps what was read: a change before the write refuses without touching the .bak', async () => {
    const { dir, file } = setup();
    writeFileSync(`${file}.bak`, 'older backup\n');
    const snap = await readSnapshot(file);
    writeFileSync(file, `${OLD}# saved by someone else\n`);
    await expect(safeWrite(file, NEW, { expect: snap, backup: true })).rejects.toMatchObject({ code: 'WRITE_FILE_CHANGED' });
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('older backup\n');
    expect(readFileSync(file, 'utf8')).toBe(`${OLD}# saved by someone else\n`);
    expect(readdirSync(dir).sort()).toEqual(['values.yaml', 'values.yaml.bak']);
  });
});
