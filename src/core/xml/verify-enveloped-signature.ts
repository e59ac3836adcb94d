/**
 * The metadata caller of the one verifier (docs/design.md §5/§8): the enveloped signature ON
 * `element` (the document root or the picked EntityDescriptor). Where a signature may sit is the
 * caller's rule: exactly one ds:Signature child of `element`, and a Signature elsewhere whose
 * Reference points at `element` is an error (it is not enveloped in what it claims to sign).
 * Every value in a metadata document must be plain text, so a comment inside DigestValue is an
 * error here, and #WithComments canonicalization is allowed (SWAMID signs with it); responses
 * differ on both (src/core/response/analyze-signatures.ts).
 */
import type { KnownCode } from '../finding-codes.js';
import { hasErrors, finding, type Finding } from '../findings.js';
import { NS, attr, childElements, descendants, elementText, idOf } from './dom.js';
import { locationOf } from './parse-dom.js';
import { verifySignature } from './verify-signature.js';

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
  const err = (code: KnownCode, message: string, hint: string | undefined, node: Node) =>
    findings.push(finding(code, 'error', message, hint, locationOf(node, file)));
  const result: SignatureCheck = { present: false, verified: false, keyInfoCertificates: [], findings };
  const isRoot = doc.documentElement === element;
  const elementId = idOf(element);

  // Signatures elsewhere that point at this element: not enveloped in it, so never accepted.
  for (const s of descendants(doc, NS.DS, 'Signature')) {
    if (s.parentNode === element) continue;
    const uris = descendants(s, NS.DS, 'Reference').map((r) => attr(r, 'URI') ?? '');
    if (uris.some((u) => (u === '' && isRoot) || (elementId !== undefined && u === `#${elementId}`)))
      err(
        'XML_SIGNATURE_NOT_CHILD',
        `a Signature covering <${element.nodeName}> is not its child`,
        'An enveloped signature must be a direct child of the element it signs.',
        s,
      );
  }
  const sigs = childElements(element, NS.DS, 'Signature');
  if (sigs.length === 0) return result;
  result.present = true;
  const sig = sigs[0] as Element;
  result.signatureElement = sig;
  if (sigs.length > 1)
    err('XML_SIGNATURE_MULTIPLE', `<${element.nodeName}> has ${sigs.length} Signature children`, undefined, sigs[1] as Element);
  result.keyInfoCertificates = descendants(sig, NS.DS, 'X509Certificate').map((c) => elementText(c, file).value);

  const v = verifySignature(sig, xml, {
    trustedCerts: opts.trustedCerts,
    commentsInDigestValue: 'reject',
    withComments: 'allow',
    ...(file !== undefined ? { file } : {}),
  });
  findings.push(...v.findings);
  if (v.signatureAlgorithm !== undefined) result.signatureAlgorithm = v.signatureAlgorithm;
  if (v.digestAlgorithm !== undefined) result.digestAlgorithm = v.digestAlgorithm;
  if (v.valid && v.covers === element && !hasErrors(findings)) {
    result.verified = true;
    if (v.certIndex !== undefined) result.trustedCertIndex = v.certIndex;
    result.signedElement = element;
  }
  return result;
}
