import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, expect } from 'vitest';
import { runCli, type FakeIoOptions } from './run-cli.js';

/**
 * Infrastructure of the adversarial suite: run a command in-process through runCli (main()'s own
 * wiring), with a fetch that records and refuses every request, under a hang guard; and
 * snapshot a directory (bytes + mtime + mode) to prove that nothing changed.
 */
/**
 * Generous on purpose: a hang (an endless loop, exponential backtracking) runs for minutes, while a
 * healthy run can take ~10 s of wall time on a 2-core machine at a load average of 20.
 */
export const HANG_GUARD_MS = 40_000;

export interface GuardedResult {
  code: number;
  /** What the command printed; the --json error document main() adds is asserted by errorCode. */
  stdout: string;
  stderr: string;
  /** The code of the error that ended the run (USAGE, INPUT_NOT_FOUND, HOST_INVALID…). */
  errorCode?: string;
  /** Every URL the command tried to fetch (each attempt was refused). */
  requests: string[];
  /** Parsed stdout when it is one JSON document. */
  json?: Record<string, unknown>;
}

/**
 * Rejects when `p` does not settle within `ms`: a hang is a failure, not a slow pass. A timer
 * cannot interrupt synchronous work (a regex or parser stuck on the event loop), so the elapsed
 * time is also checked once `p` settles.
 */
export async function withinHangGuard<T>(p: Promise<T>, ms = HANG_GUARD_MS, what = 'command'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = () => new Error(`${what} did not finish within ${ms} ms (hang)`);
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(hang()), ms);
  });
  const t0 = performance.now();
  try {
    const out = await Promise.race([p, guard]);
    if (performance.now() - t0 > ms) throw hang();
    return out;
  } finally {
    clearTimeout(timer);
  }
}

export interface GuardedOptions extends Omit<FakeIoOptions, 'fetch'> {
  hangMs?: number;
  /** Answers a (recorded) request; without it every request is refused. */
  respond?: (url: string) => Response | Promise<Response>;
}

/** runCli under the hang guard, with every fetch recorded (and refused unless `respond` answers). */
export async function runGuarded(args: string[], opts: GuardedOptions = {}): Promise<GuardedResult> {
  const requests: string[] = [];
  const record = (async (input: unknown) => {
    const url = input instanceof Request ? input.url : String(input);
    requests.push(url);
    if (opts.respond) return opts.respond(url);
    throw new TypeError('fetch refused by the adversarial suite');
  }) as typeof fetch;
  const r = await withinHangGuard(
    runCli(args, { ...opts, fetch: record }),
    opts.hangMs ?? HANG_GUARD_MS,
    `polyaxon-sso ${args.slice(0, 2).join(' ')}`,
  );
  // Anything but a user error is a bug (docs/design.md §4.3): surface it with its stack.
  if (r.errorCode === 'INTERNAL') throw r.thrown;
  const result: GuardedResult = { code: r.code, stdout: r.commandStdout, stderr: r.stderr, requests };
  if (r.errorCode !== undefined) result.errorCode = r.errorCode;
  try {
    const parsed: unknown = JSON.parse(result.stdout);
    if (parsed && typeof parsed === 'object') result.json = parsed as Record<string, unknown>;
  } catch {
    // not JSON output
  }
  return result;
}

/** Finding codes anywhere in a JSON report (top-level findings and nested ones). */
export function findingCodes(json: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.code === 'string' && typeof o.severity === 'string') out.push(o.code);
      Object.values(o).forEach(walk);
    }
  };
  walk(json);
  return out;
}

export interface FileState {
  kind: 'file' | 'dir' | 'symlink';
  bytes?: Buffer;
  target?: string;
  mtimeMs: number;
  mode: number;
}

/** Every entry under `dir` (not following symlinks): bytes, link target, mtime and mode. */
export function snapshotDir(dir: string): Map<string, FileState> {
  const out = new Map<string, FileState>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = lstatSync(p);
      const rel = relative(dir, p);
      if (st.isSymbolicLink()) out.set(rel, { kind: 'symlink', target: readlinkSync(p), mtimeMs: st.mtimeMs, mode: st.mode });
      else if (st.isDirectory()) {
        out.set(rel, { kind: 'dir', mtimeMs: st.mtimeMs, mode: st.mode });
        walk(p);
      } else out.set(rel, { kind: 'file', bytes: readFileSync(p), mtimeMs: st.mtimeMs, mode: st.mode });
    }
  };
  walk(dir);
  return out;
}

/** Byte-identical, same mtime, same mode, no entry added or removed. */
export function expectUnchanged(before: Map<string, FileState>, after: Map<string, FileState>): void {
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [name, b] of before) {
    const a = after.get(name) as FileState;
    expect({ name, kind: a.kind, target: a.target, mode: a.mode, mtimeMs: a.mtimeMs }).toEqual({
      name,
      kind: b.kind,
      target: b.target,
      mode: b.mode,
      mtimeMs: b.mtimeMs,
    });
    if (b.bytes) expect(a.bytes?.equals(b.bytes), `${name} bytes changed`).toBe(true);
  }
}

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh temp dir, removed after the test. */
export function tempDir(prefix = 'pxsso-adv-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}
