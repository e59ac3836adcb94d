#!/usr/bin/env node
// `npm run bench`: builds the CLI (privately, see lib/private-build.mjs), generates inputs under bench/work/, times every case
// against its baseline in the same run, prints the table and writes bench/RESULTS.md.
// Options: --runs N, --quick (3 runs, no warm-up), --only REGEX (case ids; baselines follow),
// --fresh (regenerate inputs), --no-build (reuse bench/work/pkg), --no-install (no apt-get), --label TEXT.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureInputs } from './generate/inputs.mjs';
import { cases, isBuilt } from './lib/cases.mjs';
import { machine } from './lib/machine.mjs';
import { has, probe, time } from './lib/measure.mjs';
import { renderResults, renderTable } from './lib/report.mjs';
import { ensureTools } from './lib/tools.mjs';
import { privateBuild } from './lib/private-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opt } = parseArgs({
  options: {
    runs: { type: 'string' },
    quick: { type: 'boolean' },
    only: { type: 'string' },
    fresh: { type: 'boolean' },
    'no-build': { type: 'boolean' },
    'no-install': { type: 'boolean' },
    label: { type: 'string' },
  },
});
const log = (s) => process.stderr.write(`bench: ${s}\n`);
const loadStart = loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');

if (ensureTools(log, { install: !opt['no-install'] }).some((t) => t.required)) process.exit(2);

const manifest = await ensureInputs(join(root, 'bench', 'work'), { fresh: opt.fresh, log });
const pkg = privateBuild(root, log, { rebuild: !opt['no-build'] });
const all = cases(root, pkg, manifest);
const only = opt.only ? new RegExp(opt.only) : undefined;
const wanted = new Set(all.filter((c) => !only || only.test(c.id)).flatMap((c) => [c.id, c.ref, c.also, 'node-e-0']));
const list = all.filter((c) => wanted.has(c.id));
const timer = has('hyperfine') ? 'hyperfine' : 'node timer (spawnSync)';

// The CLI keeps no compile cache, and NODE_COMPILE_CACHE is stripped (lib/measure.mjs): every
// timed run compiles the bundles, as a user's run does unless they set NODE_COMPILE_CACHE.
const caseEnv = (c) => ({ ...c.env });

const [SLOW, VERY_SLOW] = [3, 30];
const results = new Map();
for (const c of list) {
  if (!isBuilt(root, c.command)) {
    log(`${c.id}: n/a (not built yet)`);
    results.set(c.id, { status: 'n/a' });
    continue;
  }
  const p = probe(c.argv, root, caseEnv(c));
  // 0 = ok, 1 = findings: both mean the check ran to the end and the timing is meaningful.
  if (p.code > 1 || p.signal) {
    log(`${c.id}: failed (exit ${p.code}${p.signal ? `, ${p.signal}` : ''}) ${p.stderrLine}`);
    results.set(c.id, { status: 'failed', ...p });
    continue;
  }
  let runs = opt.runs ? Number(opt.runs) : opt.quick ? 3 : c.runs;
  let warmup = opt.quick ? 0 : c.warmup;
  // Slow cases (the big aggregates before issue 9's work: minutes each) would make the bench
  // unusable: the probe serves as warm-up above SLOW seconds, as the only sample above VERY_SLOW.
  if (p.seconds > VERY_SLOW && !opt.runs) {
    log(`${c.id}: ${p.seconds.toFixed(1)} s: the probe is the only sample`);
    results.set(c.id, { status: 'ok', ...p, median: p.seconds, times: [p.seconds] });
    continue;
  }
  if (p.seconds > SLOW && !opt.runs) [runs, warmup] = [Math.min(runs, 3), 0];
  log(`${c.id}: ${runs} runs${warmup ? ` after ${warmup} warm-up` : ''}`);
  const t = time(c.argv, { cwd: root, runs, warmup, timer: has('hyperfine') ? 'hyperfine' : 'node', env: caseEnv(c) });
  results.set(c.id, { status: 'ok', ...p, ...t });
}

const table = renderTable(list, results);
process.stdout.write(`${table}\n`);
const mc = { ...machine(root), loadStart };
writeFileSync(
  join(root, 'bench', 'work', 'results.json'),
  `${JSON.stringify({ machine: mc, timer, manifest, results: Object.fromEntries(results) }, null, 2)}\n`,
);
// Only a full run replaces the committed table; a partial one (--only) stays in bench/work/.
const out = only ? join('bench', 'work', 'RESULTS-partial.md') : join('bench', 'RESULTS.md');
writeFileSync(join(root, out), renderResults({ label: opt.label, table, machine: mc, manifest, timer, list, results }));
log(`wrote ${out} and bench/work/results.json`);
