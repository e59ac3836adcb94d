import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The downstream readers, many documents per process (CI time): libxml2 through lxml with
 * python3-saml's XPath, expat as pysaml2 parses (xml-oracle.py), and the xmllint binary itself.
 * Debian's python3-lxml is libxml2, like libxml2-utils' xmllint (.ci/run installs both).
 */
export interface OracleCase {
  id: string;
  bytes: Buffer;
  entityId?: string;
}

export interface SamlReading {
  entityId: string | null;
  post: string | null;
  redirect: string | null;
  signing: string[];
}

export interface OracleResult {
  id: string;
  expat: boolean;
  libxml2: boolean;
  xmllint: boolean;
  saml?: SamlReading | null;
  error?: string;
}

const PYTHON = '/usr/bin/python3';

/** undefined (with the reason) when xmllint or Debian's python3 with lxml is missing. */
export function oracleMissing(): string | undefined {
  if (spawnSync('xmllint', ['--version']).status !== 0) return 'xmllint (libxml2-utils) not installed';
  if (spawnSync(PYTHON, ['-c', 'import lxml.etree']).status !== 0) return 'python3-lxml not installed';
  return undefined;
}

export function runOracle(cases: readonly OracleCase[]): Map<string, OracleResult> {
  const input = cases.map((c) => JSON.stringify({ id: c.id, b64: c.bytes.toString('base64'), entityId: c.entityId ?? null })).join('\n');
  const py = spawnSync(PYTHON, [fileURLToPath(new URL('./xml-oracle.py', import.meta.url))], {
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (py.status !== 0) throw new Error(`xml-oracle.py failed: ${py.stderr}`);
  const out = new Map<string, OracleResult>();
  for (const line of py.stdout.split('\n'))
    if (line) {
      const r = JSON.parse(line) as OracleResult;
      out.set(r.id, { ...r, xmllint: true });
    }
  for (const id of xmllintFailures(cases)) {
    const r = out.get(id);
    if (r) r.xmllint = false;
  }
  return out;
}

/** Ids of the cases `xmllint --noout` refuses: one process per few hundred files. */
function xmllintFailures(cases: readonly OracleCase[]): Set<string> {
  const dir = mkdtempSync(join(tmpdir(), 'xmllint-'));
  const failed = new Set<string>();
  try {
    const names = cases.map((c, i) => {
      const name = join(dir, `c${i}.xml`);
      writeFileSync(name, c.bytes);
      return name;
    });
    for (let k = 0; k < names.length; k += 400) {
      const batch = names.slice(k, k + 400);
      const r = spawnSync('xmllint', ['--noout', '--nonet', ...batch], { encoding: 'utf8', maxBuffer: 1 << 28 });
      // Errors are printed as "<file>:<line>: <kind> error : …"; warnings do not fail a parse.
      let found = 0;
      for (const line of r.stderr.split('\n')) {
        const m = /^.*?\/c(\d+)\.xml:\d+: [a-zA-Z ]*error/.exec(line);
        if (m) {
          failed.add((cases[Number(m[1])] as OracleCase).id);
          found++;
        }
      }
      // A failure xmllint printed without a file name (I/O, encoding): ask file by file.
      if (r.status !== 0 && found === 0)
        for (const name of batch)
          if (spawnSync('xmllint', ['--noout', '--nonet', name]).status !== 0)
            failed.add((cases[Number(/c(\d+)\.xml$/.exec(name)?.[1])] as OracleCase).id);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return failed;
}
