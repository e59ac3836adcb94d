#!/usr/bin/env node
// Tiny shim: the CLI is the bundled dist/cli.cjs (see scripts/build.mjs). CommonJS, as bin/package.json says.
const { enableCompileCache } = require('node:module');

// Node >= 22.1 caches compiled code between runs; a no-op elsewhere.
enableCompileCache?.();
require('../dist/cli.cjs');
