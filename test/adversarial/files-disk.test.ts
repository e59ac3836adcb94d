import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSnapshot, safeWrite } from '../../src/cli/safe-write.js';
import { nodeWriterFs, type WriterFs } from '../../src/cli/writer-fs.js';
import { expectUnchanged, runGuarded, snapshotDir, tempDir } from '../support/guarded-run.js';
import { metadata } from '../support/xml-fixtures.js';
import { TEST_NOW as NOW } from '../support/clock.js';

/**
 * A full disk and a read-only file system under `patch` (docs/design.md §6): the original is
 * kept and no temp file is left. A real small tmpfs is used when this runs as root and mount(8)
 * works; the injected ENOSPC runs everywhere.
 */
const CONFIG = '# deployment\nhostName: polyaxon.acme.com\n';
const TEMP = /\.polyaxon-sso-\d+-[0-9a-f]{8}\.tmp$/;
const setup = (dir: string): void => writeFileSync(join(dir, 'idp.xml'), metadata());
const patch = (dir: string) => runGuarded(['patch', 'values.yaml', '--metadata', 'idp.xml', '--json', '--now', NOW], { cwd: dir });

describe('files: disk full', () => {
  it('an injected ENOSPC on write → WRITE_FAILED, original intact, temp removed', async () => {
    const dir = tempDir();
    const file = join(dir, 'values.yaml');
    writeFileSync(file, CONFIG);
    const before = snapshotDir(dir);
    const full: WriterFs = {
      ...nodeWriterFs,
      async open(p, flags, mode) {
        const h = await nodeWriterFs.open(p, flags, mode);
        if (!TEMP.test(p)) return h;
        return {
          ...h,
          write: async () => {
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          },
          sync: () => h.sync(),
          chmod: (m: number) => h.chmod(m),
          chown: (u: number, g: number) => h.chown(u, g),
          close: () => h.close(),
        };
      },
    };
    await expect(safeWrite(file, Buffer.from('new\n'), { expect: await readSnapshot(file), fs: full })).rejects.toMatchObject({
      code: 'WRITE_FAILED',
    });
    expectUnchanged(before, snapshotDir(dir));
  });

  const canMount = (() => {
    if (process.getuid?.() !== 0) return false;
    const probe = tempDir('pxsso-mnt-probe-');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
      execFileSync('umount', [probe], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  async function withTmpfs<T>(size: string, fn: (mnt: string) => Promise<T>): Promise<T> {
    const mnt = tempDir('pxsso-mnt-');
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mnt]);
    try {
      return await fn(mnt);
    } finally {
      execFileSync('umount', [mnt]);
    }
  }

  if (!canMount)
    process.stderr.write(
      'notice: cannot mount a tmpfs here (needs root and mount(8)); the real disk-full and read-only file system cases are skipped\n',
    );

  /** A tmpfs with the config, the metadata, and a filler that leaves `free` bytes. */
  function fillUp(mnt: string, config: string, free: number): void {
    setup(mnt);
    writeFileSync(join(mnt, 'values.yaml'), config);
    const avail = Number(execFileSync('df', ['-B1', '--output=avail', mnt]).toString().split('\n')[1]);
    writeFileSync(join(mnt, 'filler'), Buffer.alloc(Math.max(0, avail - free)));
  }

  // one write(2) wrote the 8 KB that fitted, bytesWritten was ignored, the truncated temp file
  // replaced the config and patch exited 0.
  it.skipIf(!canMount)('a real full disk (small tmpfs) → WRITE_FAILED, exit 2, original intact, no temp left', async () => {
    await withTmpfs('128k', async (mnt) => {
      const big = `${CONFIG}${'# padding padding padding padding padding padding\n'.repeat(1200)}`;
      fillUp(mnt, big, 8 * 1024);
      for (const extra of [[], ['--backup']]) {
        const before = snapshotDir(mnt);
        const r = await runGuarded(['patch', 'values.yaml', '--metadata', 'idp.xml', '--json', '--now', NOW, ...extra], { cwd: mnt });
        expect({ extra, code: r.code, errorCode: r.errorCode }).toEqual({ extra, code: 2, errorCode: 'WRITE_FAILED' });
        expectUnchanged(before, snapshotDir(mnt));
        expect(readFileSync(join(mnt, 'values.yaml'), 'utf8')).toBe(big);
      }
    });
  });

  it.skipIf(!canMount)('a nearly full tmpfs with room for the new file: written whole', async () => {
    await withTmpfs('128k', async (mnt) => {
      fillUp(mnt, CONFIG, 16 * 1024);
      const r = await patch(mnt);
      expect(r.code).toBe(0);
      const text = readFileSync(join(mnt, 'values.yaml'), 'utf8');
      expect(text.startsWith(`${CONFIG}externalServices:\n`)).toBe(true);
      expect(text.endsWith('</md:EntityDescriptor>\n')).toBe(true);
      expect(readdirSync(mnt).sort()).toEqual(['filler', 'idp.xml', 'values.yaml']);
    });
  });

  it.skipIf(!canMount)('a read-only file system → WRITE_DIR_READONLY, exit 2, nothing changed', async () => {
    await withTmpfs('1m', async (mnt) => {
      setup(mnt);
      writeFileSync(join(mnt, 'values.yaml'), CONFIG);
      execFileSync('mount', ['-o', 'remount,ro', mnt]);
      const before = snapshotDir(mnt);
      const r = await patch(mnt);
      expect({ code: r.code, errorCode: r.errorCode }).toEqual({ code: 2, errorCode: 'WRITE_DIR_READONLY' });
      expectUnchanged(before, snapshotDir(mnt));
    });
  });
});
