// The bench's outside tools, all Debian packages: xmlsec1 (signs the inputs and is the reference
// for signature verification), hyperfine (the timer; optional) and GNU time (peak memory).
import { spawnSync } from 'node:child_process';
import { has } from './measure.mjs';

const WANTED = [
  { bin: 'xmlsec1', pkg: 'xmlsec1', required: true },
  { bin: 'hyperfine', pkg: 'hyperfine', required: false },
  { bin: '/usr/bin/time', pkg: 'time', required: false },
];

/** Installs what is missing with apt-get when we are root; returns the names still missing. */
export function ensureTools(log, { install = true } = {}) {
  let missing = WANTED.filter((t) => !has(t.bin));
  const canApt = install && process.getuid?.() === 0 && has('apt-get');
  if (missing.length > 0 && canApt) {
    const pkgs = missing.map((t) => t.pkg);
    log(`installing ${pkgs.join(', ')} with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
    missing = WANTED.filter((t) => !has(t.bin));
  }
  for (const t of missing) log(`${t.required ? 'error' : 'note'}: ${t.bin} not available (Debian package ${t.pkg})`);
  return missing;
}
