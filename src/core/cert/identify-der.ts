import { children, DerError, readOid, readTlv, TAG, type Tlv } from './der.js';

/**
 * What a DER blob is, by shape: people paste keys, CSRs and bundles where a certificate belongs
 * ("a private key, a public key, a CSR … is named as such"). Shapes, from the RFCs:
 *   Certificate (RFC 5280 §4.1)         SEQ { SEQ tbs(≥6 fields), SEQ alg, BIT STRING }
 *   CertificationRequest (RFC 2986 §4)  SEQ { SEQ { INT, SEQ name, SEQ spki, [0] attrs }, SEQ alg, BIT STRING }
 *   SubjectPublicKeyInfo (RFC 5280)     SEQ { SEQ alg, BIT STRING }
 *   PrivateKeyInfo (RFC 5208 §5)        SEQ { INT, SEQ alg, OCTET STRING, … }
 *   EncryptedPrivateKeyInfo (§6)        SEQ { SEQ alg, OCTET STRING }
 *   RSAPrivateKey (RFC 8017 A.1.2)      SEQ { INT × 9 }      RSAPublicKey (A.1.1) SEQ { INT, INT }
 *   ECPrivateKey (RFC 5915 §3)          SEQ { INT 1, OCTET STRING, [0]?, [1]? }
 *   ContentInfo (RFC 5652 §3)           SEQ { OID, [0] }
 */
export type DerKind = 'certificate' | 'csr' | 'public-key' | 'private-key' | 'pkcs7' | 'unknown';

export interface DerShape {
  kind: DerKind;
  outer: Tlv;
}

/** Throws DerError when not even the outer TLV can be read. */
export function identifyDer(der: Uint8Array): DerShape {
  const outer = readTlv(der, 0);
  if (outer.tag !== TAG.SEQUENCE || outer.truncated) return { kind: 'unknown', outer };
  let kids: Tlv[];
  try {
    kids = children(der, outer);
  } catch (e) {
    if (e instanceof DerError) return { kind: 'unknown', outer };
    throw e;
  }
  return { kind: classify(der, kids), outer };
}

function classify(der: Uint8Array, kids: Tlv[]): DerKind {
  const tags = kids.map((k) => k.tag);
  const [a, b, c] = kids;
  if (tags.length === 3 && a && tags[0] === TAG.SEQUENCE && tags[1] === TAG.SEQUENCE && tags[2] === TAG.BIT_STRING) {
    const inner = safeChildren(der, a);
    if (inner && inner.length === 4 && inner[0]?.tag === TAG.INTEGER && inner[3]?.tag === TAG.CONTEXT_0) return 'csr';
    return 'certificate';
  }
  if (tags.length === 2 && tags[0] === TAG.SEQUENCE && tags[1] === TAG.BIT_STRING) return 'public-key';
  if (tags.length === 2 && tags[0] === TAG.SEQUENCE && tags[1] === TAG.OCTET_STRING) return 'private-key';
  if (tags.length >= 3 && tags[0] === TAG.INTEGER && tags[1] === TAG.SEQUENCE && tags[2] === TAG.OCTET_STRING) {
    return 'private-key';
  }
  if (tags.length >= 2 && tags[0] === TAG.INTEGER && tags[1] === TAG.OCTET_STRING) return 'private-key';
  if (tags.length === 9 && tags.every((t) => t === TAG.INTEGER)) return 'private-key';
  if (tags.length === 2 && tags.every((t) => t === TAG.INTEGER)) return 'public-key';
  if (a && b && !c && a.tag === TAG.OID && b.tag === TAG.CONTEXT_0) {
    // 1.2.840.113549.1.7.2 = signedData, the "certs-only" .p7b container.
    if (readOid(der, a).startsWith('1.2.840.113549.1.7.')) return 'pkcs7';
  }
  return 'unknown';
}

function safeChildren(der: Uint8Array, tlv: Tlv): Tlv[] | undefined {
  try {
    return children(der, tlv);
  } catch {
    return undefined;
  }
}
