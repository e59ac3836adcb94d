import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { isOperationalError } from '../../src/core/errors.js';
import { normalizeStoredXml } from '../../src/core/patch/normalize-stored-xml.js';
import { planPatch } from '../../src/core/patch/plan-patch.js';
import { metadata } from '../support/xml-fixtures.js';
import { CONFIG_SEEDS, PROPERTY_TIMEOUT_MS, RUNS, bounded } from './arbitraries.js';
import { findPython } from '../support/python.js';

/**
 * `patch` followed by re-reading round-trips the XML exactly: for any config patch
 * accepts and any metadata text (YAML 1.1 traps, CRLF, BOM, leading spaces, trailing blanks),
 * the okta options.xml read back equals the stored form (docs/design.md §8), `enabled` is a real
 * boolean, and a second patch changes nothing. A sample is also read back by PyYAML itself.
 */
const TRAPS = [
  'yes',
  'on',
  'NO',
  'off',
  '1:20',
  '2001-12-14',
  '=',
  '<<',
  '~',
  '0012',
  '1e3',
  '# c',
  'k: v',
  '&a',
  '*a',
  "'q'",
  '"q"',
  '---',
  '...',
  '- x',
  '? x',
  '| x',
  '> x',
  '%TAG',
  '@',
  '`',
  ' ',
  '  lead',
  'trail  ',
  '\ttab',
];
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Printable text that a literal block can carry (the rest is a typed refusal, tested elsewhere). */
const safeLine = fc.oneof(fc.constantFrom(...TRAPS), fc.stringMatching(/^[\x20-\x7e\u00a0-\u00ff\u0400-\u04ff\u4e00-\u4e10]{0,30}$/));

const metadataArb = fc
  .record({
    lines: fc.array(safeLine, { maxLength: 8 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    lead: fc.constantFrom('', ' ', '  ', '\n', '\n\n'),
    trail: fc.constantFrom('', '\n', '  \n\n', '\t'),
    declaration: fc.boolean(),
  })
  .map(({ lines, crlf, bom, lead, trail, declaration }) => {
    const inner = lines.length ? `<md:Extensions><x:t xmlns:x="urn:x">\n${lines.map(xmlText).join('\n')}\n</x:t></md:Extensions>` : '';
    // A declaration must come first, so leading blanks only without it.
    let xml = `${declaration ? '' : lead}${metadata({ rootFirst: inner, declaration })}${trail}`;
    if (crlf) xml = xml.replace(/\n/g, '\r\n');
    return bom ? `\uFEFF${xml}` : xml;
  });

const acceptedConfigs = CONFIG_SEEDS.filter((c) => {
  try {
    planPatch(c, { mode: 'enable', xml: metadata() });
    return true;
  } catch (e) {
    if (isOperationalError(e)) return false;
    throw e;
  }
});

const readBack = (text: string) => {
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { version: '1.1' });
  return {
    xml: doc.getIn(['externalServices', 'auth', 'okta', 'options', 'xml']),
    enabled: doc.getIn(['externalServices', 'auth', 'okta', 'enabled']),
  };
};

describe('property: patch then re-read round-trips the XML exactly', () => {
  it('over configs patch accepts', () => {
    expect(acceptedConfigs.length).toBeGreaterThanOrEqual(4);
  });

  it('yaml (YAML 1.1) reads back the stored XML and enabled: true; a second patch is a no-op', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(fc.constantFrom(...acceptedConfigs), metadataArb, (config, xml) => {
        const plan = bounded(() => planPatch(config, { mode: 'enable', xml }));
        const back = readBack(plan.text);
        expect(back.xml).toBe(normalizeStoredXml(xml));
        expect(back.enabled).toBe(true);
        const again = planPatch(plan.text, { mode: 'enable', xml });
        expect(again.changed).toBe(false);
        expect(again.text).toBe(plan.text);
      }),
      { numRuns: RUNS },
    );
  });

  const python = findPython();
  const hasPyYaml = python !== null;

  it.skipIf(!hasPyYaml)('PyYAML safe_load reads back the same XML (a sample, one python process)', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'pxsso-prop-'));
    try {
      const samples = fc.sample(fc.tuple(fc.constantFrom(...acceptedConfigs), metadataArb), { numRuns: Math.min(RUNS, 60), seed: 8 });
      const expected: string[] = [];
      samples.forEach(([config, xml], i) => {
        writeFileSync(join(dir, `${i}.yaml`), planPatch(config, { mode: 'enable', xml }).text);
        expected.push(normalizeStoredXml(xml));
      });
      const script =
        'import json,sys,yaml\nout=[]\nfor i in range(int(sys.argv[2])):\n  d=yaml.safe_load(open(f"{sys.argv[1]}/{i}.yaml",encoding="utf-8"))\n  o=d["externalServices"]["auth"]["okta"]\n  out.append([o["options"]["xml"], o["enabled"]])\nprint(json.dumps(out))';
      const got = JSON.parse(
        execFileSync(python ?? 'python3', ['-c', script, dir, String(samples.length)], { maxBuffer: 256 * 1024 * 1024 }).toString('utf8'),
      ) as [string, unknown][];
      got.forEach(([xml, enabled], i) => {
        expect(xml, `sample ${i}`).toBe(expected[i]);
        expect(enabled).toBe(true);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
