import { DEPLOYMENT_CONFIG } from '../schema/model-deployment-config.js';

/**
 * Top-level keys of a Polyaxon deployment config, collected from the chart's own values files
 * (polyaxon/charts polyaxon/values.yaml and agent/values.yaml, chart 2.15) and the Polyaxon CLI's
 * deployment fixtures (../shared/corpus/deployment-configs). A YAML file found by expanding a
 * directory or glob is linted only when it looks like such a config: it has one of the
 * distinctive keys, or every top-level key is a known one. Generic keys alone (`labels`,
 * `namespace`, `user`…) also start kustomizations and other tools' files, so they do not count.
 */
export const DISTINCTIVE_KEYS: ReadonlySet<string> = new Set([
  'externalServices',
  'deploymentChart',
  'deploymentType',
  'platformSecret',
  'agentSecret',
  'polyaxonSecret',
  'encryptionSecret',
  'organizationKey',
  'hostName',
  'apiHooks',
  'cleanHooks',
  'artifactsStore',
  'defaultArtifactsStore',
  'mountConnections',
  'passwordAuth',
  'passwordLength',
  'includeChartRevision',
  'intervals',
  'cronIntervals',
  'cleaningIntervals',
  'operators',
  'broker',
  'flower',
  'beat',
  'compiler',
  'scheduler',
  'hpsearch',
  'eventsHandlers',
  'k8sEventsHandlers',
  'eventMonitors',
  'internalToken',
  'limitResources',
  'allowedHosts',
  'sidecar',
  'tmux',
  'notifier',
  'cleaner',
  'agent',
  'operator',
  'streams',
  'gateway',
  'istio',
  'ldap',
  'rabbitmq',
  'postgresql',
  'redis',
]);

const GENERIC_KEYS = [
  'affinity',
  'annotations',
  'api',
  'auth',
  'connections',
  'dns',
  'email',
  'environment',
  'imagePullSecrets',
  'ingress',
  'init',
  'labels',
  'logLevel',
  'metrics',
  'namespace',
  'nodeSelector',
  'nodeSelectors',
  'persistence',
  'priorityClassName',
  'proxy',
  'rbac',
  'releaseName',
  'securityContext',
  'serviceType',
  'ssl',
  'timezone',
  'tolerations',
  'ui',
  'user',
  'worker',
];

/** Also every top-level key of the deployment schema (src/core/schema), so the two never drift apart. */
export const KNOWN_TOP_LEVEL_KEYS: ReadonlySet<string> = new Set([
  ...DISTINCTIVE_KEYS,
  ...GENERIC_KEYS,
  ...Object.keys(DEPLOYMENT_CONFIG.fields),
]);

export function looksLikePolyaxonConfig(keys: readonly string[]): boolean {
  if (keys.some((k) => DISTINCTIVE_KEYS.has(k))) return true;
  return keys.length > 0 && keys.every((k) => KNOWN_TOP_LEVEL_KEYS.has(k));
}
