import type { CERT_CODES } from './cert/codes.js';
import type { CONFIG_CODES } from './config/codes.js';
import type { ERROR_CODES } from './error-codes.js';
import type { INIT_CODES } from './init/codes.js';
import type { LINT_CODES } from './lint/codes.js';
import type { METADATA_CODES } from './metadata/codes.js';
import type { PATCH_CODES } from './patch/codes.js';
import type { RESPONSE_CODES } from './response/codes.js';
import type { DRIFT_CODES } from './trust/codes.js';
import type { URL_CODES } from './urls/codes.js';
import type { XML_CODES } from './xml/codes.js';

/**
 * Every code the tool can report, as one type built from the catalogues (the source of
 * docs/findings.md): a finding or an error with a code no catalogue lists does not compile.
 * Type-only imports: no catalogue text is loaded by the modules that merely name a code.
 */
export type KnownCode =
  | keyof typeof XML_CODES
  | keyof typeof METADATA_CODES
  | keyof typeof CERT_CODES
  | keyof typeof LINT_CODES
  | keyof typeof RESPONSE_CODES
  | keyof typeof DRIFT_CODES
  | keyof typeof URL_CODES
  | keyof typeof CONFIG_CODES
  | keyof typeof PATCH_CODES
  | keyof typeof INIT_CODES
  | keyof typeof ERROR_CODES;
