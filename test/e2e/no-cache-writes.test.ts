import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOW_ARGS as NOW } from '../support/clock.js';

/**
 * The CLI keeps no compile cache (SECURITY.md, "No compile cache"): cached bytecode is code a
 * later run executes. Every command runs with HOME and XDG_CACHE_HOME pointing at empty
 * directories, which must stay empty; and the bin never turns Node's own cache on.
 */
const ROOT = resolve('.');
const BIN = join(ROOT, 'bin/polyaxon-sso.js');
const META = join(ROOT, 'fixtures/metadata/valid/okta-acme.xml');

/** Every file and directory under dir, relative (empty when nothing was written). */
const tree = (dir: string): string[] => readdirSync(dir, { recursive: true }).map(String).sort();

describe.skipIf(!existsSync(join(ROOT, 'dist/cli.cjs')))('no command writes a cache', () => {
  it('the bin does not call module.enableCompileCache() nor load a cache of its own', () => {
    const bin = readFileSync(BIN, 'utf8').replace(/\/\/.*$/gm, '');
    expect(bin).not.toMatch(/enableCompileCache|compile-cache|NODE_COMPILE_CACHE/);
    expect(existsSync(join(ROOT, 'dist/compile-cache.cjs'))).toBe(false);
    for (const f of ['dist/cli.cjs', 'dist/cli-main.cjs'])
      expect([f, /enableCompileCache|\bcachedData\b/.test(readFileSync(join(ROOT, f), 'utf8'))]).toEqual([f, false]);
  });

  it('leaves $HOME and $XDG_CACHE_HOME empty, whatever the command', () => {
    const home = mkdtempSync(join(tmpdir(), 'no-cache-home-'));
    const cache = mkdtempSync(join(tmpdir(), 'no-cache-xdg-'));
    const work = mkdtempSync(join(tmpdir(), 'no-cache-work-'));
    copyFileSync(join(ROOT, 'fixtures/demo/values.yaml'), join(work, 'values.yaml'));
    copyFileSync(join(ROOT, 'fixtures/demo/values.yaml'), join(work, 'init.yaml'));
    writeFileSync(join(work, 'response.xml'), '<samlp:Response/>');
    const runs: [string[], number[]][] = [
      [['--version'], [0]],
      [['--help'], [0]],
      [['urls', '--host', 'polyaxon.acme.com', '--org', 'acme', '--json'], [0]],
      [['validate-metadata', META, ...NOW, '--json'], [0]],
      [['patch', 'values.yaml', '--metadata', META, '--dry-run', ...NOW], [0]],
      [['patch', 'values.yaml', '--metadata', META, ...NOW], [0]],
      [
        ['lint', '.', ...NOW, '--format', 'json'],
        [0, 1],
      ],
      [['init', '--config', 'init.yaml', '--org', 'acme', '--metadata', META, ...NOW], [0]],
      [
        ['check-response', 'response.xml', '--metadata', META, '--host', 'polyaxon.acme.com', '--org', 'acme', ...NOW],
        [1, 2],
      ],
    ];
    for (const [args, codes] of runs) {
      const r = spawnSync(process.execPath, [BIN, ...args], {
        cwd: work,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: home, XDG_CACHE_HOME: cache },
        timeout: 30_000,
      });
      expect([args[0], codes.includes(r.status ?? -1)], r.stderr).toEqual([args[0], true]);
    }
    expect(tree(home)).toEqual([]);
    expect(tree(cache)).toEqual([]);
  }, 120_000);

  it('with XDG_CACHE_HOME unset, nothing appears under $HOME/.cache', () => {
    const home = mkdtempSync(join(tmpdir(), 'no-cache-home-'));
    const r = spawnSync(process.execPath, [BIN, 'validate-metadata', META, ...NOW], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: home },
      timeout: 30_000,
    });
    expect(r.status).toBe(0);
    expect(tree(home)).toEqual([]);
  }, 60_000);
});
