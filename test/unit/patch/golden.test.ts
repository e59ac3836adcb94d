import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { normalizeStoredXml } from '../../../src/core/patch/normalize-stored-xml.js';
import { planPatch } from '../../../src/core/patch/plan-patch.js';
import { expectConfinedToOkta, findPython, pyReadBack } from '../../support/patch-helpers.js';

/**
 * fixtures/configs: each config patched with okta-metadata.xml must equal its golden output
 * byte for byte, touch only the okta block, read back (yaml and PyYAML) as exactly the stored
 * XML, and be a no-op the second time. UPDATE_GOLDEN=1 rewrites the goldens.
 */
const DIR = join(process.cwd(), 'fixtures', 'configs');
const XML = readFileSync(join(DIR, 'okta-metadata.xml'), 'utf8');
const STORED = normalizeStoredXml(XML);
const NAMES = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml') && !f.includes('.expected.'))
  .sort();
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');

function golden(file: string, actual: string): void {
  const path = join(DIR, file);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('patch goldens (fixtures/configs)', () => {
  it('has the fixtures the issue lists', () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(12);
  });

  for (const name of NAMES) {
    it(`${name}: golden output, okta-only diff, yaml read-back, idempotent`, () => {
      const before = read(name);
      const plan = planPatch(before, { mode: 'enable', xml: XML, file: name });
      expect(plan.changed).toBe(true);
      golden(name.replace(/\.yaml$/, '.expected.yaml'), plan.text);
      expectConfinedToOkta(before, plan.text);
      expect(plan.text.startsWith('\uFEFF')).toBe(before.startsWith('\uFEFF'));
      if (before.includes('\r\n')) expect(plan.text.split('\n').length).toBe(plan.text.split('\r\n').length);
      const doc = parseDocument(plan.text.replace(/^\uFEFF/, ''), { version: '1.1' });
      expect(doc.getIn(['externalServices', 'auth', 'okta', 'options', 'xml'])).toBe(STORED);
      expect(doc.getIn(['externalServices', 'auth', 'okta', 'enabled'])).toBe(true);
      const again = planPatch(plan.text, { mode: 'enable', xml: XML, file: name });
      expect(again.changed).toBe(false);
      expect(again.text).toBe(plan.text);
    });
  }

  it('PyYAML safe_load reads back the exact XML, enabled true, everything else unchanged', () => {
    const py = findPython();
    if (py === null) return;
    const items = NAMES.map((n) => ({ old: read(n), new: planPatch(read(n), { mode: 'enable', xml: XML }).text }));
    const results = pyReadBack(py, items);
    results.forEach((r, i) => {
      expect({ name: NAMES[i], ...r }).toEqual({ name: NAMES[i], xml: STORED, enabled: true, restEqual: true });
    });
  });

  it('--disable without metadata: enabled false, metadata kept (okta-extra-options.yaml)', () => {
    const before = read('okta-extra-options.yaml');
    const plan = planPatch(before, { mode: 'disable', file: 'okta-extra-options.yaml' });
    golden('okta-extra-options.disable.expected.yaml', plan.text);
    expect(plan.changes.map((c) => [c.path, c.action])).toEqual([['externalServices.auth.okta.enabled', 'updated']]);
    expectConfinedToOkta(before, plan.text);
    const doc = parseDocument(plan.text, { version: '1.1' });
    expect(doc.getIn(['externalServices', 'auth', 'okta', 'enabled'])).toBe(false);
    expect(doc.getIn(['externalServices', 'auth', 'okta', 'options', 'xml'])).toBe(
      '<md:EntityDescriptor entityID="http://www.okta.com/exkQUOTED"/>',
    );
  });
});
