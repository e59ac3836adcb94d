import { BASE_SERVICE_FIELDS } from './models-services.js';
import {
  bool,
  k8s,
  k8sList,
  listOf,
  map,
  orRef,
  PULL_POLICY,
  py,
  required,
  strictStr,
  stringMap,
  STR,
  STRICT_STR,
  MAP,
} from './field-kinds.js';
import type { Model } from './types.js';

/**
 * The auxiliary containers (polyaxon/_auxiliaries: init, sidecar, notifier, cleaner,
 * default_scheduling) and connections (polyaxon/_connections, built on `vents`: Connection and
 * ConnectionResource), CLI 2.16 with vents 0.4.
 */
export const AUXILIARY_MODELS: Readonly<Record<string, Model>> = {
  V1PolyaxonInitContainer: {
    name: 'V1PolyaxonInitContainer',
    extra: 'forbid',
    fields: {
      image: strictStr,
      imageTag: py('image_tag', strictStr),
      imagePullPolicy: py('image_pull_policy', PULL_POLICY),
      resources: k8s('V1ResourceRequirements'),
    },
  },
  V1PolyaxonSidecarContainer: {
    name: 'V1PolyaxonSidecarContainer',
    extra: 'forbid',
    fields: {
      image: strictStr,
      imageTag: py('image_tag', strictStr),
      imagePullPolicy: py('image_pull_policy', PULL_POLICY),
      sleepInterval: py('sleep_interval', orRef({ kind: 'strictInt' })),
      syncInterval: py('sync_interval', orRef({ kind: 'strictInt' })),
      monitorLogs: py('monitor_logs', orRef({ kind: 'bool' })),
      monitorSpec: py('monitor_spec', orRef({ kind: 'bool' })),
      noConnections: py('no_connections', orRef({ kind: 'bool' })),
      resources: orRef({ kind: 'map' }),
    },
  },
  V1PolyaxonNotifier: { name: 'V1PolyaxonNotifier', extra: 'forbid', fields: BASE_SERVICE_FIELDS },
  V1PolyaxonCleaner: { name: 'V1PolyaxonCleaner', extra: 'forbid', fields: BASE_SERVICE_FIELDS },
  V1DefaultScheduling: {
    name: 'V1DefaultScheduling',
    extra: 'forbid',
    fields: {
      nodeSelector: py('node_selector', stringMap),
      affinity: k8s('V1Affinity'),
      tolerations: k8sList('V1Toleration'),
      imagePullSecrets: py('image_pull_secrets', listOf(STRICT_STR)),
    },
  },
  /**
   * `kind` is vents' ProviderKind enum (s3, gcs, wasb, host_path, volume_claim, git, registry,
   * slack, …); its full list is not copied here, so it is checked as a string.
   */
  V1Connection: {
    name: 'V1Connection',
    extra: 'forbid',
    fields: {
      name: required(strictStr),
      kind: required(strictStr),
      description: strictStr,
      tags: orRef({ kind: 'list', items: STRICT_STR }),
      schema: py('schema_', map),
      secret: orRef({ kind: 'model', ref: 'V1ConnectionResource' }),
      configMap: py('config_map', orRef({ kind: 'model', ref: 'V1ConnectionResource' })),
      env: orRef({ kind: 'list', items: MAP }),
      annotations: orRef(MAP),
    },
  },
  V1ConnectionResource: {
    name: 'V1ConnectionResource',
    extra: 'forbid',
    fields: {
      name: required(strictStr),
      mountPath: py('mount_path', strictStr),
      hostPath: py('host_path', strictStr),
      items: listOf(STRICT_STR),
      defaultMode: py('default_mode', { type: STR }),
      isRequested: py('is_requested', bool),
    },
  },
};
