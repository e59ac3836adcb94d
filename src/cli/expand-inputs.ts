import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { globToRegExp, isGlob, splitGlob } from './glob-match.js';

/**
 * `lint` inputs → the files to lint (issue 5): files as given, directories walked recursively for
 * `*.yaml`/`*.yml` (skipping node_modules and .git), globs matched by glob-match, `-` for stdin.
 * A missing input or a pattern that matches nothing is a problem, not a stop: lint the rest and
 * exit 2 (DESIGN.md §8). Sorted by display path so output order never depends on the file system.
 */
export interface InputFile {
  /** Absolute path, or '-' for stdin. */
  path: string;
  /** What reports show: relative to cwd with '/' when inside it, else absolute. */
  display: string;
  /** Found by walking a directory or matching a glob: skip it when it is not a Polyaxon config. */
  expanded: boolean;
}

export interface InputProblem {
  input: string;
  code: 'INPUT_NOT_FOUND' | 'INPUT_UNREADABLE' | 'INPUT_NO_MATCH';
  message: string;
}

const SKIP_DIRS = new Set(['node_modules', '.git']);
const YAML_FILE = /\.ya?ml$/i;

export async function expandInputs(inputs: readonly string[], cwd: string): Promise<{ files: InputFile[]; problems: InputProblem[] }> {
  const byPath = new Map<string, InputFile>();
  const problems: InputProblem[] = [];
  const add = (path: string, expanded: boolean): void => {
    const prev = byPath.get(path);
    if (!prev || (prev.expanded && !expanded)) byPath.set(path, { path, display: displayPath(path, cwd), expanded });
  };
  for (const input of inputs) {
    if (input === '-') {
      byPath.set('-', { path: '-', display: '<stdin>', expanded: false });
      continue;
    }
    // A name with glob characters that exists as such (`values[prod].yaml`) is taken literally.
    if (isGlob(input) && !(await exists(resolve(cwd, input)))) {
      const { base, rest } = splitGlob(input.split(sep).join('/'));
      const re = globToRegExp(rest);
      const root = resolve(cwd, base);
      const found = (await walk(root, () => true)).filter((f) => re.test(toPosix(relative(root, f))));
      if (found.length === 0) problems.push({ input, code: 'INPUT_NO_MATCH', message: `no file matches ${input}` });
      for (const f of found) add(f, true);
      continue;
    }
    const abs = resolve(cwd, input);
    let info;
    try {
      info = await stat(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push(code === 'ENOENT' || code === 'ENOTDIR'
        ? { input, code: 'INPUT_NOT_FOUND', message: `file not found: ${input}` }
        : { input, code: 'INPUT_UNREADABLE', message: `cannot read ${input}: ${code ?? (e as Error).message}` });
      continue;
    }
    if (!info.isDirectory()) {
      add(abs, false);
      continue;
    }
    const found = await walk(abs, (name) => YAML_FILE.test(name));
    if (found.length === 0) problems.push({ input, code: 'INPUT_NO_MATCH', message: `no *.yaml or *.yml file in directory ${input}` });
    for (const f of found) add(f, true);
  }
  const files = [...byPath.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { files, problems };
}

/** Recursive listing; symlinked directories are not followed (no loops), symlinked files are. */
async function walk(dir: string, keep: (name: string) => boolean): Promise<string[]> {
  let list;
  try {
    list = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const d of list) {
    const full = join(dir, d.name);
    if (d.isDirectory()) {
      if (!SKIP_DIRS.has(d.name)) out.push(...(await walk(full, keep)));
    } else if (keep(d.name) && (d.isFile() || (d.isSymbolicLink() && (await isFile(full))))) out.push(full);
  }
  return out;
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(() => true, () => false);
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return toPosix(abs);
  return toPosix(rel);
}

const toPosix = (p: string): string => p.split(sep).join('/');
