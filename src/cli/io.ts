import type { Readable } from 'node:stream';

/**
 * Everything a command touches of the outside world, passed in (docs/design.md §4.4) so commands run
 * in-process in tests. Human text → stdout, diagnostics and progress → stderr.
 */
export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  stdin: Readable & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** The real clock; commands that check time take --now first. */
  now: () => Date;
  /** For https inputs; injected in tests (no network in tests). */
  fetch: typeof fetch;
  /** The whole exchange of one download, in ms (default 15 s); tests set a short one. */
  fetchTimeoutMs?: number;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    // Getters: Node builds each stream on first access, and most runs never read stdin or write
    // to stderr (start-up time).
    get stderr() {
      // stderr gone too (a closed pipe): the exit code is all that can still say it. Attached here,
      // on first use, not at start-up (docs/startup.md rule 4).
      if (process.stderr.listenerCount('error') === 0) process.stderr.on('error', () => process.exit(2));
      return process.stderr;
    },
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    fetch: globalThis.fetch,
  };
}

/**
 * Colour only on a TTY, honouring NO_COLOR / FORCE_COLOR (https://no-color.org); TERM=dumb (a
 * terminal that cannot show escape sequences: Emacs shells, some CI logs) gets none unless forced.
 */
export function wantsColor(io: Io, flag?: boolean): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (io.env.TERM === 'dumb') return false;
  return io.stdout.isTTY === true;
}
