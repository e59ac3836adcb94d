import { readFileSync, readdirSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { normalizeStoredXml } from '../../../src/core/patch/normalize-stored-xml.js';
import { planPatch } from '../../../src/core/patch/plan-patch.js';
import { corpusPath, HAS_CORPUS } from '../../support/corpus.js';
import { expectConfinedToOkta, findPython, pyReadBack } from '../../support/patch-helpers.js';

/**
 * Every real Polyaxon config in the corpus (the Helm chart's values files, the CLI's deployment
 * fixtures) patched in memory with a real Okta metadata file: okta-only diff, exact
 * read-back with yaml and PyYAML, no-op second run, and --disable keeps the metadata.
 */
describe.skipIf(!HAS_CORPUS)('patch on the real deployment configs (corpus)', () => {
  const dir = corpusPath('deployment-configs');
  const files = HAS_CORPUS ? readdirSync(dir).sort() : [];
  const xml = HAS_CORPUS ? readFileSync(corpusPath('okta-metadata', 'boot-saml-3-dev2148273-pretty.xml'), 'utf8') : '';
  const stored = normalizeStoredXml(xml);
  const read = (f: string) => readFileSync(`${dir}/${f}`, 'utf8');

  it('has the 30 configs', () => expect(files.length).toBe(30));

  for (const f of files) {
    it(f, () => {
      const before = read(f);
      const plan = planPatch(before, { mode: 'enable', xml, file: f });
      expect(plan.changed).toBe(true);
      expectConfinedToOkta(before, plan.text);
      const doc = parseDocument(plan.text, { version: '1.1' });
      expect(doc.getIn(['externalServices', 'auth', 'okta', 'options', 'xml'])).toBe(stored);
      expect(doc.getIn(['externalServices', 'auth', 'okta', 'enabled'])).toBe(true);
      expect(planPatch(plan.text, { mode: 'enable', xml, file: f }).changed).toBe(false);
      const off = planPatch(plan.text, { mode: 'disable', file: f });
      expect(parseDocument(off.text, { version: '1.1' }).getIn(['externalServices', 'auth', 'okta', 'options', 'xml'])).toBe(stored);
      expectConfinedToOkta(plan.text, off.text);
    });
  }

  it('the chart values.yaml: only okta.enabled and the empty okta.options change', () => {
    const before = read('polyaxon-charts-polyaxon-values.yaml');
    const plan = planPatch(before, { mode: 'enable', xml });
    expect(plan.changes.map((c) => [c.path, c.action, c.line])).toEqual([
      ['externalServices.auth.okta.enabled', 'updated', 412],
      ['externalServices.auth.okta.options', 'added', 413],
    ]);
    expect(plan.findings.filter((x) => x.code === 'PATCH_PLATFORM_SECRET')).toEqual([]);
  });

  it('warns about platformSecret (external_pgsql_values.yml) and other enabled providers', () => {
    const pg = planPatch(read('polyaxon-cli-external_pgsql_values.yml'), { mode: 'enable', xml });
    expect(pg.findings.find((x) => x.code === 'PATCH_PLATFORM_SECRET')?.location?.line).toBe(18);
    const all = planPatch(read('polyaxon-cli-all_external_platform_values.yml'), { mode: 'enable', xml });
    expect(all.findings.filter((x) => x.code === 'PATCH_OTHER_PROVIDER_ENABLED').length).toBe(4);
    const secrets = all.findings.filter((x) => x.code === 'PLAINTEXT_SECRET');
    // lines in the file as written: the metadata at line 407 grew by 32 lines, so the ones below moved
    expect(secrets.map((x) => x.location?.line)).toEqual([353, 371, 455, 457, 486, 513, 600]);
    // never the values themselves ("polyaxon", "rootpassword") in what ends up in CI logs
    expect(JSON.stringify(secrets)).not.toMatch(/rootpassword|: polyaxon|"polyaxon"/);
  });

  it('PyYAML reads back the exact XML and every other value unchanged, for all 30', () => {
    const py = findPython();
    if (py === null) return;
    const items = files.map((f) => ({ old: read(f), new: planPatch(read(f), { mode: 'enable', xml }).text }));
    pyReadBack(py, items).forEach((r, i) => {
      expect({ file: files[i], ...r }).toEqual({ file: files[i], xml: stored, enabled: true, restEqual: true });
    });
  });
});
