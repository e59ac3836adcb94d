import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeWrite, readSnapshot } from '../../src/cli/safe-write.js';
import { nodeWriterFs, type WriterFs } from '../../src/cli/writer-fs.js';
import { expectUnchanged, runGuarded, snapshotDir, tempDir } from '../support/guarded-run.js';
import { metadata } from '../support/xml-fixtures.js';
import { TEST_NOW as NOW } from '../support/clock.js';

/**
 * Writing the user's config under hostile file-system conditions (docs/design.md §6): temp
 * file in the same directory + fsync + rename, mode kept, symlinks written through, refusal when
 * the file changed since it was read, no temp files left behind (disk full: files-disk.test.ts).
 */
const CONFIG = '# deployment\nhostName: polyaxon.acme.com\n';
const TEMP = /\.polyaxon-sso-\d+-[0-9a-f]{8}\.tmp$/;

function setup(dir: string): void {
  writeFileSync(join(dir, 'idp.xml'), metadata());
}

const patch = (dir: string, config = 'values.yaml', extra: string[] = []) =>
  runGuarded(['patch', config, '--metadata', 'idp.xml', '--json', '--now', NOW, ...extra], { cwd: dir });

const temps = (dir: string): string[] => readdirSync(dir).filter((n) => TEMP.test(n));

describe('files: symlinks', () => {
  it('a symlink to the config is written through: the link stays a link, the target changes', async () => {
    const dir = tempDir();
    setup(dir);
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'values.yaml'), CONFIG);
    symlinkSync(join('real', 'values.yaml'), join(dir, 'values.yaml'));
    const r = await patch(dir);
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'values.yaml')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'values.yaml'))).toBe(join('real', 'values.yaml'));
    expect(readFileSync(join(dir, 'real', 'values.yaml'), 'utf8')).toMatch(
      /^# deployment\nhostName: polyaxon\.acme\.com\nexternalServices:\n {2}auth:\n {4}okta:\n/,
    );
    expect([...temps(dir), ...temps(join(dir, 'real'))]).toEqual([]);
  });

  it('a dangling symlink → PATCH_CONFIG_NOT_FOUND, exit 2, nothing created', async () => {
    const dir = tempDir();
    setup(dir);
    symlinkSync('missing.yaml', join(dir, 'values.yaml'));
    const before = snapshotDir(dir);
    const r = await patch(dir);
    expect({ code: r.code, errorCode: r.errorCode }).toEqual({ code: 2, errorCode: 'PATCH_CONFIG_NOT_FOUND' });
    expectUnchanged(before, snapshotDir(dir));
  });

  // the link used to be replaced by a regular file (docs/design.md §6: write through).
  for (const [mode, args] of [
    ['--create', ['--create']],
    ['--output', ['--output', 'out.yaml']],
  ] as const) {
    it(`${mode} onto a dangling symlink writes its target; the link stays a link`, async () => {
      const dir = tempDir();
      setup(dir);
      mkdirSync(join(dir, 'real'));
      const link = mode === '--create' ? 'values.yaml' : 'out.yaml';
      if (mode === '--output') writeFileSync(join(dir, 'values.yaml'), CONFIG);
      symlinkSync(join('real', 'target.yaml'), join(dir, link));
      const r = await patch(dir, 'values.yaml', [...args]);
      expect(r.code).toBe(0);
      expect(lstatSync(join(dir, link)).isSymbolicLink()).toBe(true);
      expect(readlinkSync(join(dir, link))).toBe(join('real', 'target.yaml'));
      expect(readFileSync(join(dir, 'real', 'target.yaml'), 'utf8')).toMatch(
        /externalServices:\n {2}auth:\n {4}okta:\n {6}enabled: true\n/,
      );
      if (mode === '--output') expect(readFileSync(join(dir, 'values.yaml'), 'utf8')).toBe(CONFIG);
      expect([...temps(dir), ...temps(join(dir, 'real'))]).toEqual([]);
      expect(readdirSync(join(dir, 'real'))).toEqual(['target.yaml']);
    });
  }

  it('a symlink loop → PATCH_CONFIG_UNREADABLE, exit 2, nothing changed', async () => {
    const dir = tempDir();
    setup(dir);
    symlinkSync('b.yaml', join(dir, 'values.yaml'));
    symlinkSync('values.yaml', join(dir, 'b.yaml'));
    const before = snapshotDir(dir);
    const r = await patch(dir);
    expect({ code: r.code, errorCode: r.errorCode }).toEqual({ code: 2, errorCode: 'PATCH_CONFIG_UNREADABLE' });
    expectUnchanged(before, snapshotDir(dir));
  });

  it('the config is a directory → PATCH_CONFIG_UNREADABLE, exit 2', async () => {
    const dir = tempDir();
    setup(dir);
    mkdirSync(join(dir, 'values.yaml'));
    const before = snapshotDir(dir);
    const r = await patch(dir);
    expect({ code: r.code, errorCode: r.errorCode }).toEqual({ code: 2, errorCode: 'PATCH_CONFIG_UNREADABLE' });
    expectUnchanged(before, snapshotDir(dir));
  });
});

describe('files: permissions', () => {
  it('a read-only config (0444) is refused; --force writes it and keeps its mode', async () => {
    const dir = tempDir();
    setup(dir);
    writeFileSync(join(dir, 'values.yaml'), CONFIG);
    chmodSync(join(dir, 'values.yaml'), 0o444);
    // refused without --force (the mode bits decide, not access(2): root may write anything)
    const before = snapshotDir(dir);
    const refused = await patch(dir);
    expect({ code: refused.code, errorCode: refused.errorCode }).toEqual({ code: 2, errorCode: 'WRITE_FILE_READONLY' });
    expectUnchanged(before, snapshotDir(dir));
    const r = await patch(dir, 'values.yaml', ['--force']);
    // rename(2) needs only a writable directory; --force keeps the mode
    expect(r.code).toBe(0);
    expect(statSync(join(dir, 'values.yaml')).mode & 0o777).toBe(0o444);
    expect(temps(dir)).toEqual([]);
  });

  it('a 0600 config stays 0600 (secrets stay private)', async () => {
    const dir = tempDir();
    setup(dir);
    writeFileSync(join(dir, 'values.yaml'), CONFIG, { mode: 0o600 });
    chmodSync(join(dir, 'values.yaml'), 0o600);
    expect((await patch(dir)).code).toBe(0);
    expect(statSync(join(dir, 'values.yaml')).mode & 0o777).toBe(0o600);
  });
});

describe('files: races and leftovers', () => {
  it('the file changed between read and write → WRITE_FILE_CHANGED, the other writer wins, no temp left', async () => {
    const dir = tempDir();
    const file = join(dir, 'values.yaml');
    writeFileSync(file, CONFIG);
    const snapshot = await readSnapshot(file);
    const racing: WriterFs = {
      ...nodeWriterFs,
      // Another editor saves the file while our temp file is being written.
      async open(p, flags, mode) {
        const h = await nodeWriterFs.open(p, flags, mode);
        if (TEMP.test(p)) writeFileSync(file, `${CONFIG}# saved by someone else\n`);
        return h;
      },
    };
    await expect(safeWrite(file, Buffer.from('ours\n'), { expect: snapshot, fs: racing })).rejects.toMatchObject({
      code: 'WRITE_FILE_CHANGED',
    });
    expect(readFileSync(file, 'utf8')).toBe(`${CONFIG}# saved by someone else\n`);
    expect(temps(dir)).toEqual([]);
  });

  it("pre-existing temp-file names: a dead run's is removed, a live run's and look-alikes are kept", async () => {
    const dir = tempDir();
    setup(dir);
    writeFileSync(join(dir, 'values.yaml'), CONFIG);
    const dead = '.values.yaml.polyaxon-sso-999999-deadbeef.tmp'; // above the default pid_max
    const live = `.values.yaml.polyaxon-sso-1-0badcafe.tmp`; // pid 1 is always alive
    const lookalike = '.values.yaml.polyaxon-sso-tmp';
    for (const n of [dead, live, lookalike]) writeFileSync(join(dir, n), 'half a config');
    const r = await patch(dir);
    expect(r.code).toBe(0);
    expect(r.json?.cleanedTempFiles).toEqual([dead]);
    expect(existsSync(join(dir, dead))).toBe(false);
    expect(readFileSync(join(dir, live), 'utf8')).toBe('half a config');
    expect(readFileSync(join(dir, lookalike), 'utf8')).toBe('half a config');
  });

  it('a second run changes nothing, not even the mtime', async () => {
    const dir = tempDir();
    setup(dir);
    writeFileSync(join(dir, 'values.yaml'), CONFIG);
    expect((await patch(dir)).code).toBe(0);
    const before = snapshotDir(dir);
    const r = await patch(dir);
    expect(r.code).toBe(0);
    expect(r.json?.outcome).toBe('up-to-date');
    expectUnchanged(before, snapshotDir(dir));
  });
});
