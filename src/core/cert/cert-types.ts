import type { Location } from '../findings.js';
import type { CertCode } from './codes.js';

/**
 * The types the certificate reader produces, kept below src/core/metadata so that the cert tier
 * imports nothing above it (docs/design.md §4).
 */

/** One X.509 certificate found in a signing KeyDescriptor, with everything the report shows. */
export interface CertInfo {
  /** 0-based position among the document's signing certificates. */
  index: number;
  /** `signing` or `unspecified` (a KeyDescriptor without `use` signs too). */
  use: 'signing' | 'unspecified';
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string; // ISO 8601
  notAfter: string; // ISO 8601
  /** Whole days from `now` to notAfter (negative when expired). */
  daysLeft: number;
  keyType: string; // 'RSA' | 'EC' | 'Ed25519' | …
  keySize?: number; // bits (RSA modulus, EC curve size)
  curve?: string;
  signatureAlgorithm: string; // e.g. 'sha256WithRSAEncryption'
  selfSigned: boolean;
  /** Only meaningful when selfSigned. */
  selfSignatureValid?: boolean;
  /** Okta's form: upper-case hex pairs joined by ':'. */
  sha256: string;
  sha1: string;
  /** true for the signing cert with the latest notAfter (rotation). */
  newest: boolean;
  /** PEM of the DER as checked: the trust anchor other commands use. */
  pem: string;
  location?: Location;
}

export interface StaticFinding {
  code: CertCode;
  severity: 'error' | 'warning' | 'info';
  message: string;
}
