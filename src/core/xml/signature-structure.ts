/**
 * Structural checks of one ds:Signature before any cryptography (DESIGN.md §5): exactly one
 * SignedInfo (CVE-2025-29774), SignatureValue and Reference; the Reference URI covers the element
 * ("" for the root, or "#<its ID>" with that ID once in the document); allow-listed algorithms and
 * transforms; no comments inside DigestValue/SignatureValue (CVE-2025-29775). Offers checkStructure.
 */
import { finding } from '../findings.js';
import { checkTransforms, classifyDigest, classifySignature } from './algorithms.js';
import { NS, attr, childElements, countId, descendants, elementText } from './dom.js';
import { locationOf } from './parse-dom.js';
import type { SignatureCheck } from './verify-signature.js';

export type Err = (code: string, message: string, hint: string | undefined, node: Node) => void;

/** SignedInfo / Reference / algorithm checks; false when verification must not be attempted. */
export function checkStructure(sig: Element, element: Element, elementId: string | undefined, isRoot: boolean, doc: Document, r: SignatureCheck, err: Err, file?: string): boolean {
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

