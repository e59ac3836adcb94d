import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Which heavy modules each command's chunk graph loads (issue 9: start-up is fast by
 * construction). Structural, not timed: the real build's esbuild options, in memory, and for each
 * command the chunks its entry loads *statically* (what Node reads before the command runs).
 * Modules behind a dynamic import() (yaml for `urls --config`, xml-crypto for signed documents)
 * are only read when that path runs.
 */
const HEAVY = ['commander', 'chalk', 'yaml', '@xmldom/xmldom', 'fast-xml-parser', 'xml-crypto', 'xpath', '@inquirer/prompts', 'iconv-lite'];

let meta: Metafile;
beforeAll(async () => {
  const url = pathToFileURL(resolve('scripts/esbuild-options.mjs')).href;
  const { esbuildOptions } = (await import(url)) as { esbuildOptions: Record<string, unknown> };
  const r = await build({ ...esbuildOptions, write: false, metafile: true, logLevel: 'silent' });
  meta = r.metafile;
}, 60_000);

const packageOf = (input: string): string | undefined => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];

/** Output files reachable from `start` through static imports, or through any import. */
function reachable(start: string, withDynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length > 0) {
    const out = todo.pop() as string;
    if (seen.has(out)) continue;
    seen.add(out);
    for (const i of meta.outputs[out]?.imports ?? []) {
      if (i.external) continue;
      if (i.kind === 'import-statement' || (withDynamic && i.kind === 'dynamic-import')) todo.push(i.path);
    }
  }
  return seen;
}

function heavyIn(outputs: Set<string>): string[] {
  const found = new Set<string>();
  for (const o of outputs) for (const input of Object.keys(meta.outputs[o]?.inputs ?? {})) {
    const p = packageOf(input);
    if (p && HEAVY.includes(p)) found.add(p);
  }
  return [...found].sort();
}

function outputFor(entry: string): string {
  const hit = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === entry);
  if (!hit) throw new Error(`no output for ${entry}`);
  return hit[0];
}

const loadsStatically = (entry: string) => heavyIn(reachable(outputFor(entry), false));
const canLoad = (entry: string) => heavyIn(reachable(outputFor(entry), true));

describe('bundle chunk graph (issue 9)', () => {
  it('the bin entry loads commander and nothing else heavy', () => {
    expect(loadsStatically('src/bin-entry.ts')).toEqual(['commander']);
  });

  it('urls loads chalk only; yaml waits for --config', () => {
    expect(loadsStatically('src/commands/urls.ts')).toEqual(['chalk']);
    expect(canLoad('src/commands/urls.ts')).toContain('yaml');
  });

  it('validate-metadata parses XML without xml-crypto, xpath or yaml; xml-crypto is a lazy chunk', () => {
    expect(loadsStatically('src/commands/validate-metadata.ts')).toEqual(['@xmldom/xmldom', 'chalk', 'fast-xml-parser']);
    expect(canLoad('src/commands/validate-metadata.ts')).toEqual(expect.arrayContaining(['xml-crypto', 'xpath']));
  });

  it.each(['lint', 'patch'])('%s loads yaml and the XML parsers, never xml-crypto up front', (cmd) => {
    expect(loadsStatically(`src/commands/${cmd}.ts`)).toEqual(['@xmldom/xmldom', 'chalk', 'fast-xml-parser', 'yaml']);
  });

  it('check-response loads no prompt library', () => {
    expect(loadsStatically('src/commands/check-response.ts')).not.toContain('@inquirer/prompts');
  });

  it('only init can load inquirer', () => {
    const commands = Object.values(meta.outputs).map((o) => o.entryPoint).filter((e): e is string => e?.startsWith('src/commands/') === true);
    expect(commands.sort()).toEqual(['check-response', 'init', 'lint', 'patch', 'urls', 'validate-metadata'].map((c) => `src/commands/${c}.ts`));
    for (const entry of commands) expect([entry, canLoad(entry).includes('@inquirer/prompts')]).toEqual([entry, entry === 'src/commands/init.ts']);
  });

  it('xml-crypto lives only in chunks that are imported dynamically', () => {
    const holders = Object.entries(meta.outputs)
      .filter(([, o]) => Object.keys(o.inputs).some((i) => packageOf(i) === 'xml-crypto'))
      .map(([name]) => name);
    expect(holders.length).toBeGreaterThan(0);
    const staticallyImported = new Set(Object.values(meta.outputs).flatMap((o) => o.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path)));
    // The library entry (dist/index.js) may load it: library users get everything.
    const index = reachable(outputFor('src/index.ts'), false);
    expect(holders.filter((h) => staticallyImported.has(h) && !index.has(h))).toEqual([]);
  });
});
