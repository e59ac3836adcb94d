#!/usr/bin/env node
// Tiny shim: the CLI is the bundled dist/cli.cjs (see scripts/build.mjs). CommonJS, as bin/package.json says.
// No compile cache is turned on here (SECURITY.md, "No compile cache"): cached
// bytecode is code the next run executes. Node >= 22.1 uses its own cache only when the user
// sets NODE_COMPILE_CACHE, which Node reads by itself.
require('../dist/cli.cjs');
