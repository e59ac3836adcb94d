import { main } from './cli.js';

// exitCode, not process.exit(): stdout may still be flushing into a pipe.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`polyaxon-sso: internal error: ${String(e)}\n`);
    process.exitCode = 2;
  },
);
