import { spawnSync } from 'node:child_process';

let python: string | null | undefined;

/** A python with PyYAML: `python3`, then Debian's. Under CI=true a missing PyYAML is a failure. */
export function findPython(): string | null {
  if (python !== undefined) return python;
  python = null;
  for (const cand of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(cand, ['-c', 'import yaml'], { encoding: 'utf8' });
    if (r.status === 0) return (python = cand);
  }
  if (process.env.CI === 'true') throw new Error('PyYAML not found (CI=true): install python3-yaml (.ci/run does)');
  process.stderr.write('notice: no python3 with PyYAML found; PyYAML read-back checks are skipped\n');
  return python;
}
