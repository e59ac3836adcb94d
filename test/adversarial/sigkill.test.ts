import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metadata } from '../support/xml-fixtures.js';

/**
 * SIGKILL in the middle of `patch` (docs/design.md, "Writing a user's file"): after a kill the
 * config is byte-for-byte the old or the new version, never a mix; a killed run leaves at most one
 * temp file, and the next run removes it, so they never pile up.
 *
 * Deterministic: the CLI is bundled from src/ with every call of the safe writer's file system
 * (src/cli/writer-fs.ts, and the handles it opens) counted, and the process kills itself with
 * SIGKILL just before call number K. One uninterrupted run lists the calls; then every K is tried
 * once. No timer decides where a kill lands, so the outcome of each run is known in advance.
 */
const TEMP = /\.polyaxon-sso-\d+-[0-9a-f]{8}\.tmp$/;
let work: string;
let cli: string;

/** Appended to writer-fs.ts in the test bundle: wraps nodeWriterFs and every handle it returns. */
const KILL_HOOK = `
const __killAt = Number(process.env.PXSSO_KILL_AT ?? 0);
const __log = process.env.PXSSO_FS_LOG;
let __calls = 0;
function __step(name: string): void {
  __calls++;
  if (__log) require('node:fs').appendFileSync(__log, name + '\\n');
  if (__calls === __killAt) process.kill(process.pid, 'SIGKILL');
}
function __wrap<T extends object>(o: T, kind: string): T {
  return new Proxy(o, {
    get(t, k) {
      const v = Reflect.get(t, k);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        __step(kind + '.' + String(k));
        const r = v.apply(t, args);
        if (!r || typeof r.then !== 'function') return r;
        return r.then((x: unknown) => (x && typeof x === 'object' && typeof (x as { close?: unknown }).close === 'function' ? __wrap(x as object, 'handle') : x));
      };
    },
  });
}
export const nodeWriterFs: WriterFs = __wrap(__realNodeWriterFs, 'fs');
`;

const killHook: Plugin = {
  name: 'kill-hook',
  setup(b) {
    b.onLoad({ filter: /[\\/]cli[\\/]writer-fs\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const declaration = 'export const nodeWriterFs: WriterFs = {';
      if (!source.includes(declaration)) throw new Error(`writer-fs.ts no longer declares "${declaration}"`);
      return { contents: source.replace(declaration, 'const __realNodeWriterFs: WriterFs = {') + KILL_HOOK, loader: 'ts' };
    });
  },
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pxsso-kill-'));
  await build({
    entryPoints: { cli: 'src/bin-entry.ts' },
    outdir: join(work, 'bundle'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20.19',
    outExtension: { '.js': '.cjs' },
    plugins: [killHook],
    logLevel: 'silent',
  });
  cli = join(work, 'bundle', 'cli.cjs');
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function runCli(cwd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, env: { ...process.env, ...env }, stdio: 'ignore', timeout: 20_000 });
  if (r.error) throw r.error;
  return { code: r.status, signal: r.signal };
}

const temps = (dir: string) => readdirSync(dir).filter((n) => TEMP.test(n));

describe('SIGKILL in the middle of patch', () => {
  it(
    'at every file-system call of a run: the config is the old or the new version, one temp at most, cleaned by the next run',
    { timeout: 300_000 },
    () => {
      const dir = join(work, 'cfg');
      mkdirSync(dir);
      writeFileSync(join(dir, 'a.xml'), metadata());
      // B differs from A in nothing the SP trusts (one more NameIDFormat): a plain update.
      writeFileSync(
        join(dir, 'b.xml'),
        metadata({ idpExtra: '<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified</md:NameIDFormat>' }),
      );
      const args = (m: string) => ['patch', 'values.yaml', '--metadata', m, '--now', '2026-06-01T00:00:00Z'];
      writeFileSync(join(dir, 'values.yaml'), '# deployment\nhostName: polyaxon.acme.com\n');
      expect(runCli(dir, args('a.xml')).code).toBe(0);
      const versionA = readFileSync(join(dir, 'values.yaml'));

      // One uninterrupted A → B run lists the calls the writer makes.
      const log = join(work, 'calls.log');
      expect(runCli(dir, args('b.xml'), { PXSSO_FS_LOG: log }).code).toBe(0);
      const versionB = readFileSync(join(dir, 'values.yaml'));
      expect(versionA.equals(versionB)).toBe(false);
      const calls = readFileSync(log, 'utf8').trim().split('\n');
      const tempOpened = calls.findIndex((c) => c === 'fs.open') + 1;
      const renamed = calls.lastIndexOf('fs.rename') + 1;
      expect(tempOpened).toBeGreaterThan(0);
      expect(renamed).toBeGreaterThan(tempOpened);

      for (let k = 1; k <= calls.length; k++) {
        writeFileSync(join(dir, 'values.yaml'), versionA);
        const r = runCli(dir, args('b.xml'), { PXSSO_KILL_AT: String(k) });
        expect(r.signal, `kill before call ${k} (${calls[k - 1]})`).toBe('SIGKILL');
        const now = readFileSync(join(dir, 'values.yaml'));
        // Before the rename the old version is in place; from the rename on, the new one.
        expect(now.equals(k <= renamed ? versionA : versionB), `kill before call ${k} (${calls[k - 1]})`).toBe(true);
        // The temp exists from its open until the rename moved it into place.
        expect(temps(dir).length, `temps after a kill before call ${k} (${calls[k - 1]})`).toBe(k > tempOpened && k <= renamed ? 1 : 0);
        // The next run removes what the killed one left, and writes the new version.
        expect(runCli(dir, args('b.xml')).code).toBe(0);
        expect(temps(dir)).toEqual([]);
        expect(readFileSync(join(dir, 'values.yaml')).equals(versionB)).toBe(true);
      }
    },
  );
});
