import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_ID, metadata } from './xml-fixtures.js';

/**
 * SIGKILL in the middle of `patch`, many times at random points (issue 8, DESIGN.md §6): after
 * every kill the config is byte-for-byte either the old or the new version, never a mix; a killed
 * run leaves at most one temp file, and the next run removes it, so they never pile up.
 * The CLI is bundled from src/ into a temp dir (independent of a stale dist/).
 */
/** 16 in CI (each run is a fresh node process); `npm run fuzz` sets ADV_SIGKILL_RUNS higher. */
const RUNS = Number(process.env.ADV_SIGKILL_RUNS ?? 16);
const TEMP = /\.polyaxon-sso-\d+-[0-9a-f]{8}\.tmp$/;
let work: string;
let cli: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pxsso-kill-'));
  await build({
    entryPoints: { cli: 'src/bin-entry.ts' },
    outdir: join(work, 'bundle'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'silent',
  });
  cli = join(work, 'bundle', 'cli.js');
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

type Kill = { afterMs: number } | { afterTempMs: number };

/**
 * Runs the bundled CLI and kills it with SIGKILL `afterMs` after the start, or `afterTempMs` after
 * its temp file appears (inside the write window); without `kill` it runs to the end.
 */
function runCli(cwd: string, args: string[], kill?: Kill): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, stdio: 'ignore' });
    let timer: NodeJS.Timeout | undefined;
    let poll: NodeJS.Timeout | undefined;
    if (kill && 'afterMs' in kill) timer = setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
    else if (kill) {
      poll = setInterval(() => {
        if (!readdirSync(cwd).some((n) => TEMP.test(n) && n.includes(`-${child.pid}-`))) return;
        clearInterval(poll);
        timer = setTimeout(() => child.kill('SIGKILL'), kill.afterTempMs);
      }, 1);
    }
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('patch did not finish within 20 s (hang)'));
    }, 20_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      clearTimeout(guard);
      resolve({ code, signal });
    });
  });
}

/** A small deterministic PRNG (mulberry32): the kill points are random but reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('SIGKILL in the middle of patch', () => {
  it(`the config is always the old or the new version over ${RUNS} random kills; temps never pile up`, { timeout: 300_000 }, async () => {
    const dir = join(work, 'cfg');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    // A large config, so that the kill lands inside the read/plan/write window often.
    const base = `# deployment\nhostName: polyaxon.acme.com\n${'# a long comment line that makes the file big enough to take a while to write\n'.repeat(6_000)}`;
    writeFileSync(join(dir, 'a.xml'), metadata());
    writeFileSync(join(dir, 'b.xml'), metadata({ entityId: `${ENTITY_ID}B` }));
    const args = (m: string) => ['patch', 'values.yaml', '--metadata', m, '--now', '2026-06-01T00:00:00Z'];

    // The two complete versions, and how long an uninterrupted run takes.
    writeFileSync(join(dir, 'values.yaml'), base);
    const t0 = Date.now();
    expect((await runCli(dir, args('a.xml'))).code).toBe(0);
    const span = Date.now() - t0;
    const versionA = readFileSync(join(dir, 'values.yaml'));
    expect((await runCli(dir, args('b.xml'))).code).toBe(0);
    const versionB = readFileSync(join(dir, 'values.yaml'));
    expect(versionA.equals(versionB)).toBe(false);

    const rand = prng(8);
    let current = versionB;
    const outcomes = { killed: 0, finished: 0, changed: 0, tempLeft: 0 };
    for (let i = 0; i < RUNS; i++) {
      const target = current === versionA ? 'b.xml' : 'a.xml';
      // Half the kills at any point of the run, half inside the write window (temp file open).
      const kill: Kill = i % 2 === 0 ? { afterMs: Math.floor(rand() * span * 1.2) } : { afterTempMs: Math.floor(rand() * 60) };
      const r = await runCli(dir, args(target), kill);
      if (r.signal === 'SIGKILL') outcomes.killed++;
      else outcomes.finished++;
      const now = readFileSync(join(dir, 'values.yaml'));
      const isA = now.equals(versionA);
      const isB = now.equals(versionB);
      expect(isA || isB, `run ${i}: the config is neither version (${now.length} bytes)`).toBe(true);
      const next = isA ? versionA : versionB;
      if (next !== current) outcomes.changed++;
      current = next;
      // At most one temp file: the killed run's; the run before removed any older one.
      const left = readdirSync(dir).filter((n) => TEMP.test(n)).length;
      if (left > 0 && r.signal === 'SIGKILL') outcomes.tempLeft++;
      expect(left).toBeLessThanOrEqual(1);
    }
    // The kills did land mid-run, and some runs got through.
    expect(outcomes.killed).toBeGreaterThan(RUNS / 4);
    expect(outcomes.tempLeft).toBeGreaterThan(0);

    // One clean run removes what the last killed run left.
    expect((await runCli(dir, args(current === versionA ? 'b.xml' : 'a.xml'))).code).toBe(0);
    expect(readdirSync(dir).filter((n) => TEMP.test(n))).toEqual([]);
  });
});
