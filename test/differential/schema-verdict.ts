import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import { parseConfig } from '../../src/core/config/parse-config.js';
import { checkOf } from '../../src/core/lint/codes.js';
import { lintConfig } from '../../src/core/lint/lint-config.js';
import { DEPLOYMENT_SCHEMA } from '../../src/core/schema/deployment-schema.js';
import { toJsonSchema, type Draft, type Target } from '../../src/core/schema/to-json-schema.js';

/**
 * The two verdicts the differential suite compares: lint's (any error from the schema, its
 * cross-field rules or the auth block checks) and a JSON-Schema validator's (ajv) on the schema
 * `polyaxon-sso schema` prints, over the same parsed values.
 */
const validators = new Map<string, (v: unknown) => boolean>();

function validator(draft: Draft, target: Target): (v: unknown) => boolean {
  const key = `${draft}/${target}`;
  let v = validators.get(key);
  if (!v) {
    const schema = toJsonSchema(DEPLOYMENT_SCHEMA, { draft, target });
    const ajv =
      draft === '2020-12'
        ? new Ajv2020.default({ strict: true, allowUnionTypes: true })
        : new Ajv.default({ strict: true, allowUnionTypes: true });
    const fn = ajv.compile(schema);
    v = (x: unknown) => fn(x) === true;
    validators.set(key, v);
  }
  return v;
}

export const isSchemaCode = (code: string): boolean =>
  /^(SCHEMA|RULE)_/.test(code) || code === 'CONFIG_NOT_A_MAP' || checkOf(code) === 'auth-schema';

export interface Verdicts {
  lint: boolean;
  ajv: boolean;
  errors: string[];
  /** Findings of the YAML reader itself (syntax, PyYAML hazards): the schema verdict is moot then. */
  yamlProblems: number;
}

export function verdicts(text: string, draft: Draft, target: Target): Verdicts {
  const report = lintConfig(text, 'config.yaml', { validateXml: () => ({ findings: [] }), target, secretWarnings: false } as Parameters<
    typeof lintConfig
  >[2]);
  const errors = report.findings
    .filter((f) => f.severity === 'error' && isSchemaCode(f.code))
    .map((f) => `${f.code}@${f.location?.line}:${f.location?.column}`);
  const cfg = parseConfig(text);
  const yamlProblems = cfg.findings.filter((f) => f.severity === 'error').length;
  const value = cfg.doc?.toJS({ maxAliasCount: 1000 }) ?? null;
  return { lint: errors.length === 0, ajv: validator(draft, target)(value ?? {}), errors, yamlProblems };
}
