#!/usr/bin/env node
// Where does validate-metadata spend its time on a big signed aggregate? ("profile where
// the time goes (--cpu-prof)"). Runs scripts/esbuild-options.mjs's builds with source maps, runs it
// under `node --cpu-prof`, and attributes self time to the original file and npm package.
// Usage: node bench/profile.mjs [--entities 10000] [--top 25]  (run `npm run bench` once first).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { builds } from '../scripts/esbuild-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opt } = parseArgs({ options: { entities: { type: 'string', default: '10000' }, top: { type: 'string', default: '25' } } });
const work = join(root, 'bench', 'work');
const m = JSON.parse(readFileSync(join(work, 'manifest.json'), 'utf8'));
const agg = m.aggregates.find((a) => a.entities === Number(opt.entities));
if (!agg) throw new Error(`no aggregate of ${opt.entities} entities in bench/work/manifest.json`);

// The real builds (the CLI's bundles and lazy files keep their relative layout), plus source maps.
const out = join(work, 'profile-dist');
rmSync(out, { recursive: true, force: true });
await Promise.all(builds.map((b) => build({ ...b, outdir: out, sourcemap: 'external', absWorkingDir: root })));

const profDir = join(work, 'profiles');
rmSync(profDir, { recursive: true, force: true });
const args = [
  'validate-metadata',
  agg.file,
  '--signer-cert',
  m.signerCert,
  '--entity-id',
  agg.entityId,
  '--max-size',
  String(Math.ceil(agg.bytes / 2 ** 20) + 1),
  '--now',
  m.now,
  '--json',
];
const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profDir, join(out, 'cli.cjs'), ...args], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
process.stderr.write(`profile: validate-metadata exited ${r.status}\n`);
const prof = JSON.parse(readFileSync(join(profDir, readdirSync(profDir)[0]), 'utf8'));

// Map a bundle position back to its original source (node_modules/<pkg>/… or src/…).
const maps = new Map();
function origin(frame) {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (!frame.url.startsWith('file:')) return `node:${frame.url.replace(/^node:/, '')}`;
  const file = fileURLToPath(frame.url);
  if (!maps.has(file)) {
    try {
      maps.set(file, new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))));
    } catch {
      maps.set(file, null);
    }
  }
  const e = maps.get(file)?.findEntry(frame.lineNumber, frame.columnNumber);
  if (!e?.originalSource) return relative(root, file);
  const src = e.originalSource.replace(/^.*?(node_modules\/|src\/)/, '$1');
  return `${src}:${e.originalLine + 1}`;
}
const pkgOf = (o) =>
  /^node_modules\/((@[^/]+\/)?[^/]+)/.exec(o)?.[1] ??
  (o.startsWith('src/') ? 'src (ours)' : o.startsWith('node:') ? 'node internals' : o.split(':')[0]);

const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const info = new Map(
  prof.nodes.map((n) => {
    const o = origin(n.callFrame);
    return [n.id, { o, pkg: pkgOf(o), fn: `${n.callFrame.functionName || '(anonymous)'} ${o}` }];
  }),
);
const self = new Map();
const selfPkg = new Map();
const incl = new Map();
let total = 0;
prof.samples.forEach((id, i) => {
  const dt = prof.timeDeltas[i] ?? 0;
  total += dt;
  const { fn, pkg } = info.get(id);
  self.set(fn, (self.get(fn) ?? 0) + dt);
  selfPkg.set(pkg, (selfPkg.get(pkg) ?? 0) + dt);
  // Inclusive: every distinct function on the stack gets the sample once (recursion-safe).
  const seen = new Set();
  for (let n = id; n !== undefined; n = parent.get(n)) seen.add(info.get(n).fn);
  for (const f of seen) incl.set(f, (incl.get(f) ?? 0) + dt);
});
const pct = (v) => `${((100 * v) / total).toFixed(1)}%`;
const top = (map, k) => [...map].sort((a, b) => b[1] - a[1]).slice(0, k);
const ms = (v) => `${(v / 1000).toFixed(0)} ms`;
const report = `# CPU profile: validate-metadata, signed aggregate of ${agg.entities} entities (${(agg.bytes / 2 ** 20).toFixed(1)} MB)

\`node --cpu-prof\` of the bundled CLI (bench/profile.mjs), exit ${r.status}, ${(total / 1e6).toFixed(2)} s sampled, node ${process.version}.

## Self time by package

| package | self time | share |
|---|---:|---:|
${top(selfPkg, 20)
  .map(([k, v]) => `| ${k} | ${ms(v)} | ${pct(v)} |`)
  .join('\n')}

## Top ${opt.top} functions by self time

| function (original source) | self | share |
|---|---:|---:|
${top(self, Number(opt.top))
  .map(([k, v]) => `| \`${k}\` | ${ms(v)} | ${pct(v)} |`)
  .join('\n')}

## Our code and xml-crypto by inclusive time

| function (original source) | inclusive | share |
|---|---:|---:|
${top(new Map([...incl].filter(([k]) => / (src|node_modules\/xml-crypto)\//.test(k))), Number(opt.top))
  .map(([k, v]) => `| \`${k}\` | ${ms(v)} | ${pct(v)} |`)
  .join('\n')}
`;
const file = join(work, `profile-${agg.entities}.md`);
writeFileSync(file, report);
// The 10k profile is the one issue 9 asks about: keep the latest next to RESULTS.md.
if (agg.entities === 10_000) writeFileSync(join(root, 'bench', 'PROFILE.md'), report);
process.stdout.write(report);
process.stderr.write(`profile: wrote ${relative(root, file)} (raw .cpuprofile in ${relative(root, profDir)})\n`);
