import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Dependency hygiene: the npm audit endpoint is not reachable from our machines, so the
 * advisories are kept by hand (SECURITY.md, "Dependency minimums"). Every copy of each package in
 * package-lock.json — nested ones too — must be at or above the minimum of its release line.
 */
interface Minimum {
  name: string;
  /** Per major.minor line ("0.8") or major ("6"); `*` applies to any line without its own entry. */
  lines: Record<string, string>;
  advisories: string;
}

const MINIMUMS: Minimum[] = [
  { name: 'xml-crypto', lines: { '*': '6.0.1' }, advisories: 'CVE-2024-32962, CVE-2025-29774, CVE-2025-29775' },
  {
    name: '@xmldom/xmldom',
    lines: { '0.8': '0.8.15', '0.9': '0.9.12', '*': '0.9.12' },
    advisories: 'xmldom 2026 advisories (fixed in 0.8.15 / 0.9.12)',
  },
  { name: 'xmldom', lines: { '*': '999.0.0' }, advisories: 'the unscoped xmldom package is abandoned (CVE-2021-21366, CVE-2022-39353)' },
  { name: 'fast-xml-parser', lines: { '*': '5.10.1' }, advisories: '2026 entity-expansion and regex advisories' },
  { name: 'yaml', lines: { '*': '2.8.3' }, advisories: 'yaml < 2.8.3 advisory' },
];

type Triple = [number, number, number];
const NM = 'node_modules/';
const installedName = (path: string): string => path.slice(path.lastIndexOf(NM) + NM.length);

function parse(v: string): Triple {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(v);
  if (!m) throw new Error(`unreadable version ${v}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function below(v: string, min: string): boolean {
  const a = parse(v);
  const b = parse(min);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

function minimumFor(m: Minimum, version: string): string {
  const [major, minor] = parse(version);
  // 0.x lines are keyed by major.minor (semver: each 0.minor is its own line), others by major.
  const key = major === 0 ? `${major}.${minor}` : `${major}`;
  return m.lines[key] ?? (m.lines['*'] as string);
}

interface Copy {
  path: string;
  name: string;
  version: string;
}

/** Every installed copy of a package: lockfile v2/v3 `packages` keys end in node_modules/<name>. */
function copiesOf(lock: { packages?: Record<string, { version?: string; name?: string }> }, name: string): Copy[] {
  const out: Copy[] = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (!path.includes(NM) || installedName(path) !== name || entry.version === undefined) continue;
    out.push({ path, name: entry.name ?? name, version: entry.version });
  }
  return out;
}

function violations(lock: { packages?: Record<string, { version?: string; name?: string }> }): string[] {
  const bad: string[] = [];
  const all = Object.entries(lock.packages ?? {}).filter(([p]) => p.includes(NM));
  for (const m of MINIMUMS) {
    // An npm alias (`"x": "npm:yaml@…"`) records the real package in `name`.
    const copies = all
      .filter(([p, e]) => installedName(p) === m.name || e.name === m.name)
      .map(([path, e]) => ({ path, version: e.version ?? '0.0.0' }));
    for (const c of copies) {
      const min = minimumFor(m, c.version);
      if (below(c.version, min)) bad.push(`${c.path}@${c.version} < ${min} (${m.advisories})`);
    }
  }
  return bad;
}

const lock = JSON.parse(readFileSync(join(process.cwd(), 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, { version?: string; name?: string }>;
};

describe('dependency minimums (SECURITY.md)', () => {
  it('reads a v2/v3 lockfile with a packages map', () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    expect(Object.keys(lock.packages).length).toBeGreaterThan(10);
  });

  it.each(['xml-crypto', '@xmldom/xmldom', 'fast-xml-parser', 'yaml'])('%s is installed (at least one copy)', (name) => {
    expect(copiesOf(lock, name).length).toBeGreaterThanOrEqual(1);
  });

  it('no copy of a guarded package is below its minimum safe version', () => {
    expect(violations(lock)).toEqual([]);
  });

  it('the installed package.json versions agree with the lockfile', () => {
    for (const name of ['xml-crypto', '@xmldom/xmldom', 'fast-xml-parser', 'yaml']) {
      const installed = JSON.parse(readFileSync(join(process.cwd(), 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
      expect(copiesOf(lock, name).map((c) => c.version)).toContain(installed.version);
    }
  });

  // The checker itself must be able to fail: synthetic lockfiles just below each minimum.
  it.each([
    ['node_modules/xml-crypto', '6.0.0'],
    ['node_modules/xml-crypto', '2.1.5'],
    ['node_modules/a/node_modules/@xmldom/xmldom', '0.8.14'],
    ['node_modules/@xmldom/xmldom', '0.9.11'],
    ['node_modules/@xmldom/xmldom', '0.7.13'],
    ['node_modules/xmldom', '0.6.0'],
    ['node_modules/x/node_modules/fast-xml-parser', '5.10.0'],
    ['node_modules/fast-xml-parser', '4.5.3'],
    ['node_modules/yaml', '2.8.2'],
    ['node_modules/deep/node_modules/other/node_modules/yaml', '1.10.2'],
  ])('flags %s@%s', (path, version) => {
    expect(violations({ packages: { '': {}, [path]: { version } } })).toHaveLength(1);
  });

  it.each([
    ['node_modules/xml-crypto', '6.0.1'],
    ['node_modules/@xmldom/xmldom', '0.8.15'],
    ['node_modules/@xmldom/xmldom', '0.9.12'],
    ['node_modules/fast-xml-parser', '5.10.1'],
    ['node_modules/yaml', '2.8.3'],
    ['node_modules/yaml', '3.0.0'],
  ])('accepts %s@%s', (path, version) => {
    expect(violations({ packages: { [path]: { version } } })).toEqual([]);
  });

  it('flags an npm alias that installs a guarded package under another name', () => {
    expect(violations({ packages: { 'node_modules/my-yaml': { name: 'yaml', version: '2.0.0' } } })).toHaveLength(1);
  });
});
