import { bool, listOf, map, model, py, strictInt, strictStr, STRICT_STR } from './field-kinds.js';
import type { Model } from './types.js';

/** externalServices: polyaxon/_deploy/schemas/service.py (ExternalService… AuthServicesConfig), CLI 2.16. */
const PROVIDERS = ['github', 'gitlab', 'bitbucket', 'google', 'okta', 'onelogin', 'azuread'] as const;

export const EXTERNAL_MODELS: Readonly<Record<string, Model>> = {
  ExternalService: {
    name: 'ExternalService',
    extra: 'forbid',
    fields: {
      user: strictStr,
      password: strictStr,
      host: strictStr,
      port: strictInt,
      database: strictStr,
      usePassword: py('use_password', bool),
      connMaxAge: py('conn_max_age', strictInt),
      pgbouncer: map,
      options: map,
      useResolver: py('use_resolver', bool),
      corporateProxy: py('corporate_proxy', strictStr),
    },
  },
  ExternalBackend: {
    name: 'ExternalBackend',
    extra: 'forbid',
    fields: { enabled: bool, backend: strictStr, url: strictStr, options: map },
  },
  /**
   * ExternalBackend as used for the SSO providers. pydantic would take `enabled: "false"`, but Helm
   * would turn the provider on (DESIGN §8), so a provider's `enabled` is a real boolean here; the
   * okta/auth checks (src/core/lint/check-auth.ts) report this block in depth.
   */
  AuthProvider: {
    name: 'ExternalBackend',
    extra: 'forbid',
    checkedBy: 'auth',
    fields: { enabled: { type: { kind: 'strictBool' } }, backend: strictStr, url: strictStr, options: map },
  },
  AuthServicesConfig: {
    name: 'AuthServicesConfig',
    extra: 'forbid',
    checkedBy: 'auth',
    shapeCheckedBy: 'auth',
    fields: Object.fromEntries(PROVIDERS.map((p) => [p, model('AuthProvider')])),
  },
  ExternalServicesConfig: {
    name: 'ExternalServicesConfig',
    extra: 'forbid',
    shapeCheckedBy: 'auth',
    fields: {
      redis: model('ExternalService'),
      rabbitmq: model('ExternalService'),
      postgresql: model('ExternalService'),
      gateway: model('ExternalService'),
      api: model('ExternalService'),
      transactions: model('ExternalBackend'),
      analytics: model('ExternalBackend'),
      metrics: model('ExternalBackend'),
      errors: model('ExternalBackend'),
      auth: model('AuthServicesConfig'),
      allowedVersions: py('allowed_versions', listOf(STRICT_STR)),
    },
  },
};
