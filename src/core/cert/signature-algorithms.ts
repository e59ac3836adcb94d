import { children, readOid, TAG, type Tlv } from './der.js';

/**
 * Signature algorithm names as OpenSSL prints them (`openssl x509 -text`), by OID (RFC 3279,
 * RFC 4055, RFC 5758, RFC 8410). Node's X509Certificate does not expose the algorithm at all
 * (docs/design.md §8), so we read the OID from the DER ourselves.
 */
const NAMES: Record<string, string> = {
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.113549.1.1.3': 'md4WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.10040.4.3': 'dsa_with_SHA1',
  '2.16.840.1.101.3.4.3.2': 'dsa_with_SHA256',
  '1.3.101.112': 'ED25519',
  '1.3.101.113': 'ED448',
  '1.3.14.3.2.29': 'sha1WithRSA',
};

const HASH_NAMES: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '2.16.840.1.101.3.4.2.4': 'sha224',
};

export type HashStrength = 'broken' | 'sha1' | 'ok';

export interface SignatureAlgorithm {
  oid: string;
  /** OpenSSL's name, or the dotted OID when unknown. */
  name: string;
  /** 'broken' for MD2/MD4/MD5 (error), 'sha1' (warning), else 'ok'. */
  strength: HashStrength;
}

/** Reads an AlgorithmIdentifier SEQUENCE { OID, params? }. */
export function readSignatureAlgorithm(der: Uint8Array, algId: Tlv): SignatureAlgorithm {
  const [oidTlv, params] = children(der, algId);
  if (!oidTlv) throw new Error('empty AlgorithmIdentifier');
  const oid = readOid(der, oidTlv);
  let name = NAMES[oid] ?? oid;
  let hashName: string | undefined;
  if (oid === '1.2.840.113549.1.1.10') {
    // RSASSA-PSS-params (RFC 4055 §3.1): hashAlgorithm [0] defaults to SHA-1.
    hashName = params?.tag === TAG.SEQUENCE ? pssHash(der, params) : 'sha1';
    name = `rsassaPss(${hashName})`;
  }
  const lower = (hashName ?? name).toLowerCase();
  const strength: HashStrength = /^md[245]/.test(lower) ? 'broken' : /sha1(?!\d)/.test(lower) ? 'sha1' : 'ok';
  return { oid, name, strength };
}

function pssHash(der: Uint8Array, params: Tlv): string {
  const hashField = children(der, params).find((t) => t.tag === TAG.CONTEXT_0);
  if (!hashField) return 'sha1';
  const [alg] = children(der, hashField);
  const [oid] = alg ? children(der, alg) : [];
  const dotted = oid ? readOid(der, oid) : '';
  return HASH_NAMES[dotted] ?? dotted;
}
