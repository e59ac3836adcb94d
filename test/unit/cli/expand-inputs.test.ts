import { describe, expect, it } from 'vitest';
import { expandInputs, type ExpandFs } from '../../../src/commands/lint/expand-inputs.js';

/** A tiny in-memory tree whose directories can fail with any errno (EACCES even for root). */
function fakeFs(dirs: Record<string, string[]>, failing: Record<string, string> = {}): ExpandFs {
  const fail = (p: string) => {
    if (failing[p]) throw Object.assign(new Error(`${failing[p]}: ${p}`), { code: failing[p] });
  };
  const isDir = (p: string) => Object.hasOwn(dirs, p);
  const exists = (p: string) => isDir(p) || Object.entries(dirs).some(([d, names]) => names.some((n) => `${d}/${n}` === p));
  return {
    async stat(p) {
      if (!exists(p)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return { isDirectory: () => isDir(p), isFile: () => !isDir(p) };
    },
    async readdir(p) {
      fail(p);
      return (dirs[p] ?? []).map((name) => ({ name, isDirectory: () => isDir(`${p}/${name}`), isSymbolicLink: () => false }));
    },
    async realpath(p) {
      return p;
    },
  };
}

describe('expandInputs: a directory that cannot be read is a problem, never silence', () => {
  const tree = {
    '/r': ['deploy'],
    '/r/deploy': ['a.yaml', 'locked', 'deep'],
    '/r/deploy/locked': ['b.yaml'],
    '/r/deploy/deep': ['c.yaml'],
  };

  it.each([
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
    ['ENAMETOOLONG', 'path too long (ENAMETOOLONG)'],
    ['EIO', 'EIO'],
  ])('%s in a subfolder → INPUT_UNREADABLE with the reason; the rest still found', async (code, why) => {
    const r = await expandInputs(['deploy'], '/r', fakeFs(tree, { '/r/deploy/locked': code }));
    expect(r.files.map((f) => f.display)).toEqual(['deploy/a.yaml', 'deploy/deep/c.yaml']);
    expect(r.problems).toEqual([
      { input: 'deploy/locked', code: 'INPUT_UNREADABLE', message: `cannot read directory deploy/locked: ${why}` },
    ]);
  });

  it('ELOOP → INPUT_LOOP; the input directory itself unreadable → the problem and no-match', async () => {
    const loop = await expandInputs(['deploy'], '/r', fakeFs(tree, { '/r/deploy/deep': 'ELOOP' }));
    expect(loop.problems.map((p) => p.code)).toEqual(['INPUT_LOOP']);
    const top = await expandInputs(['deploy'], '/r', fakeFs(tree, { '/r/deploy': 'EACCES' }));
    expect(top.problems.map((p) => [p.code, p.message])).toEqual([
      ['INPUT_UNREADABLE', 'cannot read directory deploy: permission denied'],
      ['INPUT_NO_MATCH', 'no *.yaml or *.yml file in directory deploy'],
    ]);
  });

  it('a glob walk reports an unreadable folder too', async () => {
    const r = await expandInputs(['deploy/**/*.yaml'], '/r', fakeFs(tree, { '/r/deploy/locked': 'EACCES' }));
    expect(r.files.map((f) => f.display)).toEqual(['deploy/a.yaml', 'deploy/deep/c.yaml']);
    expect(r.problems.map((p) => p.code)).toEqual(['INPUT_UNREADABLE']);
  });

  it('the same directory named twice is walked for each', async () => {
    const r = await expandInputs(['deploy', 'deploy/deep'], '/r', fakeFs(tree));
    expect([r.files.length, r.problems]).toEqual([3, []]);
  });
});
