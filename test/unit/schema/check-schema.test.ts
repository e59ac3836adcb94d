import { describe, expect, it } from 'vitest';
import { lintConfig, type LintOptions } from '../../../src/core/lint/lint-config.js';
import { BOOL_FALSE_STRINGS, BOOL_TRUE_STRINGS, boolVerdict } from '../../../src/core/schema/coercions.js';
import { DEPLOYMENT_SCHEMA } from '../../../src/core/schema/deployment-schema.js';

/** The schema's findings only (codes SCHEMA_* and RULE_*), as [code, severity, line, column]. */
function schema(text: string, opts: Partial<LintOptions> = {}) {
  return lintConfig(text, 'values.yaml', { validateXml: () => ({ findings: [] }), ...opts })
    .findings.filter((f) => /^(SCHEMA|RULE|AUTH)_/.test(f.code))
    .map((f) => [f.code, f.severity, f.location?.line, f.location?.column]);
}
const messages = (text: string, opts: Partial<LintOptions> = {}) =>
  lintConfig(text, 'values.yaml', { validateXml: () => ({ findings: [] }), ...opts })
    .findings.filter((f) => /^(SCHEMA|RULE)_/.test(f.code))
    .map((f) => f.message);

describe('the schema itself', () => {
  it('says which Polyaxon version it follows, and every model it names exists', () => {
    expect(DEPLOYMENT_SCHEMA.polyaxonVersion).toBe('2.16');
    const refs = JSON.stringify(DEPLOYMENT_SCHEMA.models).match(/"ref":"(\w+)"/g) ?? [];
    for (const r of refs) expect(DEPLOYMENT_SCHEMA.models, r).toHaveProperty(r.slice(7, -1));
  });

  it('every top-level key of DeploymentConfig (deployment.py), by alias', () => {
    const keys = Object.keys(DEPLOYMENT_SCHEMA.models.DeploymentConfig?.fields ?? {});
    expect(keys).toHaveLength(74); // the 74 fields of DeploymentConfig in deployment.py
    for (const k of [
      'deploymentChart',
      'externalServices',
      'artifactsStore',
      'celeryTolerations',
      'includeHostIps',
      'organizationKey',
      'dns',
    ])
      expect(keys).toContain(k);
    expect(keys).not.toContain('api');
  });

  it('which models forbid, allow or ignore extra keys', () => {
    const extra = (m: string) => DEPLOYMENT_SCHEMA.models[m]?.extra;
    expect(['DeploymentConfig', 'EmailConfig', 'ExternalService', 'SecurityContextConfig', 'V1Connection'].map(extra)).toEqual([
      'forbid',
      'forbid',
      'forbid',
      'forbid',
      'forbid',
    ]);
    expect(['IngressConfig', 'BaseService', 'PostgresqlConfig', 'RedisConfig', 'RabbitmqConfig'].map(extra)).toEqual([
      'ignore',
      'allow',
      'allow',
      'allow',
      'allow',
    ]);
  });
});

describe('pydantic bool, as the CLI applies it', () => {
  it('takes true/false, 0/1 and these strings in any case; "false"-like strings are an error (Helm reads them as true)', () => {
    for (const s of BOOL_TRUE_STRINGS) expect(boolVerdict('string', s.toUpperCase())).toEqual({ ok: true, value: true, coerced: true });
    for (const s of BOOL_FALSE_STRINGS) expect(boolVerdict('string', s)).toEqual({ ok: false, falseString: true });
    expect(boolVerdict('int', 1)).toEqual({ ok: true, value: true, coerced: true });
    expect(boolVerdict('int', 2)).toEqual({ ok: false });
    expect(boolVerdict('string', 'maybe')).toEqual({ ok: false });
  });

  it('the issue example: ingres typo and enabled: "maybe", both at their line', () => {
    const text = 'ingres:\n  enabled: true\npostgresql:\n  enabled: "maybe"\n';
    expect(schema(text)).toEqual([
      ['SCHEMA_UNKNOWN_KEY', 'error', 1, 1],
      ['SCHEMA_TYPE', 'error', 4, 12],
    ]);
    expect(messages(text)[0]).toContain('did you mean "ingress"?');
    expect(messages(text)[1]).toContain('Helm would even turn it on');
    // Under Helm the typo is only a warning; the value is still an error.
    expect(schema(text, { target: 'helm' })).toEqual([
      ['SCHEMA_UNKNOWN_KEY', 'warning', 1, 1],
      ['SCHEMA_TYPE', 'error', 4, 12],
    ]);
  });

  it('"yes" quoted is converted (warning), 1 too, 2 is an error; YAML 1.1 yes/on are real booleans', () => {
    expect(schema('rbac:\n  enabled: "yes"\nui:\n  enabled: 1\nssl:\n  enabled: 2\nproxy:\n  enabled: on\n')).toEqual([
      ['SCHEMA_COERCED', 'warning', 2, 12],
      ['SCHEMA_COERCED', 'warning', 4, 12],
      ['SCHEMA_TYPE', 'error', 6, 12],
    ]);
  });
});

describe('StrictStr and StrictInt', () => {
  it('StrictStr refuses numbers and booleans: imageTag 2.16 must be quoted; "2.16" and 1.0.9 are strings', () => {
    expect(schema('gateway:\n  imageTag: 2.16\nworker:\n  imageTag: "2.16"\nbeat:\n  imageTag: 1.0.9\nnamespace: true\n')).toEqual([
      ['SCHEMA_TYPE', 'error', 2, 13],
      ['SCHEMA_TYPE', 'error', 7, 12],
    ]);
  });

  it('StrictInt refuses "3", 3.0 and true; takes 3, 0x1F and -1', () => {
    expect(
      schema(
        'gateway:\n  replicas: "3"\nworker:\n  replicas: 3.0\nbeat:\n  replicas: true\nflower:\n  replicas: 0x1F\nintervals:\n  compatibilityCheck: -1\n',
      ),
    ).toEqual([
      ['SCHEMA_TYPE', 'error', 2, 13],
      ['SCHEMA_TYPE', 'error', 4, 13],
      ['SCHEMA_TYPE', 'error', 6, 13],
    ]);
  });

  it('a plain `str` (mountConnections) takes a number with a warning: pydantic v1 converts it, v2 refuses', () => {
    expect(schema('mountConnections: [a, 7]\n')).toEqual([['SCHEMA_COERCED', 'warning', 1, 23]]);
  });

  it('string maps (nodeSelector, labels) want string values', () => {
    expect(schema('nodeSelector:\n  pool: core\n  gpu: true\n')).toEqual([['SCHEMA_TYPE', 'error', 3, 8]]);
  });
});

describe('shapes, enums, required keys, merge keys', () => {
  it('Kubernetes objects by shape only: affinity a mapping, tolerations a list of mappings; their inside is not checked', () => {
    expect(schema('affinity:\n  anything: [1, 2]\ntolerations:\n  - key: a\n  - oops\nworker:\n  resources: 500m\n')).toEqual([
      ['SCHEMA_TYPE', 'error', 5, 5],
      ['SCHEMA_TYPE', 'error', 7, 14],
    ]);
  });

  it('enums: deploymentType, gateway service type, imagePullPolicy, broker', () => {
    const text = 'deploymentType: kubernetes\ngateway:\n  service:\n    type: clusterip\n  imagePullPolicy: always\nbroker: kafka\n';
    expect(schema(text)).toEqual([
      ['SCHEMA_ENUM', 'error', 4, 11],
      ['SCHEMA_ENUM', 'error', 5, 20],
      ['SCHEMA_ENUM', 'error', 6, 9],
    ]);
  });

  it('open blocks keep their extra keys: ingress (ignored), postgresql (subchart values), gateway.service', () => {
    expect(
      schema('ingress:\n  className: nginx\npostgresql:\n  architecture: standalone\ngateway:\n  service:\n    externalPort: 80\n'),
    ).toEqual([]);
  });

  it('a connection in a list needs name and kind, reported at the item', () => {
    expect(schema('connections:\n  - kind: git\n  - name: b\n    kind: s3\n')).toEqual([['SCHEMA_REQUIRED', 'error', 2, 5]]);
  });

  it('a merge key contributes its keys, checked where they are written', () => {
    const text = 'redis: &r\n  enabled: false\nrabbitmq:\n  <<: *r\n  replicaCount: 1\nworker:\n  <<: {replicas: "2"}\n';
    expect(schema(text)).toEqual([['SCHEMA_TYPE', 'error', 7, 18]]);
  });

  it('externalServices.auth is left to the auth checks: one finding, not two', () => {
    expect(schema('externalServices:\n  auth: [okta]\n')).toEqual([['AUTH_NOT_A_MAP', 'error', 2, 9]]);
    expect(schema('externalServices:\n  auth:\n    otka: {}\n')).toEqual([['AUTH_UNKNOWN_PROVIDER', 'error', 3, 5]]);
    expect(schema('externalServices:\n  auth:\n    otka: {}\n', { target: 'helm' })).toEqual([['AUTH_UNKNOWN_PROVIDER', 'warning', 3, 5]]);
  });

  it('an api: section with organizationKey: one unknown-key finding whose hint moves the key', () => {
    const f = lintConfig('api:\n  organizationKey: k\n', 'v.yaml', { validateXml: () => ({ findings: [] }) }).findings.find(
      (x) => x.code === 'SCHEMA_UNKNOWN_KEY',
    );
    expect(f?.hint).toContain('organizationKey belongs at the top level');
  });
});

describe('cross-field rules (deployment.py)', () => {
  it('check_postgres: disabled in-cluster postgresql needs an external one', () => {
    expect(schema('postgresql:\n  enabled: false\n')).toEqual([['RULE_POSTGRES_REQUIRED', 'error', 2, 12]]);
    expect(schema('postgresql:\n  enabled: false\nexternalServices:\n  postgresql:\n    host: db\n')).toEqual([]);
    expect(schema('postgresql:\n  enabled: false\n', { target: 'helm' })).toEqual([['RULE_POSTGRES_REQUIRED', 'warning', 2, 12]]);
  });

  it('broker: redis used needs broker: redis unless nonBroker; rabbitmq needs another broker', () => {
    expect(schema('broker: redis\nredis:\n  enabled: true\n')).toEqual([]);
    expect(schema('broker: rabbitmq\nrabbitmq:\n  enabled: true\nredis:\n  enabled: true\n  nonBroker: true\n')).toEqual([]);
    expect(schema('broker: rabbitmq\nredis:\n  enabled: true\n')).toEqual([['RULE_REDIS_NOT_BROKER', 'error', 1, 9]]);
  });

  it('securityContext: runAsUser without runAsGroup; 0 counts as unset, as in Python', () => {
    expect(schema('securityContext:\n  runAsGroup: 120\n')).toEqual([['RULE_SECURITY_CONTEXT_USER_GROUP', 'error', 2, 3]]);
    expect(schema('securityContext:\n  runAsUser: 0\n')).toEqual([]);
  });

  it('agent chart: refused platform keys (cleanHooks is not among them: the CLI checks a misspelt clean_hook)', () => {
    expect(schema('deploymentChart: agent\nagent: {}\ncleanHooks: {}\nbroker: redis\n')).toEqual([['RULE_AGENT_KEY', 'error', 4, 1]]);
  });
});

describe('directory expansion knows every schema key', () => {
  it('a file of only schema keys (globalReplicas, celeryTolerations) is a Polyaxon config; a kustomization is not', async () => {
    const { looksLikePolyaxonConfig } = await import('../../../src/core/lint/known-keys.js');
    expect(looksLikePolyaxonConfig(['globalReplicas', 'celeryTolerations', 'labels'])).toBe(true);
    expect(looksLikePolyaxonConfig(['resources', 'labels', 'namespace'])).toBe(false);
  });
});

describe('keys by alias or by Python name', () => {
  it('clipped sets populate_by_name: image_tag is accepted like imageTag (and type-checked the same); imagetag is not', () => {
    expect(schema('gateway:\n  image_tag: latest\n  image_pull_policy: Always\nhost_name: polyaxon.acme.com\n')).toEqual([]);
    expect(schema('gateway:\n  image_tag: 2.16\n')).toEqual([['SCHEMA_TYPE', 'error', 2, 14]]);
    expect(schema('gateway:\n  imagetag: latest\n')).toEqual([['SCHEMA_UNKNOWN_KEY', 'error', 2, 3]]);
  });
});
