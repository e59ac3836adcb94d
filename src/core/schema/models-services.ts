import {
  bool,
  enumOf,
  k8s,
  k8sList,
  listOf,
  map,
  model,
  PULL_POLICY,
  py,
  strictInt,
  strictStr,
  stringMap,
  STR,
  STRICT_STR,
} from './field-kinds.js';
import type { Field, Model } from './types.js';

/**
 * The services of a deployment: polyaxon/_schemas/services.py (BaseServiceConfig) and
 * polyaxon/_deploy/schemas/service.py, celery.py, service_types.py (CLI 2.16).
 */
export const BASE_SERVICE_FIELDS: Readonly<Record<string, Field>> = {
  image: strictStr,
  imageTag: py('image_tag', strictStr),
  imagePullPolicy: py('image_pull_policy', PULL_POLICY),
  resources: k8s('V1ResourceRequirements'),
  nodeSelector: py('node_selector', stringMap),
  affinity: k8s('V1Affinity'),
  tolerations: k8sList('V1Toleration'),
  imagePullSecrets: py('image_pull_secrets', listOf(STRICT_STR)),
  hpa: map,
};

const DEPLOYMENT_SERVICE_FIELDS: Readonly<Record<string, Field>> = {
  ...BASE_SERVICE_FIELDS,
  enabled: bool,
  replicas: strictInt,
  concurrency: strictInt,
  perCore: py('per_core', bool),
  scheme: strictStr,
};

const SERVICE_TYPES = enumOf('ServiceTypes', ['LoadBalancer', 'NodePort', 'ClusterIP']);

/**
 * ThirdPartyService (postgresql, redis, rabbitmq) allows extra keys: they are the Bitnami
 * subcharts' own values. Its `image` comes from BaseServiceConfig as a string, but Helm hands the
 * block to the subchart, whose `image` is a mapping ({repository, tag}, as the chart's own
 * values.yaml writes it): the CLI refuses that, Helm does not (`helmLenient`).
 */
const THIRD_PARTY_FIELDS: Readonly<Record<string, Field>> = {
  ...DEPLOYMENT_SERVICE_FIELDS,
  image: { ...strictStr, helmLenient: true },
  persistence: map,
};

export const SERVICE_MODELS: Readonly<Record<string, Model>> = {
  DeploymentService: { name: 'DeploymentService', extra: 'forbid', fields: DEPLOYMENT_SERVICE_FIELDS },
  WorkerServiceConfig: {
    name: 'WorkerServiceConfig',
    extra: 'forbid',
    fields: { ...DEPLOYMENT_SERVICE_FIELDS, celery: model('CeleryConfig') },
  },
  AgentServiceConfig: {
    name: 'AgentServiceConfig',
    extra: 'forbid',
    fields: {
      ...DEPLOYMENT_SERVICE_FIELDS,
      instance: strictStr,
      token: strictStr,
      watchCluster: py('watch_cluster', bool),
      additionalNamespaces: py('additional_namespaces', listOf(STR)),
      serviceAccountAnnotations: py('service_account_annotations', map),
      serviceAccountImagePullSecrets: py('service_account_image_pull_secrets', listOf(STRICT_STR)),
      enableStatusFinalizers: py('enable_status_finalizers', bool),
      enableLogsFinalizers: py('enable_logs_finalizers', bool),
    },
  },
  OperatorServiceConfig: {
    name: 'OperatorServiceConfig',
    extra: 'forbid',
    fields: { ...DEPLOYMENT_SERVICE_FIELDS, skipCRD: py('skip_crd', bool) },
  },
  ApiServiceConfig: { name: 'ApiServiceConfig', extra: 'forbid', fields: { ...DEPLOYMENT_SERVICE_FIELDS, service: model('BaseService') } },
  BaseService: {
    name: 'BaseService',
    extra: 'allow',
    fields: {
      name: strictStr,
      type: SERVICE_TYPES,
      port: strictInt,
      targetPort: py('target_port', strictInt),
      nodePort: py('node_port', strictInt),
      annotations: map,
    },
  },
  HooksConfig: {
    name: 'HooksConfig',
    extra: 'forbid',
    fields: {
      ...DEPLOYMENT_SERVICE_FIELDS,
      loadFixtures: py('load_fixtures', bool),
      tables: bool,
      syncdb: py('sync_db', bool),
      adminUser: py('admin_user', bool),
      defaultOrg: py('default_org', bool),
    },
  },
  PostgresqlConfig: {
    name: 'PostgresqlConfig',
    extra: 'allow',
    fields: { ...THIRD_PARTY_FIELDS, auth: map, connMaxAge: py('conn_max_age', strictInt) },
  },
  RedisConfig: {
    name: 'RedisConfig',
    extra: 'allow',
    fields: { ...THIRD_PARTY_FIELDS, image: map, nonBroker: py('non_broker', bool), usePassword: py('use_password', bool), auth: map },
  },
  RabbitmqConfig: { name: 'RabbitmqConfig', extra: 'allow', fields: { ...THIRD_PARTY_FIELDS, auth: map } },
  CeleryConfig: {
    name: 'CeleryConfig',
    extra: 'forbid',
    fields: {
      enabled: bool,
      taskTrackStarted: py('task_track_started', bool),
      brokerPoolLimit: py('broker_pool_limit', strictInt),
      confirmPublish: py('confirm_publish', bool),
      workerPrefetchMultiplier: py('worker_prefetch_multiplier', strictInt),
      workerMaxTasksPerChild: py('worker_max_tasks_per_child', strictInt),
      workerMaxMemoryPerChild: py('worker_max_memory_per_child', strictInt),
      taskAlwaysEager: py('task_always_eager', bool),
    },
  },
};
