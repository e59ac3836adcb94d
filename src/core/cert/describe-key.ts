import type { KeyObject, X509Certificate } from 'node:crypto';
import type { StaticFinding } from './cert-types.js';

/**
 * Key type and size as the report shows them, and whether the key can sign SAML at all: RSA
 * below 2048 bits is an error (NIST SP 800-131A); Okta signs with RSA and xml-crypto
 * verifies RSA only, so EC and EdDSA keys are a warning; DSA, X25519 and unknown keys an error.
 */
const CURVES: Record<string, { name: string; bits: number }> = {
  prime256v1: { name: 'P-256', bits: 256 },
  secp384r1: { name: 'P-384', bits: 384 },
  secp521r1: { name: 'P-521', bits: 521 },
  secp224r1: { name: 'P-224', bits: 224 },
  prime192v1: { name: 'P-192', bits: 192 },
};

export interface KeyDescription {
  type: string;
  size?: number;
  curve?: string;
  problem?: StaticFinding;
}

export function describeKey(x: X509Certificate): KeyDescription {
  let pk: KeyObject;
  try {
    pk = x.publicKey;
  } catch (e) {
    return {
      type: 'unknown',
      problem: { code: 'CERT_UNSUPPORTED_KEY', severity: 'error', message: `The public key cannot be read (${(e as Error).message}).` },
    };
  }
  const type = pk.asymmetricKeyType ?? 'unknown';
  const d = pk.asymmetricKeyDetails ?? {};
  if (type === 'rsa' || type === 'rsa-pss') {
    const size = d.modulusLength;
    const out: KeyDescription = { type: type === 'rsa' ? 'RSA' : 'RSA-PSS' };
    if (size !== undefined) out.size = size;
    // NIST SP 800-131A: RSA below 2048 bits is disallowed for signatures.
    if (size !== undefined && size < 2048) {
      out.problem = { code: 'CERT_WEAK_KEY', severity: 'error', message: `RSA key of ${size} bits: below the 2048-bit minimum.` };
    }
    return out;
  }
  if (type === 'ec') {
    const curve = CURVES[d.namedCurve ?? ''];
    if (!curve) {
      return {
        type: 'EC',
        curve: d.namedCurve ?? 'unknown',
        problem: {
          code: 'CERT_UNSUPPORTED_KEY',
          severity: 'error',
          message: `EC key on curve ${d.namedCurve ?? 'unknown'}: not a curve XML signatures use.`,
        },
      };
    }
    const out: KeyDescription = { type: 'EC', size: curve.bits, curve: curve.name };
    out.problem =
      curve.bits < 256
        ? { code: 'CERT_WEAK_KEY', severity: 'error', message: `EC key on ${curve.name}: below the 256-bit minimum.` }
        : { code: 'CERT_NON_RSA_KEY', severity: 'warning', message: `EC key on ${curve.name}: Okta signs SAML with RSA keys.` };
    return out;
  }
  if (type === 'ed25519' || type === 'ed448') {
    const name = type === 'ed25519' ? 'Ed25519' : 'Ed448';
    return {
      type: name,
      size: type === 'ed25519' ? 256 : 456,
      problem: { code: 'CERT_NON_RSA_KEY', severity: 'warning', message: `${name} key: Okta signs SAML with RSA keys.` },
    };
  }
  const shown = type.toUpperCase();
  return { type: shown, problem: { code: 'CERT_UNSUPPORTED_KEY', severity: 'error', message: `${shown} key: cannot sign SAML messages.` } };
}
