// The bench measures its own copy of the build: in a shared checkout another engineer's
// `npm run build` empties dist/ for a few seconds, and a run that hits that window would time a
// "module not found" instead of the command. So scripts/build.mjs (the real build, unchanged) runs
// with cwd = bench/work/pkg, where src/, scripts/ and node_modules/ are symlinks to the repository.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

export function privateBuild(root, log, { rebuild = true } = {}) {
  const pkg = join(root, 'bench', 'work', 'pkg');
  // --no-build measures whatever bench/work/pkg holds, an older build too (bench/README.md).
  if (!rebuild && existsSync(join(pkg, 'bin', 'polyaxon-sso.js'))) {
    log('reusing the build in bench/work/pkg (--no-build)');
    return pkg;
  }
  rmSync(pkg, { recursive: true, force: true });
  mkdirSync(join(pkg, 'bin'), { recursive: true });
  for (const dir of ['src', 'scripts', 'node_modules']) symlinkSync(join(root, dir), join(pkg, dir), 'dir');
  // package.json ("type": "module", for the library) and bin/package.json ("commonjs", for the bin); the tsconfigs feed the declaration emit.
  for (const file of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'bin/polyaxon-sso.js', 'bin/package.json'])
    copyFileSync(join(root, file), join(pkg, file));
  log('building into bench/work/pkg (scripts/build.mjs)');
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: pkg, stdio: 'inherit' });
  // A half-written file elsewhere may break the type emit while the bundle itself is complete.
  if (b.status !== 0)
    log(existsSync(join(pkg, 'dist', 'cli.cjs')) ? 'build step failed after bundling; measuring the bundle' : 'build failed');
  if (!existsSync(join(pkg, 'dist', 'cli.cjs'))) throw new Error('no bundle in bench/work/pkg/dist: fix `npm run build` first');
  return pkg;
}
