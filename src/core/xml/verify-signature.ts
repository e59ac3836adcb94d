/**
 * Enveloped XML-DSig verification on xml-crypto >= 6 (DESIGN.md §5, §8). Offers
 * verifyEnvelopedSignature(xml, doc, element, {trustedCerts}): the element must carry exactly one
 * ds:Signature child with one SignedInfo and one Reference whose URI is "" (root only) or
 * "#<the element's ID>", that ID occurring once in the document; algorithms allow-listed; each
 * trusted cert tried alone (`publicCert` pinned, `getCertFromKeyInfo: () => null`, so KeyInfo is
 * never trusted); and the canonical form of `element` must equal what getSignedReferences()
 * returned. Callers read values ONLY from `signedElement`, which is set only when all of that holds.
 */
import type { SignedXml } from 'xml-crypto';
import { finding, type Finding } from '../findings.js';
import { NS, attr, childElements, descendants, elementText, idOf } from './dom.js';
import { xmlCrypto } from './lazy-xml-crypto.js';
import { locationOf } from './parse-dom.js';
import { checkStructure } from './signature-structure.js';

export interface VerifyOptions {
  /** PEM certificates (or public keys); one is tried per attempt. */
  trustedCerts: readonly string[];
  file?: string;
}

export interface SignatureCheck {
  /** The element has a ds:Signature child. */
  present: boolean;
  verified: boolean;
  /** Which of trustedCerts verified it. */
  trustedCertIndex?: number;
  /** Set only when verified: the element the verified reference provably covers. */
  signedElement?: Element;
  signatureElement?: Element;
  signatureAlgorithm?: string;
  digestAlgorithm?: string;
  /** Base64 text of X509Certificate elements in the signature's KeyInfo (untrusted by itself). */
  keyInfoCertificates: string[];
  findings: Finding[];
}

export function verifyEnvelopedSignature(xml: string, doc: Document, element: Element, opts: VerifyOptions): SignatureCheck {
  const file = opts.file;
  const findings: Finding[] = [];
  const err = (code: string, message: string, hint: string | undefined, node: Node) =>
    findings.push(finding(code, 'error', message, hint, locationOf(node, file)));
  const result: SignatureCheck = { present: false, verified: false, keyInfoCertificates: [], findings };
  const isRoot = doc.documentElement === element;
  const elementId = idOf(element);

  // Signatures elsewhere that point at this element: not enveloped in it, so never accepted.
  for (const s of descendants(doc, NS.DS, 'Signature')) {
    if (s.parentNode === element) continue;
    const uris = descendants(s, NS.DS, 'Reference').map((r) => attr(r, 'URI') ?? '');
    if (uris.some((u) => (u === '' && isRoot) || (elementId !== undefined && u === `#${elementId}`)))
      err('XML_SIGNATURE_NOT_CHILD', `a Signature covering <${element.nodeName}> is not its child`, 'An enveloped signature must be a direct child of the element it signs.', s);
  }
  const sigs = childElements(element, NS.DS, 'Signature');
  if (sigs.length === 0) return result;
  result.present = true;
  const sig = sigs[0] as Element;
  result.signatureElement = sig;
  if (sigs.length > 1) err('XML_SIGNATURE_MULTIPLE', `<${element.nodeName}> has ${sigs.length} Signature children`, undefined, sigs[1] as Element);
  result.keyInfoCertificates = descendants(sig, NS.DS, 'X509Certificate').map((c) => elementText(c, file).value);

  if (!checkStructure(sig, element, elementId, isRoot, doc, result, err, file)) return result;
  if (findings.some((f) => f.severity === 'error')) return result;
  if (opts.trustedCerts.length === 0) {
    err('XML_SIGNATURE_NO_TRUSTED_CERT', 'no trusted certificate to verify the signature with', undefined, sig);
    return result;
  }
  let reason = '';
  for (const [i, pem] of opts.trustedCerts.entries()) {
    const sx = new (xmlCrypto().SignedXml)({ publicCert: pem, getCertFromKeyInfo: () => null });
    let ok = false;
    try {
      sx.loadSignature(sig);
      ok = sx.checkSignature(xml);
      if (!ok) reason = sx.getReferences()[0]?.validationError?.message ?? 'a reference digest does not match';
    } catch (e) {
      reason = (e as Error).message;
    }
    if (!ok) continue;
    // Prove the verified bytes are this element's bytes (DESIGN.md §8), not a look-alike elsewhere.
    const signed = sx.getSignedReferences();
    const ref = sx.getReferences()[0];
    const canon = ref ? canonicalOf(sx, doc, ref, element) : undefined;
    if (signed.length !== 1 || canon === undefined || canon !== signed[0]) {
      err('XML_SIGNATURE_REFERENCE_MISMATCH', `the signed content is not <${element.nodeName}> as read`, undefined, sig);
      return result;
    }
    result.verified = true;
    result.trustedCertIndex = i;
    result.signedElement = element;
    return result;
  }
  const digestFailed = /digest/i.test(reason);
  err(
    'XML_SIGNATURE_INVALID',
    digestFailed
      ? 'the signature does not verify: the signed content was changed after signing'
      : `the signature does not verify with ${opts.trustedCerts.length === 1 ? 'the trusted certificate' : `any of the ${opts.trustedCerts.length} trusted certificates`}`,
    digestFailed ? 'Download the document again, unchanged.' : 'Check that the certificate used to verify is the signer\'s.',
    sig,
  );
  return result;
}

/** Canonical form of `element` under the reference's transforms, via xml-crypto's own code path. */
function canonicalOf(sx: SignedXml, doc: Document, ref: ReturnType<SignedXml['getReferences']>[number], element: Element): string | undefined {
  try {
    const priv = sx as unknown as { getCanonReferenceXml(d: Document, r: unknown, n: Node): string };
    return priv.getCanonReferenceXml(doc, { ...ref }, element);
  } catch {
    return undefined;
  }
}
