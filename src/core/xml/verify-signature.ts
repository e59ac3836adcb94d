/**
 * Enveloped XML-DSig verification on xml-crypto >= 6 (DESIGN.md §5, §8). Offers
 * verifyEnvelopedSignature(xml, doc, element, {trustedCerts}): the element must carry exactly one
 * ds:Signature child with one SignedInfo and one Reference whose URI is "" (root only) or
 * "#<the element's ID>", that ID occurring once in the document; algorithms allow-listed; each
 * trusted cert tried alone (`publicCert` pinned, `getCertFromKeyInfo: () => null`, so KeyInfo is
 * never trusted); and the canonical form of `element` must equal what getSignedReferences()
 * returned. Callers read values ONLY from `signedElement`, which is set only when all of that holds.
 */
import { SignedXml } from 'xml-crypto';
import { finding, type Finding } from '../findings.js';
import { checkTransforms, classifyDigest, classifySignature } from './algorithms.js';
import { NS, attr, childElements, countId, descendants, elementText, idOf } from './dom.js';
import { locationOf } from './parse-dom.js';

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
    const sx = new SignedXml({ publicCert: pem, getCertFromKeyInfo: () => null });
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

type Err = (code: string, message: string, hint: string | undefined, node: Node) => void;

/** SignedInfo / Reference / algorithm checks; false when verification must not be attempted. */
function checkStructure(sig: Element, element: Element, elementId: string | undefined, isRoot: boolean, doc: Document, r: SignatureCheck, err: Err, file?: string): boolean {
  const signedInfos = descendants(sig, NS.DS, 'SignedInfo');
  const direct = childElements(sig, NS.DS, 'SignedInfo');
  const values = childElements(sig, NS.DS, 'SignatureValue');
  if (signedInfos.length !== 1 || direct.length !== 1 || values.length !== 1) {
    err('XML_SIGNATURE_STRUCTURE', `the Signature has ${signedInfos.length} SignedInfo and ${values.length} SignatureValue elements (exactly one each required)`, undefined, sig);
    return false;
  }
  const si = direct[0] as Element;
  for (const v of values) r.findings.push(...elementText(v, file).findings);
  const sm = childElements(si, NS.DS, 'SignatureMethod')[0];
  const cm = childElements(si, NS.DS, 'CanonicalizationMethod')[0];
  const refs = childElements(si, NS.DS, 'Reference');
  if (!sm || !cm || refs.length !== 1) {
    err('XML_SIGNATURE_STRUCTURE', `SignedInfo needs one CanonicalizationMethod, one SignatureMethod and exactly one Reference (found ${refs.length})`, undefined, si);
    return false;
  }
  r.signatureAlgorithm = attr(sm, 'Algorithm') ?? '';
  algorithm(classifySignature(r.signatureAlgorithm), 'signature', r.signatureAlgorithm, sm, r, err, file);
  const c14n = attr(cm, 'Algorithm') ?? '';
  if (checkTransforms([c14n, 'http://www.w3.org/2000/09/xmldsig#enveloped-signature']) !== undefined)
    err('XML_SIGNATURE_ALGORITHM', `canonicalization not allowed: ${c14n}`, undefined, cm);
  const ref = refs[0] as Element;
  const uri = attr(ref, 'URI') ?? '';
  const covers = (uri === '' && isRoot) || (elementId !== undefined && uri === `#${elementId}`);
  if (!covers) err('XML_SIGNATURE_REFERENCE', `the Reference URI "${uri}" does not point at <${element.nodeName}>`, 'The signature must cover the whole element it sits in.', ref);
  else if (uri !== '' && countId(doc, uri.slice(1)) !== 1)
    err('XML_SIGNATURE_REFERENCE', `the ID "${uri.slice(1)}" occurs ${countId(doc, uri.slice(1))} times in the document`, 'Duplicate IDs are a signature-wrapping attack.', ref);
  const transforms = descendants(ref, NS.DS, 'Transform').map((t) => attr(t, 'Algorithm') ?? '');
  const bad = checkTransforms(transforms);
  if (bad) err('XML_SIGNATURE_ALGORITHM', bad, undefined, ref);
  const dm = childElements(ref, NS.DS, 'DigestMethod')[0];
  const dv = childElements(ref, NS.DS, 'DigestValue');
  if (!dm || dv.length !== 1) {
    err('XML_SIGNATURE_STRUCTURE', 'the Reference needs one DigestMethod and one DigestValue', undefined, ref);
    return false;
  }
  r.findings.push(...elementText(dv[0] as Element, file).findings);
  r.digestAlgorithm = attr(dm, 'Algorithm') ?? '';
  algorithm(classifyDigest(r.digestAlgorithm), 'digest', r.digestAlgorithm, dm, r, err, file);
  return true;
}

function algorithm(v: ReturnType<typeof classifyDigest>, what: string, uri: string, node: Element, r: SignatureCheck, err: Err, file?: string): void {
  if (v === 'sha1')
    r.findings.push(finding('XML_SIGNATURE_SHA1', 'warning', `the ${what} algorithm is SHA-1 (${uri})`, 'SHA-1 is deprecated; ask the signer to use SHA-256.', locationOf(node, file)));
  else if (v === 'unsupported') err('XML_SIGNATURE_ALGORITHM', `the ${what} algorithm ${uri} cannot be verified here (xml-crypto 6)`, 'Use RSA-SHA256.', node);
  else if (v === 'forbidden') err('XML_SIGNATURE_ALGORITHM', `the ${what} algorithm "${uri}" is not allowed`, 'Allowed: RSA-SHA256/512 with SHA-256/512 digests; never HMAC or MD5.', node);
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
