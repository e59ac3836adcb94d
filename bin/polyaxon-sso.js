#!/usr/bin/env node
// Tiny shim: the CLI is the bundled dist/cli.cjs (see scripts/build.mjs). CommonJS, as bin/package.json says.
const { enableCompileCache } = require('node:module');
const { join } = require('node:path');

if (enableCompileCache) {
  // Node >= 22.1 caches compiled code between runs itself.
  enableCompileCache();
  require('../dist/cli.cjs');
} else {
  // Node 20: the same with V8's code cache, for our bundles only (src/compile-cache.ts).
  require('../dist/compile-cache.cjs').requireBundle(join(__dirname, '..', 'dist', 'cli.cjs'));
}
