// Times whole processes: hyperfine when installed (warm-up, outlier-aware, exports every run), else
// a small node timer (spawnSync, N runs, median). Peak memory comes from one extra run under
// GNU time (`%M` = maximum resident set size in KB), which doubles as the "does it run" probe.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every measured process gets this environment: ours minus what changes what Node does at start.
 * NODE_EXTRA_CA_CERTS makes every node process, `node -e 0` included, load a CA bundle (~30 ms on
 * this VM, whose image sets it), which hides our own start-up cost inside a larger baseline;
 * NODE_OPTIONS could add anything. Users' shells and CI runners set neither.
 */
export const STRIPPED_ENV = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS', 'NODE_COMPILE_CACHE', 'NODE_DISABLE_COMPILE_CACHE'];
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !STRIPPED_ENV.includes(k)));
export const strippedFromEnv = () => STRIPPED_ENV.filter((k) => process.env[k] !== undefined);

export const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const TIME = '/usr/bin/time';
const scratch = mkdtempSync(join(tmpdir(), 'polyaxon-sso-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/**
 * One run: exit code, first stderr line, wall seconds, and from GNU time (when present) the peak
 * RSS in bytes and the CPU seconds (user + system; a loaded machine inflates wall time, not this).
 */
export function probe(argv, cwd, extraEnv = {}) {
  const out = join(scratch, 'time.txt');
  const withTime = has(TIME);
  const [cmd, ...args] = withTime ? [TIME, '-f', '%M %U %S', '-o', out, ...argv] : argv;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const stderr = r.stderr?.toString('utf8') ?? '';
  let rss;
  let cpu;
  if (withTime) {
    const [kb, user, sys] = (readFileSync(out, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    if (Number.isFinite(kb)) rss = kb * 1024;
    if (Number.isFinite(user) && Number.isFinite(sys)) cpu = user + sys;
  }
  const firstLine = stderr.split('\n').find((l) => l.trim() !== '' && !l.startsWith('Command exited')) ?? '';
  return { code: r.status ?? (r.signal ? 128 : 2), signal: r.signal ?? undefined, stderrLine: firstLine.slice(0, 160), seconds, rss, cpu };
}

// hyperfine --shell=none splits the command line with shell-words rules: quote everything.
const quote = (a) => `'${a.replaceAll("'", "'\\''")}'`;

function hyperfine(argv, cwd, runs, warmup, extraEnv) {
  const json = join(scratch, 'hyperfine.json');
  const r = spawnSync(
    'hyperfine',
    [
      '--shell=none',
      '--style',
      'none',
      '--ignore-failure',
      '--runs',
      String(runs),
      '--warmup',
      String(warmup),
      '--export-json',
      json,
      argv.map(quote).join(' '),
    ],
    { cwd, env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  if (r.status !== 0) throw new Error(`hyperfine failed: ${r.stderr.toString().trim()}`);
  const res = JSON.parse(readFileSync(json, 'utf8')).results[0];
  return { median: res.median, times: res.times, cpu: res.user + res.system };
}

function nodeTimer(argv, cwd, runs, warmup, extraEnv) {
  const times = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(argv[0], argv.slice(1), { cwd, env: { ...env, ...extraEnv }, stdio: 'ignore' });
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (i >= warmup) times.push(s);
  }
  return { median: median(times), times };
}

/** Median wall seconds over `runs` runs after `warmup` unmeasured ones (hyperfine adds mean CPU seconds). */
export function time(argv, { cwd, runs, warmup, timer, env: extraEnv = {} }) {
  return timer === 'hyperfine' ? hyperfine(argv, cwd, runs, warmup, extraEnv) : nodeTimer(argv, cwd, runs, warmup, extraEnv);
}
