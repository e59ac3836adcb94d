import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The build makes xmldom's HTML entity table lazy (start-up). What the bundle exposes
 * must equal the package's own module: the five XML entities at once, the HTML table on demand.
 */
describe('xmldom entities in the bundle', () => {
  it('equal the package module, with HTML_ENTITIES and entityMap built on first use', async () => {
    const { builds } = (await import(pathToFileURL(resolve('scripts/esbuild-options.mjs')).href)) as { builds: BuildOptions[] };
    const command = builds.find((b) => JSON.stringify(b.entryPoints).includes('validate-metadata')) as BuildOptions;
    const out = await build({
      stdin: { contents: "module.exports = require('@xmldom/xmldom/lib/entities.js');", resolveDir: process.cwd(), loader: 'js' },
      bundle: true,
      format: 'cjs',
      platform: 'node',
      write: false,
      logLevel: 'silent',
      plugins: command.plugins ?? [],
    });
    const code = out.outputFiles[0]?.text ?? '';
    expect(code).toContain('lazyHtmlEntities');
    const mod = { exports: {} as Record<string, unknown> };
    new Function('module', 'exports', 'require', code)(mod, mod.exports, createRequire(import.meta.url));
    const original = createRequire(import.meta.url)('@xmldom/xmldom/lib/entities.js') as Record<string, unknown>;
    expect(Object.keys(mod.exports).sort()).toEqual(Object.keys(original).sort());
    expect(mod.exports.XML_ENTITIES).toEqual(original.XML_ENTITIES);
    expect(Object.getOwnPropertyDescriptor(mod.exports, 'HTML_ENTITIES')?.get).toBeTypeOf('function');
    expect(mod.exports.HTML_ENTITIES).toEqual(original.HTML_ENTITIES);
    expect(Object.isFrozen(mod.exports.HTML_ENTITIES)).toBe(true);
    expect(mod.exports.entityMap).toBe(mod.exports.HTML_ENTITIES);
  });
});
