import { writeSync } from 'node:fs';
import { VERSION } from './version.js';

const argv = process.argv.slice(2);

/** One line and a hint on stderr, then exit 2 ("could not run"): for failures of the process's surroundings. */
function fail(message: string, hint: string): never {
  try {
    writeSync(2, `polyaxon-sso: ${message}\n  hint: ${hint}\n`);
  } catch {
    // stderr is gone too: the exit code still says it
  }
  process.exit(2);
}

// A full disk (ENOSPC, e.g. `> /dev/full`) or a reader that went away (EPIPE, `| head`) on stdout:
// the output did not arrive, so neither 0 nor 1 (findings) is true. Exit 2 with the cause, never
// an uncaught exception's dump of the bundle's source.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE')
    fail(
      'cannot write to stdout: the reader closed the pipe (EPIPE); the output is incomplete',
      'The command reading the output (head, a pager) stopped early; let it read everything, or write to a file.',
    );
  if (e.code === 'ENOSPC')
    fail(
      'cannot write to stdout: no space left on device (ENOSPC); the output is incomplete',
      'Free space where the output goes, or send it elsewhere.',
    );
  fail(`cannot write to stdout: ${e.code ?? e.message}; the output is incomplete`, 'Check where the output is redirected.');
});

// A working directory deleted under the shell: every relative path would be meaningless, and
// process.cwd() throws ENOENT (uv_cwd) from deep inside a command.
try {
  process.cwd();
} catch {
  fail('the current directory no longer exists (deleted or moved)', 'cd to an existing directory and run the command again.');
}

// `--version` alone needs no command parser: answered before commander is even loaded
// (docs/startup.md: start-up within 1.3× of `node -e 0`). Same output as commander's `-V, --version`.
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  // The build turns this import() into a require() of dist/cli-main.cjs (no top-level await in CommonJS).
  import('./main.js')
    .then(({ main }) => main(argv))
    .then(
      // exitCode, not process.exit(): stdout may still be flushing into a pipe.
      (code) => {
        process.exitCode = code;
      },
      (e: unknown) => {
        process.stderr.write(`polyaxon-sso: internal error: ${String(e)}\n`);
        process.exitCode = 2;
      },
    );
}
