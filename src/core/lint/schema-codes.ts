/**
 * lint's codes for the deployment-config schema (src/core/schema, Polyaxon CLI 2.16) and its
 * cross-field rules, part of LINT_CODES (codes.ts) and listed with them in docs/findings.md.
 */
import { c, type LintCodeInfo } from './lint-code-info.js';

export const SCHEMA_LINT_CODES = {
  SCHEMA_UNKNOWN_KEY: c(
    'error',
    'deployment',
    "Key unknown to Polyaxon's deployment schema",
    '`polyaxon admin deploy` refuses keys its schema does not know (a warning with --target helm, where the chart ignores them). Check the spelling.',
  ),
  SCHEMA_TYPE: c(
    'error',
    'deployment',
    'Value of the wrong type',
    'Write the type Polyaxon\'s schema expects: StrictStr fields take only strings (quote numbers such as imageTag: "2.16"), StrictInt fields only unquoted integers, bool fields true or false.',
  ),
  SCHEMA_ENUM: c(
    'error',
    'deployment',
    'Value not among the allowed ones',
    "Use one of the values Polyaxon's schema lists (case matters).",
  ),
  SCHEMA_PATTERN: c(
    'error',
    'deployment',
    'String of the wrong form',
    'The root user name takes letters, digits, - and _; the email must be an address.',
  ),
  SCHEMA_REQUIRED: c(
    'error',
    'deployment',
    'Required key missing',
    'A connection (artifactsStore, connections) needs name and kind; a secret or configMap needs name.',
  ),
  SCHEMA_BOOL_STRING_FALSE: c(
    'error',
    'deployment',
    'A quoted false-like string in a boolean field',
    'Polyaxon reads "false"/"no"/"0" as false but Helm treats any non-empty string as true, so the feature is turned ON. Write false without quotes.',
  ),
  SCHEMA_COERCED: c(
    'warning',
    'deployment',
    'A value Polyaxon converts',
    'Write the plain type (true/false, a quoted string): the conversion depends on the pydantic version and Helm does not make it.',
  ),
  RULE_POSTGRES_REQUIRED: c(
    'error',
    'deployment',
    'No database: in-cluster postgresql disabled and no external one',
    'Enable postgresql or set externalServices.postgresql (host, port, user, password, database).',
  ),
  RULE_REDIS_TWICE: c(
    'error',
    'deployment',
    'In-cluster redis and external redis both set',
    'Disable redis.enabled or remove externalServices.redis.',
  ),
  RULE_REDIS_NOT_BROKER: c(
    'error',
    'deployment',
    'redis is used but is not the broker',
    'Set broker: redis, or redis.nonBroker: true when redis serves only as a cache.',
  ),
  RULE_RABBITMQ_TWICE: c(
    'error',
    'deployment',
    'In-cluster rabbitmq and external rabbitmq both set',
    'Disable rabbitmq.enabled or remove externalServices.rabbitmq.',
  ),
  RULE_RABBITMQ_NOT_BROKER: c(
    'error',
    'deployment',
    'rabbitmq is used but broker is redis',
    'Set broker: rabbitmq, or stop using rabbitmq.',
  ),
  RULE_BROKER_MISSING: c(
    'error',
    'deployment',
    'Services need a broker but none is set up',
    'scheduler, compiler, worker and beat need redis or rabbitmq: enable one in-cluster or set it in externalServices.',
  ),
  RULE_AGENT_MISSING: c(
    'error',
    'deployment',
    'Agent deployment without an agent block',
    'With deploymentChart: agent, add an agent: block (token, instance).',
  ),
  RULE_AGENT_KEY: c(
    'error',
    'deployment',
    'Key an agent deployment does not take',
    'Remove it: `polyaxon admin deploy` refuses platform keys in an agent deployment (a warning with --target helm).',
  ),
  RULE_SECURITY_CONTEXT_USER_GROUP: c(
    'error',
    'deployment',
    'securityContext sets only one of runAsUser and runAsGroup',
    'Set both runAsUser and runAsGroup, or neither.',
  ),
} as const satisfies Record<string, LintCodeInfo>;
