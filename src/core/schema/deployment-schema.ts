import { EXTERNAL_MODELS } from './models-external.js';
import { AUXILIARY_MODELS } from './models-auxiliaries.js';
import { DEPLOYMENT_CONFIG } from './model-deployment-config.js';
import { SERVICE_MODELS } from './models-services.js';
import { SETTINGS_MODELS } from './models-settings.js';
import { RULES } from './rules.js';
import type { DeploymentSchema } from './types.js';

/**
 * The Polyaxon deployment config (`polyaxon admin deploy -f FILE`), in one place: the models,
 * their fields by YAML alias, which keys each accepts, and the cross-field rules. Written from the
 * Polyaxon CLI's pydantic models and their tests at 2.16 (polyaxon/cli, cli/polyaxon/_deploy/
 * schemas, commit bfea04a). `lint` checks a config with it (check-schema.ts) and `polyaxon-sso
 * schema` prints it as JSON Schema (to-json-schema.ts).
 */
export const DEPLOYMENT_SCHEMA: DeploymentSchema = {
  polyaxonVersion: '2.16',
  source: 'polyaxon/cli cli/polyaxon/_deploy/schemas @ bfea04a0bf93886f69a3195954204d9d010b55aa',
  root: 'DeploymentConfig',
  models: { DeploymentConfig: DEPLOYMENT_CONFIG, ...SERVICE_MODELS, ...EXTERNAL_MODELS, ...SETTINGS_MODELS, ...AUXILIARY_MODELS },
  rules: RULES,
};

export type { DeploymentSchema, Field, FieldType, Model, Rule } from './types.js';
