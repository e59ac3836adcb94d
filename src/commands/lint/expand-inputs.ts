import { isAbsolute, relative, resolve, sep } from 'node:path';
import { compileGlob, isGlob, splitGlob } from './glob-match.js';
import { errno, nodeExpandFs, why, Walker, type ExpandFs, type InputProblem, type InputSkipped } from './walk-tree.js';

export type { ExpandFs, InputProblem, InputSkipped } from './walk-tree.js';

/**
 * `lint` inputs → the files to lint (docs/lint.md): files as given, directories walked recursively for
 * `*.yaml`/`*.yml` (skipping node_modules and .git), globs matched by glob-match, `-` for stdin.
 * A missing input, a pattern that matches nothing, a directory that cannot be read (EACCES,
 * ENAMETOOLONG) or a symlink loop is a problem, not a stop: lint the rest and exit 2 (docs/design.md
 * §8), never a silent skip that would turn into a false green. Symlinked directories are followed
 * (a loop back to an ancestor is a problem; a second path to a directory already walked is
 * reported as skipped). Sorted by display path so output order never depends on the file system.
 * An invalid glob is a usage error (thrown).
 */
export interface InputFile {
  /** Absolute path, or '-' for stdin. */
  path: string;
  /** What reports show: relative to cwd with '/' when inside it, else absolute. */
  display: string;
  /** Found by walking a directory or matching a glob: skip it when it is not a Polyaxon config. */
  expanded: boolean;
}

const YAML_FILE = /\.ya?ml$/i;

export async function expandInputs(
  inputs: readonly string[],
  cwd: string,
  fs: ExpandFs = nodeExpandFs,
): Promise<{ files: InputFile[]; problems: InputProblem[]; skipped: InputSkipped[] }> {
  const byPath = new Map<string, InputFile>();
  const problems: InputProblem[] = [];
  const skipped: InputSkipped[] = [];
  const show = (p: string): string => displayPath(p, cwd);
  const add = (path: string, expanded: boolean): void => {
    const prev = byPath.get(path);
    if (!prev || (prev.expanded && !expanded)) byPath.set(path, { path, display: show(path), expanded });
  };
  const walker = new Walker(fs, show, problems, skipped);
  for (const input of inputs) {
    if (input === '-') {
      byPath.set('-', { path: '-', display: '<stdin>', expanded: false });
      continue;
    }
    // A name with glob characters that exists as such (`values[prod].yaml`) is taken literally.
    if (
      isGlob(input) &&
      !(await fs.stat(resolve(cwd, input)).then(
        () => true,
        () => false,
      ))
    ) {
      const { base, rest } = splitGlob(input.split(sep).join('/'));
      const glob = compileGlob(rest, input);
      const root = resolve(cwd, base);
      const found = await walker.walk(root, (f) => glob.test(toPosix(relative(root, f))));
      if (found.length === 0) problems.push({ input, code: 'INPUT_NO_MATCH', message: `no file matches ${input}` });
      for (const f of found) add(f, true);
      continue;
    }
    const abs = resolve(cwd, input);
    let info;
    try {
      info = await fs.stat(abs);
    } catch (e) {
      const code = errno(e);
      problems.push(
        code === 'ENOENT' || code === 'ENOTDIR'
          ? { input, code: 'INPUT_NOT_FOUND', message: `file not found: ${input}` }
          : { input, code: code === 'ELOOP' ? 'INPUT_LOOP' : 'INPUT_UNREADABLE', message: `cannot read ${input}: ${why(e)}` },
      );
      continue;
    }
    if (!info.isDirectory()) {
      add(abs, false);
      continue;
    }
    const found = await walker.walk(abs, (f) => YAML_FILE.test(f));
    if (found.length === 0) problems.push({ input, code: 'INPUT_NO_MATCH', message: `no *.yaml or *.yml file in directory ${input}` });
    for (const f of found) add(f, true);
  }
  const files = [...byPath.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { files, problems, skipped };
}

export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return toPosix(abs);
  return toPosix(rel);
}

const toPosix = (p: string): string => p.split(sep).join('/');
