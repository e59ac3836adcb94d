import { PassThrough } from 'node:stream';
import { execute } from '../../src/main.js';
import { asksJson, type RunError } from '../../src/cli/error-envelope.js';
import type { Io } from '../../src/cli/io.js';
import { TEST_NOW } from './clock.js';
import { checkJsonRun } from './expect-matches-schema.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The code of the error that ended the run (USAGE, INPUT_NOT_FOUND, UNKNOWN_OPTION…): tests match codes, not message text. */
  errorCode?: string;
  /** Parsed stdout when it is one JSON document. */
  json?: Record<string, unknown>;
  /** The error as main() reported it, and what was thrown. */
  error?: RunError;
  thrown?: unknown;
  /** stdout as the command left it, before main() added the --json error document. */
  commandStdout: string;
}

export interface FakeIoOptions {
  cwd?: string;
  stdin?: string | Buffer;
  env?: Record<string, string | undefined>;
  now?: Date;
  tty?: boolean;
  fetch?: typeof fetch;
  /** false: a test that checks a broken --json run itself skips the schema check. */
  checkJson?: boolean;
}

/** An Io that records output; no network unless a fake fetch is given. */
export function fakeIo(opts: FakeIoOptions = {}): Io & { out: () => string; err: () => string; lastOut: () => string } {
  let out = '';
  let last = '';
  let err = '';
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  stdin.isTTY = opts.tty ?? false;
  stdin.end(opts.stdin ?? '');
  const noNetwork = (async (u: unknown) => {
    throw new Error(`network access attempted in a test: ${String(u)}`);
  }) as typeof fetch;
  return {
    stdout: { write: (s: string) => ((out += s), (last = s), true), isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => ((err += s), true), isTTY: opts.tty ?? false },
    stdin,
    env: opts.env ?? {},
    cwd: opts.cwd ?? process.cwd(),
    now: () => opts.now ?? new Date(TEST_NOW),
    fetch: opts.fetch ?? noNetwork,
    out: () => out,
    err: () => err,
    lastOut: () => last,
  };
}

/** Runs `polyaxon-sso ...args` in-process, through main()'s own wiring and error reporting. */
export async function runCli(args: string[], opts: FakeIoOptions = {}): Promise<CliResult> {
  const io = fakeIo(opts);
  const { code, error, thrown } = await execute(args, io);
  // Every --json run any suite makes is checked against its published schema (schemas/).
  if (asksJson(args) && opts.checkJson !== false) checkJsonRun(args, code, io.out());
  const stdout = io.out();
  // main() writes the --json error document in one write, its last.
  const commandStdout = error !== undefined && asksJson(args) ? stdout.slice(0, stdout.length - io.lastOut().length) : stdout;
  const result: CliResult = { code, stdout, stderr: io.err(), commandStdout };
  if (error !== undefined) Object.assign(result, { errorCode: error.code, error, thrown });
  try {
    const parsed: unknown = JSON.parse(stdout);
    if (parsed && typeof parsed === 'object') result.json = parsed as Record<string, unknown>;
  } catch {
    // not JSON output
  }
  return result;
}
