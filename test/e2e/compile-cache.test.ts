import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * The Node 20 compile cache (src/compile-cache.ts, issue 9): bytecode this process will run, so
 * it must be used only from a private directory, survive a damaged entry, and never change what a
 * command prints. Runs the built dist/compile-cache.cjs in child processes (it writes at exit).
 */
const LOADER = resolve('dist/compile-cache.cjs');
const BIN = resolve('bin/polyaxon-sso.js');
const node22 = typeof (process.getBuiltinModule('node:module') as { enableCompileCache?: unknown }).enableCompileCache === 'function';

let tmp = '';
let cache = '';
let app = '';
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'psso-cc-'));
  cache = join(tmp, 'xdg');
  app = join(tmp, 'app');
  mkdirSync(app);
  // a.cjs requires ./lazy/b.cjs lazily (as the bundles do) and a Node built-in.
  writeFileSync(join(app, 'a.cjs'), "const { sep } = require('node:path');\nmodule.exports = () => Promise.resolve().then(() => require('./lazy/b.cjs')).then((b) => `${b.name}${sep}${__filename.endsWith('a.cjs')}`);\n");
  mkdirSync(join(app, 'lazy'));
  writeFileSync(join(app, 'lazy', 'b.cjs'), "exports.name = 'b:' + [1, 2, 3].map((n) => n * 2).join('');\n");
});
afterEach(() => {
  chmodSync(tmp, 0o700);
  rmSync(tmp, { recursive: true, force: true });
});

function runApp(env: Record<string, string> = {}) {
  const script = `const c = require(${JSON.stringify(LOADER)});
c.requireBundle(${JSON.stringify(join(app, 'a.cjs'))})().then((s) => { process.on('exit', () => console.log(JSON.stringify({ out: s, ...c.stats }))); });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: cache, ...env } });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { out: string; hits: number; misses: number };
}

const entries = () => {
  const top = join(cache, 'polyaxon-sso');
  if (!existsSync(top)) return [];
  return readdirSync(top).flatMap((d) => readdirSync(join(top, d)).map((f) => join(top, d, f)));
};

describe.skipIf(!existsSync(LOADER))('compile cache (Node < 22.1)', () => {
  it('first run compiles and stores both bundles (0600 in 0700 directories); the second run uses them', () => {
    expect(runApp()).toEqual({ out: 'b:246/true', hits: 0, misses: 2 });
    const files = entries();
    expect(files.map((f) => f.replace(/.*\/[0-9a-f]{8}-/, '')).sort()).toEqual(['a.cjs.bin', 'b.cjs.bin']);
    for (const f of files) expect(statSync(f).mode & 0o777).toBe(0o600);
    expect(statSync(join(cache, 'polyaxon-sso')).mode & 0o777).toBe(0o700);
    expect(runApp()).toEqual({ out: 'b:246/true', hits: 2, misses: 0 });
  });

  it('a damaged entry is refused by V8, the code compiles as usual and the entry is rewritten', () => {
    runApp();
    const a = entries().find((f) => f.endsWith('a.cjs.bin')) as string;
    const bytes = readFileSync(a);
    const header = bytes.indexOf('\n', bytes.indexOf('\n') + 1) + 1;
    bytes.fill(0x41, header + 16);
    writeFileSync(a, bytes);
    expect(runApp()).toEqual({ out: 'b:246/true', hits: 1, misses: 1 });
    expect(readFileSync(a).equals(bytes)).toBe(false);
    expect(runApp()).toEqual({ out: 'b:246/true', hits: 2, misses: 0 });
  });

  it('an entry for another version of the file (size, mtime) is not used', () => {
    runApp();
    writeFileSync(join(app, 'lazy', 'b.cjs'), "exports.name = 'B:' + [1, 2, 3].map((n) => n * 3).join('');\n");
    expect(runApp()).toEqual({ out: 'B:369/true', hits: 1, misses: 1 });
  });

  it('is not used from a directory others can write, nor when NODE_DISABLE_COMPILE_CACHE is set, nor without a home', () => {
    mkdirSync(join(cache, 'polyaxon-sso'), { recursive: true, mode: 0o700 });
    chmodSync(join(cache, 'polyaxon-sso'), 0o777);
    expect(runApp()).toEqual({ out: 'b:246/true', hits: 0, misses: 2 });
    expect(runApp()).toEqual({ out: 'b:246/true', hits: 0, misses: 2 });
    expect(entries()).toEqual([]);
    rmSync(cache, { recursive: true });
    expect(runApp({ NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual({ out: 'b:246/true', hits: 0, misses: 2 });
    expect(runApp({ XDG_CACHE_HOME: 'relative/dir' })).toEqual({ out: 'b:246/true', hits: 0, misses: 2 });
    expect(existsSync(cache)).toBe(false);
  });

  it('is not used through a symlinked directory, even one pointing at a private directory', () => {
    const elsewhere = join(tmp, 'elsewhere');
    mkdirSync(elsewhere, { mode: 0o700 });
    mkdirSync(cache, { mode: 0o700 });
    symlinkSync(elsewhere, join(cache, 'polyaxon-sso'));
    expect(runApp()).toEqual({ out: 'b:246/true', hits: 0, misses: 2 });
    expect(runApp()).toEqual({ out: 'b:246/true', hits: 0, misses: 2 });
    expect(readdirSync(elsewhere).flatMap((d) => readdirSync(join(elsewhere, d)))).toEqual([]);
  });

  it.skipIf(node22)('the built bin prints the same bytes with a cold and a warm cache, and stores its bundles', () => {
    const args = ['validate-metadata', 'fixtures/metadata/valid/okta-acme.xml', '--now', '2026-06-01T00:00:00Z', '--json'];
    const run = () => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: cache } });
    const cold = run();
    const warm = run();
    expect([cold.status, cold.stderr]).toEqual([0, '']);
    expect([warm.status, warm.stderr, warm.stdout]).toEqual([0, '', cold.stdout]);
    expect(entries().map((f) => f.replace(/.*\/[0-9a-f]{8}-/, '')).sort()).toEqual(['cli-main.cjs.bin', 'cli.cjs.bin', 'validate-metadata.cjs.bin']);
  });
});
