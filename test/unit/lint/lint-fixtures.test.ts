import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINT_CODES } from '../../../src/core/lint/codes.js';
import { lintConfig, type LintOptions } from '../../../src/core/lint/lint-config.js';
import { validateMetadata } from '../../../src/core/metadata/validate-metadata.js';
import { TEST_CLOCK as now } from '../../support/clock.js';

/** One fixture per finding code (fixtures/configs-lint), each with its exact line:col. */
const DIR = join(process.cwd(), 'fixtures', 'configs-lint');
const validateXml = (xml: string) => validateMetadata(xml, { now, minDays: 30 });

function lint(name: string, extra: Partial<LintOptions> = {}) {
  return lintConfig(readFileSync(join(DIR, name), 'utf8'), name, { validateXml, ...extra });
}

type Row = [
  fixture: string,
  code: string,
  severity: 'error' | 'warning' | 'info',
  line: number,
  column: number,
  opts?: Partial<LintOptions>,
];
const ROWS: Row[] = [
  ['yaml-syntax.yaml', 'YAML_SYNTAX', 'error', 8, 13], // the unclosed { opens at 8:13
  ['yaml-duplicate-key.yaml', 'YAML_DUPLICATE_KEY', 'error', 10, 5],
  ['yaml-unsafe-tag.yaml', 'YAML_UNSAFE_TAG', 'error', 6, 11],
  ['yaml-multi-document.yaml', 'YAML_MULTI_DOCUMENT', 'error', 6, 1],
  // Where PyYAML (safe_load, YAML 1.1) reads differently or refuses: one finding, at the character.
  ['yaml-line-break.yaml', 'YAML_LINE_BREAK', 'error', 6, 36],
  ['yaml-forbidden-char.yaml', 'YAML_FORBIDDEN_CHAR', 'error', 6, 16],
  ['yaml-tab.yaml', 'YAML_TAB', 'error', 9, 15],
  ['yaml-directive.yaml', 'YAML_DIRECTIVE', 'error', 1, 1],
  ['yaml-duplicate-anchor.yaml', 'YAML_DUPLICATE_ANCHOR', 'error', 7, 8],
  ['yaml-complex-key.yaml', 'YAML_COMPLEX_KEY', 'error', 6, 3],
  ['yaml-merge-key.yaml', 'YAML_MERGE_KEY', 'error', 11, 7],
  ['yaml-tag-unsupported.yaml', 'YAML_TAG_UNSUPPORTED', 'error', 9, 16],
  ['yaml-plain-indicator.yaml', 'YAML_PLAIN_INDICATOR', 'error', 6, 11],
  ['yaml-too-deep.yaml', 'YAML_TOO_DEEP', 'error', 7, 108],
  ['config-not-a-map.yaml', 'CONFIG_NOT_A_MAP', 'error', 2, 1],
  ['config-empty.yaml', 'CONFIG_EMPTY', 'warning', 1, 1],
  ['config-empty.yaml', 'CONFIG_EMPTY', 'error', 1, 1, { requireOkta: true }],
  ['auth-not-a-map.yaml', 'AUTH_NOT_A_MAP', 'error', 7, 9],
  ['auth-unknown-provider.yaml', 'AUTH_UNKNOWN_PROVIDER', 'error', 8, 5],
  ['auth-saml-removed.yaml', 'AUTH_SAML_REMOVED', 'error', 8, 5],
  ['auth-provider-not-a-map.yaml', 'AUTH_PROVIDER_NOT_A_MAP', 'error', 8, 13],
  ['auth-unknown-key.yaml', 'AUTH_UNKNOWN_KEY', 'error', 9, 7],
  ['auth-enabled-quoted.yaml', 'AUTH_ENABLED_QUOTED', 'error', 9, 16],
  ['auth-enabled-yaml11-bool.yaml', 'AUTH_ENABLED_YAML11_BOOL', 'warning', 9, 16],
  ['auth-enabled-not-bool.yaml', 'AUTH_ENABLED_NOT_BOOL', 'error', 9, 16],
  ['auth-field-not-string.yaml', 'AUTH_FIELD_NOT_STRING', 'error', 11, 9],
  ['auth-options-not-a-map.yaml', 'AUTH_OPTIONS_NOT_A_MAP', 'error', 10, 16],
  ['plaintext-secret.yaml', 'PLAINTEXT_SECRET', 'warning', 9, 5],
  ['okta-absent.yaml', 'OKTA_ABSENT', 'info', 7, 3],
  ['okta-absent.yaml', 'OKTA_ABSENT', 'error', 7, 3, { requireOkta: true }],
  ['okta-disabled-with-metadata.yaml', 'OKTA_DISABLED_WITH_METADATA', 'info', 8, 5],
  ['okta-disabled-with-metadata.yaml', 'OKTA_DISABLED_WITH_METADATA', 'error', 8, 5, { requireOkta: true }],
  ['okta-xml-missing.yaml', 'OKTA_XML_MISSING', 'error', 8, 5],
  ['okta-xml-not-string.yaml', 'OKTA_XML_NOT_STRING', 'error', 12, 11],
  ['okta-xml-empty.yaml', 'OKTA_XML_EMPTY', 'error', 11, 14],
  ['okta-xml-not-block.yaml', 'OKTA_XML_NOT_BLOCK', 'info', 11, 14],
  ['platform-secret-okta-ignored.yaml', 'PLATFORM_SECRET_OKTA_IGNORED', 'warning', 6, 1],
  // The deployment-config schema and its cross-field rules (src/core/schema).
  ['api-organization-key.yaml', 'SCHEMA_UNKNOWN_KEY', 'error', 6, 1],
  ['api-organization-key.yaml', 'SCHEMA_UNKNOWN_KEY', 'warning', 6, 1, { target: 'helm' }],
  ['schema-type.yaml', 'SCHEMA_TYPE', 'error', 4, 13],
  ['schema-enum.yaml', 'SCHEMA_ENUM', 'error', 2, 18],
  ['schema-pattern.yaml', 'SCHEMA_PATTERN', 'error', 4, 13],
  ['schema-required.yaml', 'SCHEMA_REQUIRED', 'error', 3, 1],
  ['schema-bool-string-false.yaml', 'SCHEMA_BOOL_STRING_FALSE', 'error', 4, 12],
  ['schema-coerced.yaml', 'SCHEMA_COERCED', 'warning', 4, 12],
  ['rule-postgres-required.yaml', 'RULE_POSTGRES_REQUIRED', 'error', 4, 12],
  ['rule-postgres-required.yaml', 'RULE_POSTGRES_REQUIRED', 'warning', 4, 12, { target: 'helm' }],
  ['rule-redis-twice.yaml', 'RULE_REDIS_TWICE', 'error', 5, 12],
  ['rule-redis-not-broker.yaml', 'RULE_REDIS_NOT_BROKER', 'error', 4, 12],
  ['rule-rabbitmq-twice.yaml', 'RULE_RABBITMQ_TWICE', 'error', 5, 12],
  ['rule-rabbitmq-not-broker.yaml', 'RULE_RABBITMQ_NOT_BROKER', 'error', 3, 9],
  ['rule-broker-missing.yaml', 'RULE_BROKER_MISSING', 'error', 6, 12],
  ['rule-agent-missing.yaml', 'RULE_AGENT_MISSING', 'error', 2, 18],
  ['rule-agent-key.yaml', 'RULE_AGENT_KEY', 'error', 6, 1],
  ['rule-security-context-user-group.yaml', 'RULE_SECURITY_CONTEXT_USER_GROUP', 'error', 5, 3],
  ['host-mismatch.yaml', 'HOST_MISMATCH', 'error', 5, 13, { expectedHost: 'polyaxon.example.com' }],
  ['host-not-in-config.yaml', 'HOST_NOT_IN_CONFIG', 'info', 2, 1, { expectedHost: 'polyaxon.example.com' }],
  // validateMetadata's findings, moved into the YAML file: header line + XML line, indent + XML column.
  ['metadata-stub.yaml', 'MD_IDP_DESCRIPTOR_MISSING', 'error', 12, 11],
  ['cert-expired.yaml', 'CERT_EXPIRED', 'error', 18, 41],
  ['okta-xml-not-block.yaml', 'MD_IDP_DESCRIPTOR_MISSING', 'error', 11, 14],
];

describe('lint fixtures: one per code, exact positions', () => {
  it.each(ROWS)('%s → %s (%s) at %i:%i', (fixture, code, severity, line, column, opts) => {
    const report = lint(fixture, opts);
    const hit = report.findings.find((f) => f.code === code);
    expect(hit, JSON.stringify(report.findings.map((f) => f.code))).toBeDefined();
    expect(hit?.severity).toBe(severity);
    expect(hit?.location).toEqual({ file: fixture, line, column });
  });

  it('covers every lint code that a config can produce', () => {
    const covered = new Set(ROWS.map((r) => r[1]));
    const readCodes = Object.entries(LINT_CODES)
      .filter(([, v]) => v.check === 'read')
      .map(([k]) => k);
    for (const code of Object.keys(LINT_CODES)) if (!readCodes.includes(code)) expect(covered.has(code), code).toBe(true);
  });

  it('clean.yaml: no errors or warnings', () => {
    const report = lint('clean.yaml', { expectedHost: 'polyaxon.acme.com' });
    expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(report.findings.map((f) => f.code)).toContain('MD_OKTA_ENTITY_ID');
  });

  it('did you mean: otka → okta, enbled → enabled, option → options', () => {
    expect(lint('auth-unknown-provider.yaml').findings.find((f) => f.code === 'AUTH_UNKNOWN_PROVIDER')?.message).toContain('"okta"');
    const keys = lint('auth-unknown-key.yaml').findings.filter((f) => f.code === 'AUTH_UNKNOWN_KEY');
    expect(keys.map((f) => [f.location?.line, /did you mean "(\w+)"/.exec(f.message)?.[1]])).toEqual([
      [9, 'enabled'],
      [10, 'options'],
    ]);
  });

  it('a quoted "false" is reported as turning the provider on', () => {
    const f = lint('auth-enabled-quoted.yaml').findings.find((x) => x.code === 'AUTH_ENABLED_QUOTED');
    expect(f?.message).toMatch(/ON/);
  });

  it('never echoes secret values from the config', () => {
    const all = JSON.stringify([
      lint('auth-unknown-key.yaml'),
      lint('api-organization-key.yaml'),
      lint('platform-secret-okta-ignored.yaml'),
    ]);
    expect(all).not.toContain('s3cr3t-never-printed');
    expect(all).not.toContain('not-printed-licence-key');
    expect(all).not.toContain('polyaxon-platform-secret');
  });

  it('--host equal to the config host (any case, https:// given) is no finding', () => {
    const codes = lint('host-mismatch.yaml', { expectedHost: 'polyaxon.acme.com' }).findings.map((f) => f.code);
    expect(codes).not.toContain('HOST_MISMATCH');
  });
});
