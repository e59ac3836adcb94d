#!/usr/bin/env node
// Tiny shim: the CLI is the bundled dist/cli.js (see scripts/build.mjs).
import module from 'node:module';

// Node >= 22.1 caches compiled code between runs; a no-op elsewhere.
module.enableCompileCache?.();
await import('../dist/cli.js');
