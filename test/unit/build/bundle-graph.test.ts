import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Which heavy modules each command loads at start-up (issue 9: fast by construction). Structural,
 * not timed: the real builds (scripts/esbuild-options.mjs) run in memory, and for each output we
 * follow *static* imports (what Node reads before the code runs). Modules behind a dynamic
 * import() (yaml for `urls --config`, xml-crypto for signed documents) are read only when needed.
 */
const HEAVY = ['commander', 'chalk', 'yaml', '@xmldom/xmldom', 'fast-xml-parser', 'xml-crypto', 'xpath', '@inquirer/prompts', 'iconv-lite'];
const COMMANDS = ['check-response', 'init', 'lint', 'patch', 'urls', 'validate-metadata'];

let outputs: Metafile['outputs'] = {};
let commandNames: string[] = [];
beforeAll(async () => {
  const url = pathToFileURL(resolve('scripts/esbuild-options.mjs')).href;
  const mod = (await import(url)) as { builds: BuildOptions[]; commandNames: string[] };
  commandNames = mod.commandNames;
  const metas = await Promise.all(mod.builds.map((b) => build({ ...b, write: false, metafile: true, logLevel: 'silent' })));
  for (const m of metas) Object.assign(outputs, m.metafile.outputs);
}, 60_000);

const packageOf = (input: string): string | undefined => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];

/** Output files reachable from `start` through static imports, or through any import. */
function reachable(start: string, withDynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length > 0) {
    const out = todo.pop() as string;
    if (seen.has(out) || !outputs[out]) continue;
    seen.add(out);
    for (const i of outputs[out]?.imports ?? []) {
      if (i.external) continue;
      if (i.kind === 'import-statement' || (withDynamic && i.kind === 'dynamic-import')) todo.push(i.path);
    }
  }
  return seen;
}

function heavyIn(files: Set<string>): string[] {
  const found = new Set<string>();
  for (const o of files) for (const input of Object.keys(outputs[o]?.inputs ?? {})) {
    const p = packageOf(input);
    if (p && HEAVY.includes(p)) found.add(p);
  }
  return [...found].sort();
}

const loadsStatically = (out: string) => heavyIn(reachable(out, false));
const canLoad = (out: string) => heavyIn(reachable(out, true));
const command = (name: string) => `dist/commands/${name}.js`;

describe('bundle layout and what each command loads (issue 9)', () => {
  it('builds one file per command, the bin entry, cli-main and the library', () => {
    expect(commandNames).toEqual(COMMANDS);
    for (const f of ['dist/cli.js', 'dist/cli-main.js', 'dist/index.js', ...COMMANDS.map(command)]) expect(Object.keys(outputs)).toContain(f);
  });

  it('the bin entry loads nothing heavy (`--version` is answered there) and imports cli-main lazily', () => {
    expect(loadsStatically('dist/cli.js')).toEqual([]);
    const imports = outputs['dist/cli.js']?.imports ?? [];
    expect(imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path)).toEqual(['./cli-main.js']);
  });

  it('cli-main loads commander and no command; each command is a lazy import of its own file', () => {
    expect(loadsStatically('dist/cli-main.js')).toEqual(['commander']);
    const lazy = (outputs['dist/cli-main.js']?.imports ?? []).filter((i) => i.kind === 'dynamic-import').map((i) => i.path);
    expect(lazy.sort()).toEqual(COMMANDS.map((c) => `./commands/${c}.js`));
  });

  it('each command reads at most two files before it runs (Node pays per file)', () => {
    for (const c of COMMANDS) expect([c, reachable(command(c), false).size <= 2]).toEqual([c, true]);
  });

  it('urls loads chalk only, from one file; yaml waits for --config in dist/lazy/', () => {
    expect(loadsStatically(command('urls'))).toEqual(['chalk']);
    expect(reachable(command('urls'), false).size).toBe(1);
    const lazy = (outputs[command('urls')]?.imports ?? []).filter((i) => i.kind === 'dynamic-import').map((i) => [i.path, i.external]);
    expect(lazy).toEqual([['../lazy/host-from-config.js', true]]);
    expect(loadsStatically('dist/lazy/host-from-config.js')).toEqual(['yaml']);
  });

  it('validate-metadata parses XML without xml-crypto, xpath or yaml; xml-crypto is a lazy chunk', () => {
    expect(loadsStatically(command('validate-metadata'))).toEqual(['@xmldom/xmldom', 'chalk', 'fast-xml-parser']);
    expect(canLoad(command('validate-metadata'))).toEqual(expect.arrayContaining(['xml-crypto', 'xpath']));
  });

  it.each(['lint', 'patch'])('%s loads yaml and the XML parsers, never xml-crypto up front', (cmd) => {
    expect(loadsStatically(command(cmd))).toEqual(['@xmldom/xmldom', 'chalk', 'fast-xml-parser', 'yaml']);
    expect(canLoad(command(cmd))).toContain('xml-crypto');
  });

  it('check-response loads no prompt library and xml-crypto only lazily', () => {
    expect(loadsStatically(command('check-response'))).not.toContain('@inquirer/prompts');
    expect(loadsStatically(command('check-response'))).not.toContain('xml-crypto');
  });

  it('only init can load inquirer', () => {
    for (const c of COMMANDS) expect([c, canLoad(command(c)).includes('@inquirer/prompts')]).toEqual([c, c === 'init']);
    expect(canLoad('dist/cli-main.js')).not.toContain('@inquirer/prompts');
  });

  it('xml-crypto lives only in chunks that are imported dynamically (the library excepted)', () => {
    const holders = Object.entries(outputs)
      .filter(([, o]) => Object.keys(o.inputs).some((i) => packageOf(i) === 'xml-crypto'))
      .map(([name]) => name);
    expect(holders.length).toBeGreaterThan(0);
    const staticTargets = new Set(Object.values(outputs).flatMap((o) => o.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path)));
    const library = reachable('dist/index.js', false);
    expect(holders.filter((h) => (staticTargets.has(h) || COMMANDS.map(command).includes(h)) && !library.has(h))).toEqual([]);
  });
});
