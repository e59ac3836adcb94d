// The esbuild builds behind `npm run build`, shared with test/unit/build/bundle-graph.test.ts so
// the test inspects the files users actually get (what each command loads at start-up).
//
// Layout (dist/): cli.cjs (bin entry: `--version`, else requires cli-main.cjs) → cli-main.cjs
// (commander + src/main.ts) → commands/<name>.cjs, one self-contained file per command; what only
// some runs need stays out of it, in lazy/: xml-crypto.cjs (signed documents only) and
// host-from-config.cjs (yaml, for `urls --config`). index.js is the library (ESM, unchanged).
//
// Why CommonJS for the CLI: a process whose entry is an ES module starts Node's ESM loader, and
// that alone costs ~8 ms over `node -e 0` here (an empty .mjs: +12%, an empty .cjs: +0%), then
// ~1 ms per module file (async open/read/close). The CLI is never imported by anyone, so it is
// CommonJS end to end: bin/ (bin/package.json says "commonjs"), and every lazy import() becomes a
// require() (`supported: { 'dynamic-import': false }`); measured: --help and urls −15 ms each.
// Separate builds duplicate the small shared modules, which costs nothing since a process runs
// one command; their only shared state, the OperationalError class, is recognised by a brand
// (src/core/errors.ts).
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * chalk's Node colour detection (vendor/supports-color) does `import process from 'node:process'`,
 * and Node's ESM facade of that module reads every property of `process`, stdin and stderr
 * included: building those streams cost ~8 ms of every start. We never use the
 * detection (every Chalk gets an explicit level from wantsColor(), src/cli/io.ts), so the bundle
 * takes chalk's own environment-free variant, which reports no colour support by itself.
 */
const chalkWithoutDetection = {
  name: 'chalk-without-detection',
  setup(b) {
    const browser = fileURLToPath(new URL('../node_modules/chalk/source/vendor/supports-color/browser.js', import.meta.url));
    b.onResolve({ filter: /^#supports-color$/ }, (args) => (args.importer.includes('/chalk/') ? { path: browser } : undefined));
  },
};

/**
 * Modules a command loads only on some runs, each built on its own into dist/lazy/ and required
 * from there: yaml for `urls --config`; xml-crypto (+ xpath and its own xmldom, ~250 KB that V8
 * would otherwise compile at every start) for documents with a ds:Signature.
 */
const LAZY_MODULES = {
  'host-from-config': 'src/commands/urls/host-from-config.ts',
  'xml-crypto': 'xml-crypto',
  prompter: 'src/cli/prompter.ts',
};

const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    // patch asks (inquirer) only on a terminal when the trusted IdP or certificates change
    b.onResolve({ filter: /^\.\.\/\.\.\/cli\/prompter\.js$/ }, (args) =>
      args.importer.endsWith('patch-trust.ts') && args.kind !== 'import-statement'
        ? { path: '../lazy/prompter.cjs', external: true }
        : undefined,
    );
    b.onResolve({ filter: /^\.\/host-from-config\.js$/ }, (args) =>
      args.importer.endsWith('/src/commands/urls/run.ts') ? { path: '../lazy/host-from-config.cjs', external: true } : undefined,
    );
    // Only the lazy loader itself may name xml-crypto: a static import elsewhere would pull it
    // into every command's start-up (bundle-graph.test.ts checks who reads lazy/xml-crypto.cjs).
    b.onResolve({ filter: /^xml-crypto$/ }, (args) =>
      args.kind === 'dynamic-import' || args.kind === 'require-call' ? { path: '../lazy/xml-crypto.cjs', external: true } : undefined,
    );
  },
};

/** The CLI's lazy boundaries stay imports of the separately built files (see the layout above). */
const cliBoundaries = {
  name: 'cli-boundaries',
  setup(b) {
    b.onResolve({ filter: /^\.\/main\.js$/ }, (args) =>
      args.importer.endsWith('bin-entry.ts') ? { path: './cli-main.cjs', external: true } : undefined,
    );
    b.onResolve({ filter: /^\.\/commands\/[a-z-]+\/run\.js$/ }, (args) =>
      args.importer.endsWith('/src/main.ts') ? { path: args.path.replace(/\/run\.js$/, '.cjs'), external: true } : undefined,
    );
  },
};

/**
 * commander requires node:child_process (and with it net, dgram, streams) at load, only to run
 * executable subcommands, which we do not have: ~3 ms of every start. It gets a proxy
 * that loads the real module on first use, so nothing changes if that code ever runs.
 */
const commanderLazyChildProcess = {
  name: 'commander-lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes('/commander/') ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:${args.path}'))[key] });`,
      loader: 'js',
    }));
  },
};

/**
 * xmldom's entities.js holds HTML's 2,231-entry entity table: 36 KB of every XML bundle's ~190 KB,
 * read and compiled at every start, and built at load (~3 ms). Our documents are parsed
 * as XML, which uses the five XML entities only (dom-parser.js: `isHTML ? HTML_ENTITIES :
 * XML_ENTITIES`; xml-crypto passes no MIME type, which is not HTML either). So the bundle keeps the
 * XML entities and gets HTML_ENTITIES (and its alias entityMap) from the installed package
 * (@xmldom/xmldom is a dependency) on first use, which no code path of ours reaches. The build
 * fails if the file no longer has the expected shape.
 */
const xmldomLazyHtmlEntities = {
  name: 'xmldom-lazy-html-entities',
  setup(b) {
    const original = '@xmldom/xmldom/lib/entities.js';
    b.onResolve({ filter: /^@xmldom\/xmldom\/lib\/entities\.js$/ }, (args) =>
      args.pluginData === 'lazy-entities' ? { path: original, external: true } : undefined,
    );
    b.onLoad({ filter: /[\\/]@xmldom[\\/]xmldom[\\/]lib[\\/]entities\.js$/ }, async (args) => {
      const src = await readFile(args.path, 'utf8');
      const start = 'exports.HTML_ENTITIES = freeze({';
      const alias = 'exports.entityMap = exports.HTML_ENTITIES;';
      const at = src.indexOf(start);
      const end = src.indexOf('\n});', at);
      if (at < 0 || end < 0 || !src.includes(alias) || src.indexOf(start, at + 1) >= 0)
        throw new Error(`unexpected ${args.path}: update ${import.meta.url}`);
      const contents = `${src.slice(0, at)}var htmlEntities;
function lazyHtmlEntities() { return htmlEntities || (htmlEntities = require('${original}').HTML_ENTITIES); }
Object.defineProperty(exports, 'HTML_ENTITIES', { enumerable: true, get: lazyHtmlEntities });${src.slice(end + 4).replace(alias, "Object.defineProperty(exports, 'entityMap', { enumerable: true, get: lazyHtmlEntities });")}`;
      return { contents, loader: 'js', pluginData: 'lazy-entities' };
    });
  },
};

const common = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  logLevel: 'warning',
  legalComments: 'none',
  // Less text for V8 to scan at every start (~20% off loading commander); names are kept, so
  // --debug stack traces still name the functions.
  minifyWhitespace: true,
  minifySyntax: true,
};

/** The library: an ES module; its CommonJS dependencies (xml-crypto, xmldom) call require() for Node built-ins. */
const esm = {
  ...common,
  format: 'esm',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};

/** The CLI: CommonJS, `.cjs`, and every lazy import() a require() (see the layout above). */
const cjs = {
  ...common,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  supported: { 'dynamic-import': false },
  // lazy-xml-crypto.ts's fallback resolves the installed package from import.meta.url.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/** One folder per command (src/commands/<name>/run.ts), one bundle each. */
export const commandNames = readdirSync(fileURLToPath(new URL('../src/commands/', import.meta.url)), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

/** Every esbuild build of `npm run build`; run them all (order does not matter). */
export const builds = [
  { ...cjs, entryPoints: { cli: 'src/bin-entry.ts', 'cli-main': 'src/main.ts' }, plugins: [cliBoundaries, commanderLazyChildProcess] },
  ...commandNames.map((name) => ({
    ...cjs,
    entryPoints: { [`commands/${name}`]: `src/commands/${name}/run.ts` },
    plugins: [chalkWithoutDetection, xmldomLazyHtmlEntities, lazyModules],
  })),
  ...Object.entries(LAZY_MODULES).map(([name, source]) => ({
    ...cjs,
    entryPoints: { [`lazy/${name}`]: source },
    plugins: [xmldomLazyHtmlEntities],
  })),
  {
    ...esm,
    entryPoints: { index: 'src/index.ts' },
    splitting: true,
    chunkNames: 'chunks/index/[name]-[hash]',
    plugins: [chalkWithoutDetection, xmldomLazyHtmlEntities],
  },
];
