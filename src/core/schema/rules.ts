import type { Cond, Path, Rule } from './types.js';

/**
 * The cross-field rules of DeploymentConfig.validate_deployment (polyaxon/_deploy/schemas/
 * deployment.py, CLI 2.16) and SecurityContextConfig's validator, as data. pydantic stops at the
 * first one that raises; lint reports every one that holds, which gives the same verdict.
 * Not included: `validate_connections` (defined in deployment.py but never called) and the
 * "both redis and rabbitmq as broker" check, which check_redis/check_rabbitmq already make
 * unreachable (redis as broker needs broker: redis, rabbitmq needs anything else).
 * Helm runs none of these validators (and the chart's templates read these blocks their own way:
 * its values.yaml has an all-null externalServices.rabbitmq, which the CLI counts as "used"), so
 * under `--target helm` they are warnings.
 */
const truthy = (...path: string[]): Cond => ({ truthy: path });
const present = (...path: string[]): Cond => ({ present: path });
const not = (c: Cond): Cond => ({ not: c });

const redisEnabled = truthy('redis', 'enabled');
const externalRedis = present('externalServices', 'redis');
const redisUsed: Cond = { any: [redisEnabled, externalRedis] };
const redisBroker: Cond = { is: ['broker'], values: ['redis'] };
const nonBroker = truthy('redis', 'nonBroker');
const rabbitmqEnabled = truthy('rabbitmq', 'enabled');
const externalRabbitmq = present('externalServices', 'rabbitmq');
const rabbitmqUsed: Cond = { any: [rabbitmqEnabled, externalRabbitmq] };
const agentChart: Cond = { is: ['deploymentChart'], values: ['agent'] };
const BROKER_SERVICES = ['scheduler', 'compiler', 'worker', 'beat'];

/**
 * wrong_agent_deployment_keys: keys an agent deployment must not set (non-null). The CLI also
 * lists `clean_hook`, which is no field of the model, so `cleanHooks` is in fact never refused.
 */
export const AGENT_REFUSED_KEYS = [
  'passwordLength',
  'passwordAuth',
  'platformSecret',
  'encryptionSecret',
  'user',
  'globalReplicas',
  'globalConcurrency',
  'scheduler',
  'compiler',
  'worker',
  'beat',
  'apiHooks',
  'flower',
  'postgresql',
  'redis',
  'rabbitmq',
  'broker',
  'email',
  'ldap',
  'intervals',
  'metrics',
  'organizationKey',
] as const;

const p = (...path: string[]): Path => path;

export const RULES: readonly Rule[] = [
  {
    code: 'RULE_POSTGRES_REQUIRED',
    source: 'check_postgres',
    message: 'postgresql.enabled is false and externalServices.postgresql is not set: Polyaxon needs a database',
    when: { all: [{ is: ['postgresql', 'enabled'], values: [false, 0] }, not(present('externalServices', 'postgresql'))] },
    at: [p('postgresql', 'enabled')],
  },
  {
    code: 'RULE_REDIS_TWICE',
    source: 'check_redis',
    message: 'redis.enabled deploys an in-cluster redis and externalServices.redis points at another: use one',
    when: { all: [redisEnabled, externalRedis] },
    at: [p('redis', 'enabled')],
  },
  {
    code: 'RULE_REDIS_NOT_BROKER',
    source: 'check_redis',
    message: 'redis is used but broker is not "redis" and redis.nonBroker is not set',
    when: { all: [redisUsed, not(redisBroker), not(nonBroker)] },
    at: [p('broker'), p('redis', 'enabled'), p('externalServices', 'redis')],
  },
  {
    code: 'RULE_RABBITMQ_TWICE',
    source: 'check_rabbitmq',
    message: 'rabbitmq.enabled deploys an in-cluster rabbitmq and externalServices.rabbitmq points at another: use one',
    when: { all: [rabbitmqEnabled, externalRabbitmq] },
    at: [p('rabbitmq', 'enabled')],
  },
  {
    code: 'RULE_RABBITMQ_NOT_BROKER',
    source: 'check_rabbitmq',
    message: 'rabbitmq is used but broker is "redis"',
    when: { all: [rabbitmqUsed, redisBroker] },
    at: [p('broker'), p('rabbitmq', 'enabled'), p('externalServices', 'rabbitmq')],
  },
  {
    code: 'RULE_BROKER_MISSING',
    source: 'validate_platform_deployment',
    message: 'a service that needs a broker is enabled, but neither redis nor rabbitmq is set up',
    when: { all: [{ any: BROKER_SERVICES.map((s) => truthy(s, 'enabled')) }, not(redisUsed), not(rabbitmqUsed)] },
    at: BROKER_SERVICES.map((s) => p(s, 'enabled')),
  },
  {
    code: 'RULE_AGENT_MISSING',
    source: 'validate_deployment_chart',
    message: 'deploymentChart is "agent" but there is no agent block',
    when: { all: [agentChart, not(present('agent'))] },
    at: [p('deploymentChart')],
  },
  ...AGENT_REFUSED_KEYS.map((key): Rule => ({
    code: 'RULE_AGENT_KEY',
    source: 'wrong_agent_deployment_keys',
    message: `${key} is not used by an agent deployment (deploymentChart: agent)`,
    when: { all: [agentChart, present(key)] },
    at: [p(key)],
    atKey: true,
  })),
  {
    code: 'RULE_SECURITY_CONTEXT_USER_GROUP',
    source: 'SecurityContextConfig.validate_security_context',
    message: 'securityContext needs both runAsUser and runAsGroup, or neither',
    when: {
      all: [
        { any: [truthy('securityContext', 'runAsUser'), truthy('securityContext', 'runAsGroup')] },
        not({ all: [truthy('securityContext', 'runAsUser'), truthy('securityContext', 'runAsGroup')] }),
      ],
    },
    at: [p('securityContext', 'runAsUser'), p('securityContext', 'runAsGroup')],
    atKey: true,
  },
];
