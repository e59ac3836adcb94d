import type { KnownCode } from '../../../src/core/finding-codes.js';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { compileGlob, splitGlob } from '../../../src/commands/lint/glob-match.js';
import { buildReport } from '../../../src/cli/lint-formats/report.js';
import { escapeData, escapeProperty, renderGithub } from '../../../src/cli/lint-formats/render-github.js';
import { renderJunit } from '../../../src/cli/lint-formats/render-junit.js';
import { ruleInfo } from '../../../src/cli/lint-formats/rules.js';
import { finding } from '../../../src/core/findings.js';
import { didYouMean, editDistance } from '../../../src/core/lint/did-you-mean.js';
import { looksLikePolyaxonConfig } from '../../../src/core/lint/known-keys.js';
import { lintConfig } from '../../../src/core/lint/lint-config.js';

describe('glob matcher', () => {
  it.each([
    ['**/*.yaml', 'a.yaml', true],
    ['**/*.yaml', 'x/y/a.yaml', true],
    ['*.yaml', 'x/a.yaml', false],
    ['*.{yaml,yml}', 'a.yml', true],
    ['values?.yml', 'values1.yml', true],
    ['values?.yml', 'values10.yml', false],
    ['[!a]*.yml', 'a.yml', false],
    ['[!a]*.yml', 'b.yml', true],
    ['prod/**', 'prod/x/y.yaml', true],
    ['a.b.yaml', 'aXb.yaml', false],
  ] as const)('%s ~ %s → %s', (glob, path, ok) => expect(compileGlob(glob).test(path)).toBe(ok));

  it('splits the static base from the pattern', () => {
    expect(splitGlob('deploy/**/*.yaml')).toEqual({ base: 'deploy', rest: '**/*.yaml' });
    expect(splitGlob('*.yml')).toEqual({ base: '.', rest: '*.yml' });
    expect(splitGlob('/srv/cfg/*.yml')).toEqual({ base: '/srv/cfg', rest: '*.yml' });
  });
});

describe('did you mean', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('otka', 'okta')).toBe(1);
    expect(editDistance('enbled', 'enabled')).toBe(1);
    expect(didYouMean('option', ['enabled', 'backend', 'url', 'options'])).toBe('options');
    expect(didYouMean('Okta', ['github', 'okta'])).toBe('okta');
    expect(didYouMean('ldap', ['github', 'gitlab', 'okta'])).toBeUndefined();
  });
});

describe('what counts as a Polyaxon config when walking a directory', () => {
  it.each([
    [['deploymentChart', 'ingress'], true],
    [['externalServices'], true],
    [['user', 'ingress'], true],
    [['apiVersion', 'kind', 'metadata'], false],
    [['namespace', 'resources'], false],
    [[], false],
  ] as const)('%j → %s', (keys, ok) => expect(looksLikePolyaxonConfig(keys)).toBe(ok));
});

describe('XML positions inside other scalar styles', () => {
  const validateXml = () => ({ findings: [finding('X_AT' as KnownCode, 'error', 'm', undefined, { line: 2, column: 3 })] });
  const at = (text: string) => lintConfig(text, 'f.yaml', { validateXml }).findings.find((f) => (f.code as string) === 'X_AT')?.location;

  it('|2- keeps a leading space: indentation comes from the indicator, not the first line', () => {
    expect(
      at('externalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: |2-\n           <a>\n          <b/>\n'),
    ).toEqual({ file: 'f.yaml', line: 8, column: 13 });
  });

  it('CRLF files map the same way', () => {
    const crlf =
      'externalServices:\r\n  auth:\r\n    okta:\r\n      enabled: true\r\n      options:\r\n        xml: |\r\n          <a>\r\n            <b/>\r\n          </a>\r\n';
    expect(at(crlf)).toEqual({ file: 'f.yaml', line: 8, column: 13 });
  });

  it('folded and multi-line quoted scalars fall back to the value start, with OKTA_XML_NOT_BLOCK', () => {
    const folded =
      'externalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: >-\n          <a>\n          <b/>\n';
    const r = lintConfig(folded, 'f.yaml', { validateXml });
    expect(r.findings.find((f) => (f.code as string) === 'X_AT')?.location).toEqual({ file: 'f.yaml', line: 6, column: 14 });
    expect(r.findings.map((f) => f.code)).toContain('OKTA_XML_NOT_BLOCK');
  });

  it('an anchored okta block reused by alias is checked too', () => {
    const text = 'base: &okta\n  enabled: "false"\nexternalServices:\n  auth:\n    okta: *okta\n';
    expect(lintConfig(text, 'f.yaml', { validateXml }).findings.map((f) => f.code)).toContain('AUTH_ENABLED_QUOTED');
  });
});

describe('renderers', () => {
  const report = buildReport([
    {
      file: 'a,b:c%.yaml',
      findings: [finding('AUTH_UNKNOWN_KEY', 'warning', 'line one\nline two 100%', 'fix, then: rerun', { line: 3, column: 4 })],
    },
    {
      file: 'x&y<z>.yaml',
      findings: [finding('OKTA_XML_MISSING', 'error', 'a "quoted" <tag> & \u0001 control', undefined, { line: 1, column: 1 })],
    },
  ]);

  it('github: escapes % CR LF in data and also : , in properties', () => {
    expect(escapeData('50%\r\nx')).toBe('50%25%0D%0Ax');
    expect(escapeProperty('a,b:c')).toBe('a%2Cb%3Ac');
    expect(renderGithub(report).split('\n')[0]).toBe(
      '::warning file=a%2Cb%3Ac%25.yaml,line=3,col=4,title=AUTH_UNKNOWN_KEY::line one%0Aline two 100%25%0Afix, then: rerun',
    );
  });

  it('junit: well-formed XML, counts per suite', () => {
    const xml = renderJunit(report);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<testsuites name="polyaxon-sso lint" tests="10" failures="1" errors="0" skipped="0">');
    expect(renderJunit(report, { strict: true })).toContain('failures="2"');
  });

  it('rules: lint, metadata, XML and certificate codes all have a title and help', () => {
    for (const code of ['OKTA_XML_MISSING', 'MD_IDP_DESCRIPTOR_MISSING', 'CERT_EXPIRED', 'YAML_SYNTAX'])
      expect(ruleInfo(code)?.title, code).toBeTruthy();
  });
});

describe('docs/lint.md', () => {
  it('lists every lint code with its severity and check', async () => {
    const { readFileSync } = await import('node:fs');
    const { LINT_CODES } = await import('../../../src/core/lint/codes.js');
    const doc = readFileSync('docs/lint.md', 'utf8');
    for (const [code, info] of Object.entries(LINT_CODES))
      expect(doc, code).toContain(`| \`${code}\` | ${info.severity} | ${info.check} |`);
  });
});

describe('memoValidator', () => {
  it('validates each distinct XML once, and hands every file the same report', async () => {
    const { memoValidator } = await import('../../../src/core/lint/memo-validator.js');
    let calls = 0;
    const v = memoValidator(() => ((calls += 1), { findings: [] }));
    const text = (xml: string) =>
      `externalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: |-\n          ${xml}\n`;
    for (let i = 0; i < 50; i++) lintConfig(text(i % 2 === 0 ? '<a/>' : '<b/>'), `f${i}.yaml`, { validateXml: v });
    expect(calls).toBe(2);
    expect(v.size).toBe(2);
  });
});
