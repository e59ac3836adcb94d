import { pathToFileURL } from 'node:url';
import { posix, resolve } from 'node:path';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Which heavy modules each command loads at start-up (fast by construction). Structural,
 * not timed: the real builds (scripts/esbuild-options.mjs) run in memory. The CLI is CommonJS, so
 * what a file bundles is read and compiled when it is required; the files it requires itself
 * (./commands/<name>.cjs, ../lazy/*.cjs) must be required lazily, inside a promise callback, which
 * is how esbuild writes an import() it may not keep (`supported: { 'dynamic-import': false }`).
 */
const HEAVY = ['commander', 'chalk', 'yaml', '@xmldom/xmldom', 'fast-xml-parser', 'xml-crypto', 'xpath', '@inquirer/prompts', 'iconv-lite'];
const COMMANDS = ['check-response', 'drift', 'explain', 'init', 'lint', 'patch', 'schema', 'urls', 'validate-metadata'];

const outputs: Metafile['outputs'] = {};
const texts = new Map<string, string>();
let commandNames: string[] = [];
beforeAll(async () => {
  const url = pathToFileURL(resolve('scripts/esbuild-options.mjs')).href;
  const mod = (await import(url)) as { builds: BuildOptions[]; commandNames: string[] };
  commandNames = mod.commandNames;
  const results = await Promise.all(mod.builds.map((b) => build({ ...b, write: false, metafile: true, logLevel: 'silent' })));
  for (const r of results) {
    Object.assign(outputs, r.metafile.outputs);
    for (const f of r.outputFiles) texts.set(posix.relative(process.cwd(), f.path.split('\\').join('/')), f.text);
  }
}, 60_000);

const packageOf = (input: string): string | undefined => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
const command = (name: string) => `dist/commands/${name}.cjs`;

/** The heavy packages bundled into `out`: read and compiled whenever `out` is. */
function loadsStatically(out: string): string[] {
  const found = new Set<string>();
  for (const input of Object.keys(outputs[out]?.inputs ?? {})) {
    const p = packageOf(input);
    if (p && HEAVY.includes(p)) found.add(p);
  }
  return [...found].sort();
}

/** Our own files `out` requires (relative paths), as written in the bundle. */
const requiredFiles = (out: string): string[] =>
  (outputs[out]?.imports ?? []).filter((i) => i.external && i.path.startsWith('.')).map((i) => i.path);

/** Heavy packages `out` can reach through its lazy requires too. */
function canLoad(out: string, seen = new Set<string>()): string[] {
  if (seen.has(out)) return [];
  seen.add(out);
  const reached = requiredFiles(out).flatMap((p) => canLoad(posix.join(posix.dirname(out), p), seen));
  return [...new Set([...loadsStatically(out), ...reached])].sort();
}

describe('bundle layout and what each command loads', () => {
  it('builds one CommonJS file per command, the bin entry, cli-main and the (ESM) library', () => {
    expect(commandNames).toEqual(COMMANDS);
    for (const f of ['dist/cli.cjs', 'dist/cli-main.cjs', 'dist/index.js', ...COMMANDS.map(command)])
      expect(Object.keys(outputs)).toContain(f);
    for (const [f, text] of texts) if (f.endsWith('.cjs')) expect([f, /^\s*(import|export)\s/m.test(text)]).toEqual([f, false]);
  });

  it('no CLI file keeps an import(): the CLI is CommonJS end to end, and an import() starts the ES-module loader', () => {
    const kept = [...texts].filter(([f, text]) => f.endsWith('.cjs') && /\bimport\s*\(/.test(text)).map(([f]) => f);
    expect(kept).toEqual([]);
  });

  it('every CLI file is pure ASCII: one wider character makes V8 hold the whole source as two-byte', () => {
    const wide = [...texts]
      .filter(([f, text]) => f.endsWith('.cjs') && /[^\x00-\x7f]/.test(text))
      .map(([f, text]) => `${f}: ${/.{0,30}[^\x00-\x7f]/.exec(text)?.[0]}`);
    expect(wide).toEqual([]);
  });

  it('every file the CLI requires of its own is required lazily, never at load', () => {
    const eager: string[] = [];
    for (const out of Object.keys(outputs).filter((o) => o.endsWith('.cjs'))) {
      const text = texts.get(out) ?? '';
      for (const path of requiredFiles(out)) {
        const at = text.indexOf(`require("${path}")`);
        expect([out, path, at >= 0]).toEqual([out, path, true]);
        if (!text.slice(Math.max(0, at - 60), at).endsWith('Promise.resolve().then(()=>__toESM(')) eager.push(`${out} → ${path}`);
      }
    }
    expect(eager).toEqual([]);
  });

  it('the bin entry loads nothing heavy (`--version` is answered there) and requires cli-main lazily', () => {
    expect(loadsStatically('dist/cli.cjs')).toEqual([]);
    expect(requiredFiles('dist/cli.cjs')).toEqual(['./cli-main.cjs']);
  });

  it('cli-main loads commander and no command; each command is a lazy require of its own file', () => {
    expect(loadsStatically('dist/cli-main.cjs')).toEqual(['commander']);
    expect(requiredFiles('dist/cli-main.cjs').sort()).toEqual(COMMANDS.map((c) => `./commands/${c}.cjs`));
  });

  it('urls loads chalk only; yaml waits for --config in dist/lazy/', () => {
    expect(loadsStatically(command('urls'))).toEqual(['chalk']);
    expect(requiredFiles(command('urls'))).toEqual(['../lazy/host-from-config.cjs']);
    expect(loadsStatically('dist/lazy/host-from-config.cjs')).toEqual(['yaml']);
  });

  it('validate-metadata parses XML without xml-crypto, xpath or yaml; xml-crypto is dist/lazy/xml-crypto.cjs', () => {
    expect(loadsStatically(command('validate-metadata'))).toEqual(['@xmldom/xmldom', 'chalk', 'fast-xml-parser']);
    expect(requiredFiles(command('validate-metadata'))).toEqual(['../lazy/xml-crypto.cjs']);
    expect(canLoad(command('validate-metadata'))).toEqual(expect.arrayContaining(['xml-crypto', 'xpath']));
  });

  it.each(['lint', 'patch'])('%s loads yaml and the XML parsers, never xml-crypto up front', (cmd) => {
    expect(loadsStatically(command(cmd))).toEqual(['@xmldom/xmldom', 'chalk', 'fast-xml-parser', 'yaml']);
    expect(canLoad(command(cmd))).toContain('xml-crypto');
  });

  it('schema loads nothing heavy: the schema is data, printed as JSON', () => {
    expect(loadsStatically(command('schema'))).toEqual([]);
    expect(requiredFiles(command('schema'))).toEqual([]);
  });

  it('check-response loads no prompt library and xml-crypto only lazily', () => {
    expect(loadsStatically(command('check-response'))).not.toContain('@inquirer/prompts');
    expect(loadsStatically(command('check-response'))).not.toContain('xml-crypto');
  });

  it('only init can load inquirer, and patch lazily (it asks only on a terminal, before a trust change)', () => {
    for (const c of COMMANDS) expect([c, canLoad(command(c)).includes('@inquirer/prompts')]).toEqual([c, c === 'init' || c === 'patch']);
    expect(requiredFiles(command('patch'))).toContain('../lazy/prompter.cjs');
  });

  it('explain loads only chalk: the catalogues are data, nothing is parsed', () => {
    expect(loadsStatically(command('explain'))).toEqual(['chalk']);
    expect(requiredFiles(command('explain'))).toEqual([]);
  });

  it('drift loads yaml and the XML parsers, never xml-crypto or inquirer up front', () => {
    expect(loadsStatically(command('drift'))).toEqual(['@xmldom/xmldom', 'chalk', 'fast-xml-parser', 'yaml']);
  });

  it('xml-crypto is bundled only into dist/lazy/xml-crypto.cjs (and the library)', () => {
    const holders = Object.entries(outputs)
      .filter(([, o]) => Object.keys(o.inputs).some((i) => packageOf(i) === 'xml-crypto'))
      .map(([name]) => name);
    expect(holders.filter((h) => !h.startsWith('dist/chunks/index/') && h !== 'dist/index.js')).toEqual(['dist/lazy/xml-crypto.cjs']);
  });
});
