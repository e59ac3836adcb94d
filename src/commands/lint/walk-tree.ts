import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The directory walk behind `lint`'s inputs (expand-inputs.ts): recursive, skipping node_modules
 * and .git, symlinked folders followed after the real tree with loop protection. Nothing found is
 * dropped without a word: a folder it cannot read or a loop is a problem (lint exits 2), a second
 * path to a folder already searched or a broken link is reported as skipped.
 */
export interface InputProblem {
  input: string;
  code: 'INPUT_NOT_FOUND' | 'INPUT_UNREADABLE' | 'INPUT_NO_MATCH' | 'INPUT_LOOP';
  message: string;
}

/** Something found but not linted, and why (shown as skipped in every format). */
export interface InputSkipped {
  display: string;
  reason: string;
}

/** The file-system calls the walk makes, injectable so tests can fail any one (EACCES as root). */
export interface ExpandFs {
  stat(path: string): Promise<{ isDirectory(): boolean; isFile(): boolean }>;
  readdir(path: string): Promise<{ name: string; isDirectory(): boolean; isSymbolicLink(): boolean }[]>;
  realpath(path: string): Promise<string>;
}

export const nodeExpandFs: ExpandFs = {
  stat: (p) => stat(p),
  readdir: (p) => readdir(p, { withFileTypes: true }),
  realpath: (p) => realpath(p),
};

const SKIP_DIRS = new Set(['node_modules', '.git']);

export class Walker {
  /** Real paths of the directories this walk has entered: each is searched once. */
  private seen = new Map<string, string>();
  /** Symlinked directories, searched after the real tree so files keep their real paths. */
  private later: (() => Promise<void>)[] = [];

  constructor(
    private readonly fs: ExpandFs,
    private readonly show: (p: string) => string,
    private readonly problems: InputProblem[],
    private readonly skipped: InputSkipped[],
  ) {}

  /** Every entry under root that `keep` accepts (by full path) and that is not a directory. */
  async walk(root: string, keep: (path: string) => boolean): Promise<string[]> {
    this.seen = new Map();
    const real = await this.fs.realpath(root).catch(() => undefined);
    // A glob's base that does not exist: the caller reports that nothing matched.
    if (real === undefined) return [];
    const out: string[] = [];
    this.later = [];
    await this.dir(root, real, new Set([real]), keep, out);
    for (let next = this.later.shift(); next; next = this.later.shift()) await next();
    return out;
  }

  private async dir(
    dir: string,
    real: string,
    ancestors: ReadonlySet<string>,
    keep: (path: string) => boolean,
    out: string[],
  ): Promise<void> {
    const earlier = this.seen.get(real);
    if (earlier !== undefined) {
      if (earlier !== dir)
        this.skipped.push({ display: this.show(dir), reason: `same directory as ${this.show(earlier)}, already searched` });
      return;
    }
    this.seen.set(real, dir);
    let list;
    try {
      list = await this.fs.readdir(dir);
    } catch (e) {
      this.problem(dir, e, 'directory ');
      return;
    }
    // By name: which of two paths to one folder is searched (the other is reported) never depends on the file system.
    for (const d of [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = join(dir, d.name);
      if (d.isDirectory()) {
        if (!SKIP_DIRS.has(d.name)) await this.dir(full, join(real, d.name), new Set(ancestors).add(join(real, d.name)), keep, out);
      } else if (d.isSymbolicLink()) {
        await this.link(full, d.name, ancestors, keep, out);
      } else if (keep(full)) out.push(full); // not a regular file (FIFO, socket): refused when read
    }
  }

  private async link(
    full: string,
    name: string,
    ancestors: ReadonlySet<string>,
    keep: (path: string) => boolean,
    out: string[],
  ): Promise<void> {
    let info;
    let target;
    try {
      info = await this.fs.stat(full);
      target = await this.fs.realpath(full);
    } catch (e) {
      if (errno(e) === 'ENOENT') {
        if (keep(full)) this.skipped.push({ display: this.show(full), reason: 'broken symlink (its target does not exist)' });
      } else this.problem(full, e, '');
      return;
    }
    if (!info.isDirectory()) {
      if (keep(full)) out.push(full);
      return;
    }
    if (SKIP_DIRS.has(name)) return;
    if (ancestors.has(target)) {
      this.problems.push({
        input: this.show(full),
        code: 'INPUT_LOOP',
        message: `symlink loop: ${this.show(full)} leads back to ${this.show(target)}`,
      });
      return;
    }
    this.later.push(() => this.dir(full, target, new Set(ancestors).add(target), keep, out));
  }

  private problem(path: string, e: unknown, kind: string): void {
    const code = errno(e) === 'ELOOP' ? 'INPUT_LOOP' : 'INPUT_UNREADABLE';
    this.problems.push({ input: this.show(path), code, message: `cannot read ${kind}${this.show(path)}: ${why(e)}` });
  }
}

export const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | undefined)?.code;

/** The errno in words: what the user can act on. */
export function why(e: unknown): string {
  const code = errno(e);
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENAMETOOLONG') return 'path too long (ENAMETOOLONG)';
  if (code === 'ELOOP') return 'symlink loop (ELOOP)';
  return code ?? (e as Error).message;
}
