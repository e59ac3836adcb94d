import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/findings.js';
import { lintConfig, type LintOptions } from '../../../src/core/lint/lint-config.js';
import { corpusPath, HAS_CORPUS } from '../../support/corpus.js';

/**
 * Parity with the Polyaxon CLI's own deployment fixtures (cli/tests/test_deploy/test_deployment.py
 * at 2.16): each values and all_ file is read as valid there, each wrong_values* raises a
 * ValidationError. The row says which of our schema findings stands for the CLI's error, and where.
 */
const schemaErrors = (fs: readonly Finding[]) =>
  fs
    .filter((f) => f.severity === 'error' && /^(SCHEMA|RULE|AUTH)_/.test(f.code))
    .map((f) => [f.code, f.location?.line, f.location?.column]);

function lint(name: string, opts: Partial<LintOptions> = {}) {
  return lintConfig(readFileSync(corpusPath('deployment-configs', name), 'utf8'), name, { validateXml: () => ({ findings: [] }), ...opts });
}

type Expected = [code: string, line: number, column: number][];
/** fixture → the CLI's expectation (its test) → ours: the schema errors, in order. */
const WRONG: Record<string, { cli: string; ours: Expected }> = {
  // Not read by any CLI test (test_read_deploy_config_wrong_values1 reads wrong_values2). Its one
  // "# Error" comment sits on `postgresql.enabled: true`, which CLI 2.16's schema accepts: valid.
  'polyaxon-cli-wrong_values1.yml': { cli: 'not tested (its test reads wrong_values2)', ours: [] },
  'polyaxon-cli-wrong_values2.yml': {
    cli: 'ValidationError: gateway.replicas "foo" (StrictInt); also nodeSelectors, persistence (extra keys)',
    ours: [
      ['SCHEMA_TYPE', 8, 13],
      ['SCHEMA_UNKNOWN_KEY', 22, 1],
      ['SCHEMA_UNKNOWN_KEY', 31, 1],
    ],
  },
  'polyaxon-cli-wrong_values3.yml': {
    cli: 'services need a broker (scheduler enabled, redis disabled, no external)',
    ours: [['RULE_BROKER_MISSING', 21, 12]],
  },
  'polyaxon-cli-wrong_values4.yml': {
    cli: 'agent deployment requires an agent key (raised first); also platform keys and no broker',
    ours: [
      ['RULE_AGENT_MISSING', 2, 18],
      ['RULE_AGENT_KEY', 13, 1],
      ['RULE_AGENT_KEY', 16, 1],
      ['RULE_BROKER_MISSING', 17, 12],
      ['RULE_AGENT_KEY', 19, 1],
    ],
  },
  'polyaxon-cli-wrong_values5.yml': { cli: 'check_postgres: postgresql disabled, no external', ours: [['RULE_POSTGRES_REQUIRED', 16, 12]] },
  'polyaxon-cli-wrong_values6.yml': { cli: 'services need a broker (rabbitmq disabled)', ours: [['RULE_BROKER_MISSING', 16, 12]] },
  'polyaxon-cli-wrong_values7.yml': { cli: 'check_postgres: postgresql disabled, no external', ours: [['RULE_POSTGRES_REQUIRED', 16, 12]] },
  'polyaxon-cli-wrong_values8.yml': {
    cli: 'check_redis: redis enabled but broker is not redis',
    ours: [['RULE_REDIS_NOT_BROKER', 19, 12]],
  },
  'polyaxon-cli-wrong_values9.yml': { cli: 'extra key email.useTLS (must be useTls)', ours: [['SCHEMA_UNKNOWN_KEY', 4, 3]] },
  'polyaxon-cli-wrong_values10.yml': { cli: 'extra top-level key api', ours: [['SCHEMA_UNKNOWN_KEY', 1, 1]] },
  'polyaxon-cli-wrong_values11.yml': {
    cli: 'agent chart without agent; extra key streams',
    ours: [
      ['RULE_AGENT_MISSING', 1, 18],
      ['SCHEMA_UNKNOWN_KEY', 2, 1],
    ],
  },
};

describe.skipIf(!HAS_CORPUS)('parity with the Polyaxon CLI fixtures (../shared/corpus/deployment-configs)', () => {
  const names = HAS_CORPUS ? readdirSync(corpusPath('deployment-configs')).sort() : [];
  const valid = names.filter((n) => /^polyaxon-cli-(values|all_|external_|internal_|monitoring_)/.test(n));
  const charts = names.filter((n) => n.startsWith('polyaxon-charts-'));

  it('knows every CLI fixture', () => {
    expect(valid).toHaveLength(14);
    expect(names.filter((n) => n.startsWith('polyaxon-cli-wrong_values')).sort()).toEqual(Object.keys(WRONG).sort());
    expect(charts).toHaveLength(5);
  });

  it.each(valid)('%s: valid for the CLI, no schema error (and no schema warning)', (name) => {
    const r = lint(name);
    expect(schemaErrors(r.findings)).toEqual([]);
    expect(r.findings.filter((f) => /^(SCHEMA|RULE)_/.test(f.code))).toEqual([]);
  });

  it.each(Object.entries(WRONG))('%s: %j', (name, { ours }) => {
    expect(schemaErrors(lint(name).findings)).toEqual(ours);
  });

  it.each(charts)('%s: no schema error under --target helm (unknown keys are warnings there)', (name) => {
    const r = lint(name, { target: 'helm' });
    expect(schemaErrors(r.findings)).toEqual([]);
  });

  it('the chart values under --target polyaxon-cli: what `polyaxon admin deploy` would refuse', () => {
    const codes = (n: string) => [...new Set(schemaErrors(lint(n).findings).map((f) => f[0]))].sort();
    // postgresql.image is a mapping for the Bitnami subchart but a StrictStr in the CLI's model;
    // the all-null externalServices.rabbitmq counts as an external rabbitmq beside broker: redis.
    expect(codes('polyaxon-charts-polyaxon-values.yaml')).toEqual(['RULE_RABBITMQ_NOT_BROKER', 'SCHEMA_TYPE', 'SCHEMA_UNKNOWN_KEY']);
    expect(codes('polyaxon-charts-agent-values.yaml')).toEqual(['SCHEMA_UNKNOWN_KEY']);
    expect(codes('polyaxon-charts-ci-validate-values3.yml')).toEqual(['RULE_POSTGRES_REQUIRED', 'SCHEMA_UNKNOWN_KEY']);
  });
});
