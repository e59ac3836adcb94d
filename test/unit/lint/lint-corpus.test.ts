import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/findings.js';
import { checkOf } from '../../../src/core/lint/codes.js';
import { lintConfig } from '../../../src/core/lint/lint-config.js';
import { validateMetadata } from '../../../src/core/metadata/validate-metadata.js';
import { planPatch } from '../../../src/core/patch/plan-patch.js';
import { CORPUS_NOW, corpusPath, HAS_CORPUS } from '../../support/corpus.js';

const now = new Date(CORPUS_NOW);
const validateXml = (xml: string) => validateMetadata(xml, { now, minDays: 30 });

describe.skipIf(!HAS_CORPUS)('lint on the real Polyaxon configs (../shared/corpus/deployment-configs)', () => {
  const dir = corpusPath('deployment-configs');
  const names = HAS_CORPUS ? readdirSync(dir).sort() : [];

  it('finds all 30 configs', () => expect(names).toHaveLength(30));

  it.each(names)('%s: lints without crashing and without false alarms on the auth block', (name) => {
    const report = lintConfig(readFileSync(`${dir}/${name}`, 'utf8'), name, { validateXml, skipNonPolyaxon: true });
    expect(report.skipped).toBeUndefined();
    expect(report.findings.filter((f) => checkOf(f.code) === 'auth-schema')).toEqual([]);
    // real chart values do hold passwords in plain text; those are checked against patch below
    // The deployment-config schema's verdicts on these files are in test/unit/schema/corpus-parity.test.ts.
    const problems = report.findings.filter(
      (f) => f.severity !== 'info' && f.code !== 'PLAINTEXT_SECRET' && !/^(SCHEMA|RULE)_/.test(f.code),
    );
    if (name === 'polyaxon-cli-all_external_platform_values.yml') {
      // Its okta XML is a stub <md:EntityDescriptor> with nothing inside: a real error, at the real line.
      expect(problems.map((f) => [f.code, f.location?.line, f.location?.column])).toEqual([['MD_IDP_DESCRIPTOR_MISSING', 408, 11]]);
    } else {
      expect(problems).toEqual([]);
    }
  });

  it('the chart values.yaml (every provider disabled) only notes that okta is not set up', () => {
    const report = lintConfig(readFileSync(`${dir}/polyaxon-charts-polyaxon-values.yaml`, 'utf8'), 'values.yaml', {
      validateXml,
      secretWarnings: false,
      target: 'helm',
    });
    expect(report.findings.filter((f) => !/^(SCHEMA|RULE)_/.test(f.code)).map((f) => [f.code, f.severity, f.location?.line])).toEqual([
      ['OKTA_ABSENT', 'info', 411],
    ]);
  });

  const acme = readFileSync('fixtures/metadata/valid/okta-acme.xml', 'utf8');
  const pick = (fs: readonly Finding[]) =>
    fs.filter((f) => f.code === 'PLAINTEXT_SECRET').map((f) => [f.code, f.severity, f.location?.line, f.location?.column]);

  it('patch reports the same PLAINTEXT_SECRET findings as lint on the file as written (code, severity, positions)', () => {
    let compared = 0;
    let secrets = 0;
    for (const name of names) {
      const text = readFileSync(`${dir}/${name}`, 'utf8');
      let plan;
      try {
        plan = planPatch(text, { mode: 'enable', xml: acme, file: name });
      } catch {
        continue; // a config patch refuses: nothing is written, nothing to compare
      }
      const linted = pick(lintConfig(plan.text, name, { validateXml }).findings);
      expect(pick(plan.findings), name).toEqual(linted);
      expect(pick(planPatch(text, { mode: 'enable', xml: acme, file: name, secretWarnings: false }).findings)).toEqual([]);
      expect(pick(lintConfig(plan.text, name, { validateXml, secretWarnings: false }).findings)).toEqual([]);
      compared++;
      secrets += linted.length;
    }
    expect(compared).toBeGreaterThanOrEqual(25);
    expect(secrets).toBeGreaterThan(20);
  });
});

/** Wraps metadata into a config the way `patch` writes it (docs/design.md §8): a `|-` block, 10 spaces in. */
function wrap(xml: string): { config: string; headerLine: number; stored: string } {
  const stored = xml
    .replace(/^\uFEFF/, '')
    .replace(/\r\n/g, '\n')
    .replace(/\s+$/, '');
  const head = [
    'deploymentChart: platform',
    'externalServices:',
    '  auth:',
    '    okta:',
    '      enabled: true',
    '      options:',
    '        xml: |-',
  ];
  const body = stored.split('\n').map((l) => (l === '' ? '' : `          ${l}`));
  return { config: `${[...head, ...body].join('\n')}\n`, headerLine: head.length, stored };
}

describe.skipIf(!HAS_CORPUS)('real Okta metadata wrapped into a config: XML positions map to the YAML file', () => {
  const dir = corpusPath('okta-metadata');
  const names = HAS_CORPUS ? readdirSync(dir).sort() : [];

  it.each(names)('%s', (name) => {
    const { config, headerLine, stored } = wrap(readFileSync(`${dir}/${name}`, 'utf8'));
    const direct = validateXml(stored).findings.filter((f) => f.location);
    const linted = lintConfig(config, 'values.yaml', { validateXml }).findings.filter((f) => !['OKTA_ABSENT'].includes(f.code));
    const xmlLines = stored.split('\n');
    const yamlLines = config.split('\n');
    expect(direct.length).toBeGreaterThan(0);
    for (const f of direct) {
      const l = linted.find((x) => x.code === f.code && x.message === f.message);
      const line = (f.location?.line ?? 0) + headerLine;
      const column = (f.location?.column ?? 0) + 10;
      expect(l?.location, f.code).toEqual({ file: 'values.yaml', line, column });
      // The character under the mapped position is the one validateMetadata pointed at.
      const xmlChar = xmlLines[(f.location?.line ?? 1) - 1]?.[(f.location?.column ?? 1) - 1];
      expect(yamlLines[line - 1]?.[column - 1]).toBe(xmlChar);
    }
  });

  it('a certificate finding lands on the X509Certificate line of the YAML file', () => {
    const { config } = wrap(readFileSync(`${dir}/saml-kit-oktapreview-dev989848.xml`, 'utf8'));
    const f = lintConfig(config, 'values.yaml', { validateXml }).findings.find((x) => x.code === 'CERT_SHA1_SIGNATURE');
    const line = config.split('\n')[(f?.location?.line ?? 0) - 1] ?? '';
    expect(line).toContain('<ds:X509Certificate>');
    expect(f?.location?.line).toBe(7 + 7);
  });
});
