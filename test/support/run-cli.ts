import { PassThrough } from 'node:stream';
import { main } from '../../src/main.js';
import { asksJson } from '../../src/cli/error-envelope.js';
import type { Io } from '../../src/cli/io.js';
import { checkJsonRun } from './expect-matches-schema.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
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
export function fakeIo(opts: FakeIoOptions = {}): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  stdin.isTTY = opts.tty ?? false;
  stdin.end(opts.stdin ?? '');
  const noNetwork = (async (u: unknown) => {
    throw new Error(`network access attempted in a test: ${String(u)}`);
  }) as typeof fetch;
  return {
    stdout: { write: (s: string) => ((out += s), true), isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => ((err += s), true), isTTY: opts.tty ?? false },
    stdin,
    env: opts.env ?? {},
    cwd: opts.cwd ?? process.cwd(),
    now: () => opts.now ?? new Date('2026-06-01T00:00:00Z'),
    fetch: opts.fetch ?? noNetwork,
    out: () => out,
    err: () => err,
  };
}

/** Runs `polyaxon-sso ...args` in-process. */
export async function runCli(args: string[], opts: FakeIoOptions = {}): Promise<CliResult> {
  const io = fakeIo(opts);
  const code = await main(args, io);
  // Every --json run any suite makes is checked against its published schema (schemas/).
  if (asksJson(args) && opts.checkJson !== false) checkJsonRun(args, code, io.out());
  return { code, stdout: io.out(), stderr: io.err() };
}
