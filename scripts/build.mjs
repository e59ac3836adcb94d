// Bundles the CLI and the library with esbuild (the builds and the dist/ layout are in
// esbuild-options.mjs). Types come from tsc.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { builds } from './esbuild-options.mjs';

rmSync('dist', { recursive: true, force: true });
await Promise.all(builds.map((options) => build(options)));
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
