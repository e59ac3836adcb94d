import { EMAIL, NAME } from './field-kinds.js';
import { bool, listOf, map, py, strictInt, strictStr, MAP } from './field-kinds.js';
import type { Model } from './types.js';

/**
 * The small settings blocks: polyaxon/_deploy/schemas/{rbac,ssl,ingress,root_user,email,
 * intervals,operators,proxy,ui,auth,security_context}.py (CLI 2.16).
 */
export const SETTINGS_MODELS: Readonly<Record<string, Model>> = {
  RBACConfig: { name: 'RBACConfig', extra: 'forbid', fields: { enabled: bool } },
  SSLConfig: { name: 'SSLConfig', extra: 'forbid', fields: { enabled: bool, secretName: py('secret_name', strictStr), path: strictStr } },
  /** `extra = "ignore"`: the chart's ingress keys (className, pathType, extraPaths…) are dropped, not refused. */
  IngressConfig: {
    name: 'IngressConfig',
    extra: 'ignore',
    fields: { enabled: bool, hostName: py('host_name', strictStr), path: strictStr, tls: listOf(MAP), annotations: map },
  },
  RootUserConfig: {
    name: 'RootUserConfig',
    extra: 'forbid',
    fields: { username: { type: NAME }, password: strictStr, email: { type: EMAIL } },
  },
  EmailConfig: {
    name: 'EmailConfig',
    extra: 'forbid',
    fields: {
      enabled: bool,
      from: py('email_from', strictStr),
      host: strictStr,
      port: strictInt,
      useTls: py('use_tls', bool),
      hostUser: py('host_user', strictStr),
      hostPassword: py('host_password', strictStr),
      backend: strictStr,
    },
  },
  IntervalsConfig: { name: 'IntervalsConfig', extra: 'forbid', fields: { compatibilityCheck: py('compatibility_check', strictInt) } },
  OperatorsConfig: {
    name: 'OperatorsConfig',
    extra: 'forbid',
    fields: { tfjob: bool, pytorchjob: bool, mpijob: bool, daskcluster: bool, raycluster: bool },
  },
  ProxyConfig: {
    name: 'ProxyConfig',
    extra: 'forbid',
    fields: {
      enabled: bool,
      useInOps: py('use_in_ops', bool),
      httpProxy: py('http_proxy', strictStr),
      httpsProxy: py('https_proxy', strictStr),
      noProxy: py('no_proxy', strictStr),
      port: strictInt,
      host: strictStr,
      protocol: strictStr,
      kind: strictStr,
    },
  },
  UIConfig: {
    name: 'UIConfig',
    extra: 'forbid',
    fields: {
      enabled: bool,
      offline: bool,
      staticUrl: py('static_url', strictStr),
      baseUrl: py('base_url', strictStr),
      assetsVersion: py('assets_version', strictStr),
      adminEnabled: py('admin_enabled', bool),
      singleUrl: py('single_url', bool),
      defaultStreamsUrl: py('default_streams_url', strictStr),
    },
  },
  AuthConfig: {
    name: 'AuthConfig',
    extra: 'forbid',
    fields: { enabled: bool, external: strictStr, useResolver: py('use_resolver', bool) },
  },
  SecurityContextConfig: {
    name: 'SecurityContextConfig',
    extra: 'forbid',
    fields: {
      enabled: bool,
      runAsUser: py('run_as_user', strictInt),
      runAsGroup: py('run_as_group', strictInt),
      fsGroup: py('fs_group', strictInt),
      fsGroupChangePolicy: py('fs_group_change_policy', strictStr),
      allowPrivilegeEscalation: py('allow_privilege_escalation', bool),
      runAsNonRoot: py('run_as_non_root', bool),
    },
  },
};
