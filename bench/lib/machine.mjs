// What the numbers were measured on: ratios travel between machines, absolute times do not.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { strippedFromEnv } from './measure.mjs';

const firstLine = (cmd, args) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? (r.stdout || r.stderr).trim().split('\n')[0] : undefined;
};

function cpuModel() {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m?.[1]) return m[1].trim();
  } catch {
    /* not Linux */
  }
  return cpus()[0]?.model ?? 'unknown';
}

export function machine(cwd) {
  const commit = firstLine('git', ['-C', cwd, 'rev-parse', '--short', 'HEAD']);
  const dirty = spawnSync('git', ['-C', cwd, 'status', '--porcelain', '--', 'src'], { encoding: 'utf8' }).stdout?.trim();
  return {
    cpu: cpuModel(),
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    xmlsec1: firstLine('xmlsec1', ['--version']),
    hyperfine: firstLine('hyperfine', ['--version']),
    stripped: strippedFromEnv(),
    commit: commit ? `${commit}${dirty ? ' (src/ has uncommitted changes)' : ''}` : undefined,
    date: new Date().toISOString(),
    // Other work on the machine skews absolute times; ratios within one run suffer less.
    load: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}
