import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { planPatch } from '../../../src/core/patch/plan-patch.js';
import { normalizeStoredXml } from '../../../src/core/patch/normalize-stored-xml.js';
import { findPython, pyReadBack } from '../../support/patch-helpers.js';

const XML =
  '<?xml version="1.0"?>\n<md:EntityDescriptor entityID="http://www.okta.com/exkT">\n  <md:IDPSSODescriptor/>\n</md:EntityDescriptor>';
const okta = (text: string) =>
  parseDocument(text.replace(/^\uFEFF/, ''), { version: '1.1' }).getIn(['externalServices', 'auth', 'okta']) as
    Record<string, unknown> | undefined;
const xmlOf = (text: string) =>
  parseDocument(text.replace(/^\uFEFF/, ''), { version: '1.1' }).getIn(['externalServices', 'auth', 'okta', 'options', 'xml']);
const enable = (text: string, xml = XML) => planPatch(text, { mode: 'enable', xml });

/** Input → exact expected output, for every shape of okta block patch meets. Each is also checked with PyYAML below. */
const CASES: [string, string, string][] = [
  [
    'okta: (null) with a comment',
    'externalServices:\n  auth:\n    okta:   # todo\n',
    'externalServices:\n  auth:\n    okta:   # todo\n      enabled: true\n      options:\n        xml: |-\n          <a/>\n',
  ],
  [
    'okta: null',
    'externalServices:\n  auth:\n    okta: null\nx: 1\n',
    'externalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: |-\n          <a/>\nx: 1\n',
  ],
  [
    'options: ~ kept with okta extra keys',
    'externalServices:\n  auth:\n    okta:\n      backend: b\n      options: ~\n      enabled: false\n',
    'externalServices:\n  auth:\n    okta:\n      backend: b\n      options:\n        xml: |-\n          <a/>\n      enabled: true\n',
  ],
  [
    'enabled: "true" quoted becomes a boolean',
    'externalServices:\n  auth:\n    okta:\n      enabled: "true"\n      options:\n        xml: <a/>\n',
    'externalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: <a/>\n',
  ],
  [
    'enabled: yes (YAML 1.1 bool) is rewritten',
    'externalServices:\n  auth:\n    okta:\n      enabled: yes\n      options:\n        xml: "<a/>"\n',
    'externalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: "<a/>"\n',
  ],
  [
    'enabled: !!str true',
    'externalServices:\n  auth:\n    okta:\n      enabled: !!str true\n      options: {xml: <a/>}\n',
    'externalServices:\n  auth:\n    okta:\n      enabled: true\n      options: {xml: <a/>}\n',
  ],
  [
    'enabled: (empty)',
    'externalServices:\n  auth:\n    okta:\n      enabled:\n      options:\n        xml: |-\n          <a/>\n',
    'externalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: |-\n          <a/>\n',
  ],
  [
    'auth: {} flow',
    'externalServices:\n  auth: {}\n',
    'externalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: |-\n          <a/>\n',
  ],
  [
    'anchored (unused) flow auth keeps its anchor',
    'externalServices:\n  auth: &a {github: {enabled: false}}  # c\n',
    'externalServices:\n  auth: &a  # c\n    github: {enabled: false}\n    okta:\n      enabled: true\n      options:\n        xml: |-\n          <a/>\n',
  ],
  [
    'okta flow with options flow',
    'externalServices:\n  auth:\n    okta: {enabled: false, options: {foo: "bar"}, backend: x}\n',
    'externalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        foo: "bar"\n        xml: |-\n          <a/>\n      backend: x\n',
  ],
  ['root {} flow', '{}\n', 'externalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: |-\n          <a/>\n'],
  [
    'explicit null document',
    '~\n',
    'externalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: |-\n          <a/>\n',
  ],
  [
    'old xml as keep-chomped block followed by blank lines',
    'externalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: |+\n          <old/>\n\n\nnext: 1\n',
    'externalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: |-\n          <a/>\n\n\nnext: 1\n',
  ],
  [
    'old xml double-quoted over lines, comment after',
    'externalServices:\n  auth:\n    okta:\n      options:\n        xml: "<old\n          a=\'1\'/>"  # old\n        keep: 1\n      enabled: true\n',
    'externalServices:\n  auth:\n    okta:\n      options:\n        xml: |-\n          <a/>\n        keep: 1\n      enabled: true\n',
  ],
  [
    'step 3 file',
    'a:\n   b: 1\nexternalServices:\n   redis: {}\n',
    'a:\n   b: 1\nexternalServices:\n   redis: {}\n   auth:\n      okta:\n         enabled: true\n         options:\n            xml: |-\n               <a/>\n',
  ],
  [
    'keep-chomped last value of the map is left whole',
    'externalServices:\n  note: |+\n    hi\n\nz: 1\n',
    'externalServices:\n  note: |+\n    hi\n\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: |-\n          <a/>\nz: 1\n',
  ],
];

describe('planPatch: every block shape (exact output)', () => {
  for (const [name, input, output] of CASES) {
    it(name, () => {
      const plan = enable(input, '<a/>');
      expect(plan.text).toBe(output);
      expect(xmlOf(plan.text)).toBe('<a/>');
      expect(enable(plan.text, '<a/>').changed).toBe(false);
    });
  }

  it('PyYAML reads every case back as the exact XML with enabled True, other values unchanged', () => {
    const py = findPython();
    if (py === null) return;
    const results = pyReadBack(
      py,
      CASES.map(([, input, output]) => ({ old: input, new: output })),
    );
    expect(results).toEqual(CASES.map(() => ({ xml: '<a/>', enabled: true, restEqual: true })));
  });
});

describe('normalizeStoredXml and the literal block', () => {
  it('drops a BOM, turns CRLF and CR into LF, strips trailing whitespace, keeps the declaration and leading spaces', () => {
    expect(normalizeStoredXml('\uFEFF<?xml version="1.0"?>\r\n<a>\r  <b/>\r\n</a>  \r\n\t\n')).toBe(
      '<?xml version="1.0"?>\n<a>\n  <b/>\n</a>',
    );
    expect(normalizeStoredXml('  <a/>\n')).toBe('  <a/>');
  });

  it('uses |2- (the file step) when the first line starts with a space, |4- in a 4-space file', () => {
    const two = enable('x: 1\n', '  <a>\n<b/></a>');
    expect(two.text).toContain('        xml: |2-\n            <a>\n          <b/></a>\n');
    expect(xmlOf(two.text)).toBe('  <a>\n<b/></a>');
    const four = enable('x:\n    y: 1\n', ' <a/>');
    expect(four.text).toContain('                xml: |4-\n                     <a/>\n');
    expect(xmlOf(four.text)).toBe(' <a/>');
    const py = findPython();
    if (py !== null)
      expect(
        pyReadBack(py, [
          { old: 'x: 1\n', new: two.text },
          { old: 'x:\n    y: 1\n', new: four.text },
        ]).map((r) => r.xml),
      ).toEqual(['  <a>\n<b/></a>', ' <a/>']);
  });

  it('stores CRLF metadata as LF lines and writes CRLF line ends into a CRLF file, BOM kept', () => {
    const plan = enable('\uFEFFa: 1\r\nb: 2\r\n', '\uFEFF<a>\r\n<b/>\r\n</a>\r\n');
    expect(plan.text.startsWith('\uFEFFa: 1\r\nb: 2\r\nexternalServices:\r\n  auth:\r\n')).toBe(true);
    expect(plan.text.split('\n').length).toBe(plan.text.split('\r\n').length);
    expect(xmlOf(plan.text)).toBe('<a>\n<b/>\n</a>');
    expect(plan).toMatchObject({ eol: 'CRLF', bom: true, storedXml: '<a>\n<b/>\n</a>' });
  });

  it('keeps YAML-looking lines of the metadata literal (yes, on, 1:20, #, ---)', () => {
    const xml = '<a>\nyes\non: 1:20 # x\n---\n...\n- item\n</a>';
    const plan = enable('', xml);
    expect(xmlOf(plan.text)).toBe(xml);
    const py = findPython();
    if (py !== null) expect(pyReadBack(py, [{ old: '', new: plan.text }])[0]?.xml).toBe(xml);
  });

  it('an empty metadata (only with --force) is written as ""', () => {
    expect(enable('a: 1\n', ' \n').text).toBe(
      'a: 1\nexternalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: ""\n',
    );
  });

  it('refuses characters a YAML block cannot carry (NEL, LS, control characters)', () => {
    for (const bad of ['<a>\u0085</a>', '<a>\u2028</a>', '<a>\u0007</a>'])
      expect(() => enable('a: 1\n', bad)).toThrow(expect.objectContaining({ code: 'PATCH_XML_UNREPRESENTABLE' }));
  });
});

describe('planPatch: modes, documents and warnings', () => {
  it('--disable keeps the metadata and needs none; without metadata in the file it needs --metadata', () => {
    const on = enable('externalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: <x/>\n', '<x/>');
    expect(on.changed).toBe(false);
    const off = planPatch(on.text, { mode: 'disable' });
    expect(off.text).toBe(on.text.replace('enabled: true', 'enabled: false'));
    expect(off.changes).toEqual([{ path: 'externalServices.auth.okta.enabled', action: 'updated', line: 4 }]);
    expect(() => planPatch('a: 1\n', { mode: 'disable' })).toThrow(expect.objectContaining({ code: 'PATCH_METADATA_REQUIRED' }));
    expect(() => planPatch('a: 1\n', { mode: 'enable' })).toThrow(expect.objectContaining({ code: 'PATCH_METADATA_REQUIRED' }));
  });

  it('replaces old metadata and reports the previous one', () => {
    const plan = enable('externalServices:\n  auth:\n    okta:\n      enabled: false\n      options:\n        xml: <old/>\n', '<new/>');
    expect(plan.previousXml).toBe('<old/>');
    expect(plan.changes.map((c) => [c.path, c.action, c.line])).toEqual([
      ['externalServices.auth.okta.enabled', 'updated', 4],
      ['externalServices.auth.okta.options.xml', 'updated', 6],
    ]);
  });

  it('an equal XML in another scalar style is left alone (idempotent whatever the style)', () => {
    expect(
      enable('externalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: "<a/>"\n', '<a/>').changed,
    ).toBe(false);
  });

  it('comments-only and marker-only documents: appended before "..."', () => {
    expect(enable('# one\n# two', '<a/>').text).toBe(
      '# one\n# two\nexternalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: |-\n          <a/>\n',
    );
    expect(enable('--- # doc\n...\n', '<a/>').text).toBe(
      '--- # doc\nexternalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: |-\n          <a/>\n...\n',
    );
  });

  it('warns about platformSecret, other providers and plain-text secrets without printing values', () => {
    const text =
      'platformSecret: my-secret\nuser:\n  password: "hunter2"\nexternalServices:\n  auth:\n    google: {enabled: true}\n    github:\n      enabled: false\n';
    const plan = enable(text);
    expect(plan.findings.map((f) => [f.code, f.severity, f.location?.line])).toEqual([
      ['PATCH_PLATFORM_SECRET', 'warning', 1],
      ['PATCH_OTHER_PROVIDER_ENABLED', 'warning', 6],
      ['PLAINTEXT_SECRET', 'warning', 3],
    ]);
    expect(JSON.stringify(plan.findings)).not.toContain('hunter2');
    expect(okta(plan.text)).toBeDefined();
  });
});
