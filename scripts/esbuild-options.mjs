// The esbuild builds behind `npm run build`, shared with test/unit/build/bundle-graph.test.ts so
// the test inspects the files users actually get (issue 9: what each command loads at start-up).
//
// Layout (dist/): cli.js (bin entry: `--version`, else imports cli-main.js) → cli-main.js
// (commander + src/cli.ts) → commands/<name>.js, one self-contained file per command; what only
// some runs need stays out of it: chunks/<name>/ (xml-crypto, for signed documents) and lazy/
// (yaml, for `urls --config`). Node pays ~1 ms per ESM file it loads on this class of machine, and
// one build with code splitting cut urls' 35 KB into 10 files; separate builds duplicate the small
// shared modules instead, which costs nothing since a process runs one command. Their only
// shared state, the OperationalError class, is recognised by a brand (src/core/errors.ts).
// index.js is the library.
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * chalk's Node colour detection (vendor/supports-color) does `import process from 'node:process'`,
 * and Node's ESM facade of that module reads every property of `process`, stdin and stderr
 * included: building those streams cost ~8 ms of every start (issue 9). We never use the
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
 * Modules a command imports lazily that share code with it: with splitting, the shared code would
 * be a third file read at every start (urls read esbuild's helpers and findings.ts that way), so
 * each is built on its own into dist/lazy/ and the import points there.
 */
const LAZY_MODULES = { 'host-from-config': 'src/cli/host-from-config.ts' };

const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    const names = Object.keys(LAZY_MODULES).join('|');
    b.onResolve({ filter: new RegExp(`^\\.\\./cli/(${names})\\.js$`) }, (args) =>
      args.importer.includes('/src/commands/') ? { path: `../lazy/${args.path.slice('../cli/'.length)}`, external: true } : undefined,
    );
  },
};

/** The CLI's lazy boundaries stay imports of the separately built files (see the layout above). */
const cliBoundaries = {
  name: 'cli-boundaries',
  setup(b) {
    b.onResolve({ filter: /^\.\/cli\.js$/ }, (args) => (args.importer.endsWith('bin-entry.ts') ? { path: './cli-main.js', external: true } : undefined));
    b.onResolve({ filter: /^\.\/commands\/[a-z-]+\.js$/ }, (args) => (args.importer.endsWith('/src/cli.ts') ? { path: args.path, external: true } : undefined));
  },
};

/**
 * commander requires node:child_process (and with it net, dgram, streams) at load, only to run
 * executable subcommands, which we do not have: ~3 ms of every start (issue 9). It gets a proxy
 * that loads the real module on first use, so nothing changes if that code ever runs.
 */
const commanderLazyChildProcess = {
  name: 'commander-lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (args.importer.includes('/commander/') ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:${args.path}'))[key] });`,
      loader: 'js',
    }));
  },
};

/**
 * xmldom's entities.js builds HTML's 2,231-entry entity table at load (~3 ms of every XML command's
 * start, issue 9), but our documents are parsed as XML, which uses the five XML entities only
 * (dom-parser.js: `isHTML ? HTML_ENTITIES : XML_ENTITIES`). The table becomes a getter built on
 * first use. The build fails if the file no longer has the expected shape.
 */
const xmldomLazyHtmlEntities = {
  name: 'xmldom-lazy-html-entities',
  setup(b) {
    b.onLoad({ filter: /[\\/]@xmldom[\\/]xmldom[\\/]lib[\\/]entities\.js$/ }, async (args) => {
      const src = await readFile(args.path, 'utf8');
      const start = 'exports.HTML_ENTITIES = freeze({';
      const alias = 'exports.entityMap = exports.HTML_ENTITIES;';
      const at = src.indexOf(start);
      const end = src.indexOf('\n});', at);
      if (at < 0 || end < 0 || !src.includes(alias) || src.indexOf(start, at + 1) >= 0) throw new Error(`unexpected ${args.path}: update ${import.meta.url}`);
      const table = src.slice(at + start.length - 1, end + 2);
      const contents = `${src.slice(0, at)}var htmlEntities;
function lazyHtmlEntities() { return htmlEntities || (htmlEntities = freeze(${table})); }
Object.defineProperty(exports, 'HTML_ENTITIES', { enumerable: true, get: lazyHtmlEntities });${src.slice(end + 4).replace(alias, "Object.defineProperty(exports, 'entityMap', { enumerable: true, get: lazyHtmlEntities });")}`;
      return { contents, loader: 'js' };
    });
  },
};

const common = {
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // CommonJS dependencies (xml-crypto, xmldom) call require() for Node built-ins.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
  // Less text for V8 to scan at every start (~20% off loading commander); names are kept, so
  // --debug stack traces still name the functions.
  minifyWhitespace: true,
  minifySyntax: true,
};

export const commandNames = readdirSync(fileURLToPath(new URL('../src/commands/', import.meta.url)))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .sort();

/** Every esbuild build of `npm run build`; run them all (order does not matter). */
export const builds = [
  { ...common, entryPoints: { cli: 'src/bin-entry.ts', 'cli-main': 'src/cli.ts' }, plugins: [cliBoundaries, commanderLazyChildProcess] },
  ...commandNames.map((name) => ({
    ...common,
    entryPoints: { [`commands/${name}`]: `src/commands/${name}.ts` },
    // Splitting only for this command's lazy import()s: each becomes a chunk read when needed.
    splitting: true,
    chunkNames: `chunks/${name}/[name]-[hash]`,
    plugins: [chalkWithoutDetection, xmldomLazyHtmlEntities, lazyModules],
  })),
  ...Object.entries(LAZY_MODULES).map(([name, source]) => ({ ...common, entryPoints: { [`lazy/${name}`]: source } })),
  { ...common, entryPoints: { index: 'src/index.ts' }, splitting: true, chunkNames: 'chunks/index/[name]-[hash]', plugins: [chalkWithoutDetection, xmldomLazyHtmlEntities] },
];
