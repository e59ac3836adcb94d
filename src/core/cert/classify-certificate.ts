import { X509Certificate } from 'node:crypto';
import { CERT_CODES, type CertCode } from './codes.js';
import { DerError, firstNonMinimalLength, TAG } from './der.js';
import { identifyDer, type DerKind } from './identify-der.js';
import { readCertificate, type ReadCertificate } from './read-certificate.js';
import type { StaticFinding } from './cert-types.js';

/** The clock-independent result for one distinct certificate text (cached by the caller). */
export type StaticAnalysis = ReadCertificate;

/** PEM labels (RFC 7468 §5–§13, plus OpenSSL's legacy ones) that are not a certificate. */
export function pemLabelCode(label: string): CertCode | undefined {
  if (/PRIVATE KEY/.test(label)) return 'CERT_IS_PRIVATE_KEY';
  if (/PUBLIC KEY/.test(label)) return 'CERT_IS_PUBLIC_KEY';
  if (/CERTIFICATE REQUEST/.test(label)) return 'CERT_IS_CSR';
  if (/PKCS7|CMS/.test(label)) return 'CERT_IS_PKCS7';
  return undefined;
}

const KIND_CODES: Partial<Record<DerKind, CertCode>> = {
  'private-key': 'CERT_IS_PRIVATE_KEY',
  'public-key': 'CERT_IS_PUBLIC_KEY',
  csr: 'CERT_IS_CSR',
  pkcs7: 'CERT_IS_PKCS7',
};

const error = (code: CertCode, message: string): StaticAnalysis => ({
  findings: [{ code, severity: 'error', message } satisfies StaticFinding],
});

/**
 * Decoded bytes → what they are. The decoded length must equal the DER length of the outer
 * SEQUENCE (docs/design.md §5: Node's parser accepts trailing bytes, so we measure it ourselves).
 */
export function classifyCertificateBytes(bytes: Buffer, placeholderish: boolean): StaticAnalysis {
  const head = bytes.subarray(0, 64).toString('latin1');
  if (head.startsWith('-----BEGIN')) {
    const label = /^-----BEGIN ([A-Z0-9 ]+)-----/.exec(head)?.[1] ?? 'unknown';
    return error(
      'CERT_PEM_IN_BASE64',
      `The base64 decodes to a PEM block ("-----BEGIN ${label}-----"), not to DER: the PEM file was base64-encoded again.`,
    );
  }
  let shape;
  try {
    shape = identifyDer(bytes);
  } catch (e) {
    if (!(e instanceof DerError)) throw e;
    return notACertificate(placeholderish);
  }
  const { outer, kind } = shape;
  // Lengths only mean something once the data starts like DER: a SEQUENCE (X.690 §8.9).
  if (outer.tag !== TAG.SEQUENCE) return notACertificate(placeholderish);
  if (outer.truncated) {
    return error(
      'CERT_TRUNCATED',
      `The decoded data is ${bytes.length} bytes but its DER header announces ${outer.end}: the certificate is cut short.`,
    );
  }
  if (outer.end < bytes.length) {
    const extra = bytes.length - outer.end;
    if (kind === 'certificate' && isAnotherCertificate(bytes.subarray(outer.end))) {
      return error('CERT_MULTIPLE', 'The element holds more than one certificate, concatenated.');
    }
    return error(
      'CERT_TRAILING_BYTES',
      `${extra} byte${extra === 1 ? '' : 's'} follow the end of the DER structure (decoded ${bytes.length}, DER length ${outer.end}).`,
    );
  }
  // Only for bytes that do parse as a certificate: garbage stays "does not decode".
  const berAt = kind === 'certificate' ? firstNonMinimalLength(bytes) : undefined;
  if (berAt !== undefined && parsesAsCertificate(bytes))
    return error(
      'CERT_NOT_DER',
      `The certificate is BER, not DER: the length at byte ${berAt} is not in its shortest form, so its fingerprint would differ from OpenSSL's.`,
    );
  const pasted = KIND_CODES[kind];
  if (pasted) return error(pasted, `${CERT_CODES[pasted].title}.`);
  if (kind !== 'certificate') return notACertificate(placeholderish);
  return readCertificate(bytes);
}

function notACertificate(placeholderish: boolean): StaticAnalysis {
  return placeholderish
    ? error('CERT_PLACEHOLDER', 'The element holds placeholder text, not a certificate.')
    : error('CERT_UNDECODABLE', `${CERT_CODES.CERT_UNDECODABLE.title}.`);
}

/** True when `bytes` starts with a whole DER certificate (used for concatenations). */
export function startsWithCertificate(bytes: Uint8Array): boolean {
  return isAnotherCertificate(bytes);
}

function isAnotherCertificate(rest: Uint8Array): boolean {
  try {
    return identifyDer(rest).kind === 'certificate';
  } catch {
    return false;
  }
}

function parsesAsCertificate(bytes: Buffer): boolean {
  try {
    new X509Certificate(bytes);
    return true;
  } catch {
    return false;
  }
}
