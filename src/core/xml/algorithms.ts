/**
 * XML-DSig algorithm allow-lists (docs/design.md §5): no HMAC (key confusion), no MD5, SHA-1 a warning
 * at most. Algorithms that are safe but that xml-crypto 6 cannot verify (ECDSA, RSA-SHA384) are
 * named as such rather than lumped with forbidden ones. Offers classify{Signature,Digest,Transform}.
 */
export type AlgorithmVerdict = 'ok' | 'sha1' | 'unsupported' | 'forbidden';

const SIG: Record<string, AlgorithmVerdict> = {
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': 'ok',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': 'ok',
  'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1': 'ok',
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': 'sha1',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': 'unsupported',
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256': 'unsupported',
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384': 'unsupported',
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512': 'unsupported',
};

const DIGEST: Record<string, AlgorithmVerdict> = {
  'http://www.w3.org/2001/04/xmlenc#sha256': 'ok',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'ok',
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'unsupported',
};

export const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

export const C14N = new Set([
  'http://www.w3.org/2001/10/xml-exc-c14n#',
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
]);

export function classifySignature(uri: string): AlgorithmVerdict {
  return SIG[uri] ?? 'forbidden';
}

export function classifyDigest(uri: string): AlgorithmVerdict {
  return DIGEST[uri] ?? 'forbidden';
}

/** Transforms: enveloped-signature and one canonicalization, each at most once (node-saml "too many transforms"). */
export function checkTransforms(uris: string[]): string | undefined {
  const env = uris.filter((u) => u === ENVELOPED).length;
  const c14n = uris.filter((u) => C14N.has(u)).length;
  const other = uris.filter((u) => u !== ENVELOPED && !C14N.has(u));
  if (other.length > 0) return `transform not allowed: ${other.join(', ')}`;
  if (env > 1 || c14n > 1) return `repeated transforms (${uris.length})`;
  if (env === 0) return 'no enveloped-signature transform';
  return undefined;
}
