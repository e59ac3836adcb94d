// The esbuild options of the real build, shared with test/unit/bundle-graph.test.ts so the test
// inspects the chunk graph users actually get (issue 9: which heavy modules each command loads).
export const esbuildOptions = {
  entryPoints: { cli: 'src/bin-entry.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  // Lazy `import()`s (commands, yaml for `urls --config`, xml-crypto for signed documents) become
  // separate chunks that are only read from disk when that code path runs.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS dependencies (xml-crypto, xmldom) call require() for Node built-ins.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
};
