/**
 * polyaxon-sso as a library: pure core functions and types only (no commander, chalk or inquirer).
 */
export { VERSION } from './version.js';
export * from './core/findings.js';
export { EXIT, OperationalError, type ExitCode } from './core/errors.js';
export { parseHost, type Host, type Parsed } from './core/urls/parse-host.js';
export { parseOrg, ORG_PATTERN } from './core/urls/parse-org.js';
export { buildSpUrls, type SpUrls } from './core/urls/sp-urls.js';
export { buildOktaForm, DEFAULT_ATTRIBUTES, type AttributeNames, type OktaForm } from './core/urls/okta-form.js';
export { renderTerraform } from './core/urls/terraform.js';
export { parseConfig, type ParsedConfig } from './core/config/parse-config.js';
export { inferHost, type ConfigHost } from './core/config/infer-host.js';
export type * from './core/metadata/types.js';
export { validateMetadata, validateMetadataBytes, parseMetadata, METADATA_CODES } from './core/metadata/index.js';
export { parseFingerprint, normalizeFingerprint, matchesFingerprint, type Fingerprint } from './core/cert/fingerprint.js';
export { XML_CODES } from './core/xml/codes.js';
export { planPatch, normalizeStoredXml, type PatchChange, type PatchMode, type PatchOptions, type PatchPlan } from './core/patch/index.js';
export { analyzeCertificate, pemToCertificate, CERT_CODES, type CertAnalysis, type CertDetails } from './core/cert/index.js';
export { lintConfig, type FileReport, type LintOptions } from './core/lint/lint-config.js';
export { LINT_CODES } from './core/lint/codes.js';
export {
  DEPLOYMENT_SCHEMA,
  type DeploymentSchema,
  type Field,
  type FieldType,
  type Model,
  type Rule,
} from './core/schema/deployment-schema.js';
export { toJsonSchema, type Draft, type Target, type JsonSchema } from './core/schema/to-json-schema.js';
export { checkResponse, decodeInput, RESPONSE_CODES } from './core/response/index.js';
export {
  compareMetadata,
  trustGate,
  pinsCoverAll,
  driftFindings,
  storedOktaMetadata,
  oktaMetadataUrl,
  DRIFT_CODES,
} from './core/trust/index.js';
export type { TrustChange, ChangeKind, CertBrief, WeakerFlag, GateVerdict, StoredMetadata } from './core/trust/index.js';
export type * from './core/response/types.js';
