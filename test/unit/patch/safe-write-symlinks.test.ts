import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeWrite } from '../../../src/cli/safe-write.js';
import { nodeWriterFs, type WriterFs } from '../../../src/cli/writer-fs.js';

/**
 * writing onto a dangling symlink (`patch --create`, `--output`) replaced the link
 * with a regular file. Policy (docs/design.md §6): write through. The link is resolved even when its
 * target does not exist yet, the temp file goes in the target's directory, the link survives.
 */
const base = () => mkdtempSync(join(tmpdir(), 'safe-write-link-'));

/** Records the directory of every temp file opened. */
function recording(): { fs: WriterFs; tempDirs: string[] } {
  const tempDirs: string[] = [];
  return { tempDirs, fs: { ...nodeWriterFs, open: (p, f, m) => (f === 'wx' && tempDirs.push(dirname(p)), nodeWriterFs.open(p, f, m)) } };
}

describe('safeWrite through a dangling symlink', () => {
  it('a relative dangling link: the target is created, the link stays a link', async () => {
    const dir = base();
    symlinkSync('missing.yaml', join(dir, 'values.yaml'));
    const res = await safeWrite(join(dir, 'values.yaml'), Buffer.from('a: 1\n'), { expect: 'absent' });
    expect(res.path).toBe(join(dir, 'missing.yaml'));
    expect(lstatSync(join(dir, 'values.yaml')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'values.yaml'))).toBe('missing.yaml');
    expect(readFileSync(join(dir, 'missing.yaml'), 'utf8')).toBe('a: 1\n');
    expect(readdirSync(dir).sort()).toEqual(['missing.yaml', 'values.yaml']);
  });

  it('a link into another directory: the temp file is made in the target directory, then renamed onto the target', async () => {
    const dir = base();
    mkdirSync(join(dir, 'links'));
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real', 'values.yaml'), join(dir, 'links', 'values.yaml'));
    const { fs, tempDirs } = recording();
    await safeWrite(join(dir, 'links', 'values.yaml'), Buffer.from('a: 1\n'), { expect: 'absent', fs });
    expect(tempDirs).toEqual([join(dir, 'real')]);
    expect(readFileSync(join(dir, 'real', 'values.yaml'), 'utf8')).toBe('a: 1\n');
    expect(lstatSync(join(dir, 'links', 'values.yaml')).isSymbolicLink()).toBe(true);
    expect(readdirSync(join(dir, 'links'))).toEqual(['values.yaml']);
    expect(readdirSync(join(dir, 'real'))).toEqual(['values.yaml']);
  });

  it('a chain of links, each relative to its own directory, reached through a symlinked directory', async () => {
    const dir = base();
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    mkdirSync(join(dir, 'c'));
    symlinkSync(join(dir, 'a', 'b'), join(dir, 'alias')); // alias/../ is a/, not dir/ (path_resolution(7))
    symlinkSync('../second.yaml', join(dir, 'a', 'b', 'first.yaml'));
    symlinkSync('../c/final.yaml', join(dir, 'a', 'second.yaml'));
    const res = await safeWrite(join(dir, 'alias', 'first.yaml'), Buffer.from('a: 1\n'), { expect: 'absent' });
    expect(res.path).toBe(join(dir, 'c', 'final.yaml'));
    expect(readFileSync(join(dir, 'alias', 'first.yaml'), 'utf8')).toBe('a: 1\n'); // the kernel agrees
    expect(lstatSync(join(dir, 'a', 'b', 'first.yaml')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'a', 'second.yaml')).isSymbolicLink()).toBe(true);
  });

  it('a symlink loop → WRITE_FAILED, nothing created', async () => {
    const dir = base();
    symlinkSync('b.yaml', join(dir, 'a.yaml'));
    symlinkSync('a.yaml', join(dir, 'b.yaml'));
    await expect(safeWrite(join(dir, 'a.yaml'), Buffer.from('x\n'))).rejects.toMatchObject({ code: 'WRITE_FAILED', exitCode: 2 });
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml']);
    expect(lstatSync(join(dir, 'a.yaml')).isSymbolicLink()).toBe(true);
  });

  it('a dangling link into a missing directory → WRITE_FAILED, the link is left alone', async () => {
    const dir = base();
    symlinkSync('nowhere/values.yaml', join(dir, 'values.yaml'));
    await expect(safeWrite(join(dir, 'values.yaml'), Buffer.from('x\n'), { expect: 'absent' })).rejects.toMatchObject({
      code: 'WRITE_FAILED',
    });
    expect(readdirSync(dir)).toEqual(['values.yaml']);
    expect(lstatSync(join(dir, 'values.yaml')).isSymbolicLink()).toBe(true);
  });
});
