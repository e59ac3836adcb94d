// Bundles the CLI and the library with esbuild (options in esbuild-options.mjs). Lazy `import()`s
// stay separate chunks, so `--version` loads commander and nothing else (issue 9). Types come from tsc.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { esbuildOptions } from './esbuild-options.mjs';

rmSync('dist', { recursive: true, force: true });
await build(esbuildOptions);
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
