/**
 * check-response --config takes its trust (the IdP metadata) and urls --config the host from a
 * deployment config only when PyYAML reads it as we do: a config with a YAML finding is "could not
 * run" (exit 2), one line with the finding and its line:col, and nothing is verified.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { ISSUED, SP, makeResponse, metadataXml } from '../support/make-response.js';

const dir = mkdtempSync(join(tmpdir(), 'config-misread-'));
let n = 0;
const write = (text: string, ext: string): string => {
  const p = join(dir, `f${n++}.${ext}`);
  writeFileSync(p, text);
  return p;
};
const md = metadataXml().split('\n').join('');
const okta = `externalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: |-\n          ${md}\n`;
const good = `ingress:\n  enabled: true\n  hostName: ${SP.host}\n${okta}`;

/** Each a config `yaml` reads but PyYAML could read differently, with the finding and its line. */
const MISREAD: [string, string, string, number][] = [
  ['a duplicate key (PyYAML keeps the last)', `${good}ingress:\n  enabled: false\n`, 'YAML_DUPLICATE_KEY', 11],
  ['a %YAML directive', `%YAML 1.2\n---\n${good}`, 'YAML_DIRECTIVE', 1],
  [
    'a merge key on the path to the okta block',
    good.replace('externalServices:\n  auth:\n', 'base: &b\n  enabled: true\nexternalServices:\n  auth:\n    <<: {}\n'),
    'YAML_MERGE_KEY',
    8,
  ],
  ['a U+2028 line separator in a plain value', good.replace(`hostName: ${SP.host}`, `hostName: ${SP.host}\u2028x`), 'YAML_LINE_BREAK', 3],
];

describe('check-response --config: no trust from a config PyYAML could read differently', () => {
  it('the same config without the finding verifies (the baseline)', async () => {
    const r = await runCli([
      'check-response',
      write(makeResponse(), 'xml'),
      '--config',
      write(good, 'yaml'),
      '--org',
      SP.org,
      '--now',
      ISSUED,
      '--json',
    ]);
    expect([r.code, JSON.parse(r.stdout).signatureValid]).toEqual([0, true]);
  });

  it.each(MISREAD)('%s: exit 2, the finding at its line, nothing verified', async (_n, yaml, code, line) => {
    const cfg = write(yaml, 'yaml');
    const r = await runCli(['check-response', write(makeResponse(), 'xml'), '--config', cfg, '--org', SP.org, '--now', ISSUED, '--json']);
    const doc = JSON.parse(r.stdout);
    expect([r.code, doc.exitCode, doc.error.code]).toEqual([2, 2, code]);
    expect(doc).not.toHaveProperty('signatureValid');
    expect(doc.error.message).toMatch(
      new RegExp(
        `^${cfg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:\\d+: .*the trusted IdP metadata is not taken from a config that PyYAML \\(which Polyaxon uses\\) could read differently$`,
      ),
    );
    expect(doc.error.hint).toContain('--metadata');
    const text = await runCli(['check-response', write(makeResponse(), 'xml'), '--config', cfg, '--org', SP.org, '--now', ISSUED]);
    expect([text.code, text.stdout, text.stderr.split('\n').filter((l) => l !== '').length]).toEqual([2, '', 2]);
  });
});

describe('urls --config: no host from a config PyYAML could read differently', () => {
  it.each(MISREAD)('%s: exit 2 with the finding and its position', async (_n, yaml, code, line) => {
    const r = await runCli(['urls', '--config', write(yaml, 'yaml'), '--org', SP.org, '--json']);
    const doc = JSON.parse(r.stdout);
    expect([r.code, doc.error.code]).toEqual([2, code]);
    expect(doc.error.message).toMatch(new RegExp(`\\.yaml:${line}:\\d+: .*the host is not taken from a config that PyYAML`));
    expect(doc.error.hint).toContain('--host');
  });
});
