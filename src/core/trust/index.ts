/** Trust changes between two IdP metadata documents: patch's and init's summary, and `drift`. */
export { compareMetadata, brief, ssoUrlsOf } from './compare-metadata.js';
export { DRIFT_CODES, type DriftCodeInfo } from './codes.js';
export { driftFindings, type DriftOptions, type DriftResult } from './drift-findings.js';
export { oktaMetadataUrl } from './okta-metadata-url.js';
export { storedOktaMetadata, type StoredMetadata } from './stored-metadata.js';
export { pinsCoverAll, trustGate, type GateInput, type GateVerdict } from './trust-gate.js';
export type { BeforeAfter, CertBrief, ChangeKind, TrustChange, WeakerFlag, WeakerWhat } from './types.js';
