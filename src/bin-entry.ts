import { VERSION } from './version.js';

const argv = process.argv.slice(2);
// `polyaxon-sso lint … | head`: the reader went away; stop quietly instead of a stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
// `--version` alone needs no command parser: answered before commander is even loaded (issue 9:
// start-up within 1.3× of `node -e 0`). Same output as commander's `-V, --version`.
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  // The build turns this import() into a require() of dist/cli-main.cjs (no top-level await in CommonJS).
  import('./cli.js').then(({ main }) => main(argv)).then(
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
