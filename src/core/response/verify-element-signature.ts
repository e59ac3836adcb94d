/**
 * Verifies ONE ds:Signature as an enveloped signature over its parent element (the Response or an
 * Assertion, which need not be the document root), following DESIGN.md §5/§8: xml-crypto with the
 * trusted cert pinned and `getCertFromKeyInfo: () => null` (never the KeyInfo: oktadev scenario 3,
 * node-saml attacker-cert case), allow-listed algorithms, exactly one SignedInfo and one Reference
 * (CVE-2025-29774), URI "#<parent ID>" (or "" on the root), and proof that what the verified
 * reference covers is that parent: its canonical form equals what getSignedReferences() returned.
 * Why not src/core/xml's verifyEnvelopedSignature: it refuses a comment inside DigestValue, and
 * issue 7 requires that capture (CVE-2025-29775's benign form, Clever/saml2) to verify, the digest
 * being the text without the comment, as xml-crypto >= 6.0.1 reads it. Allow-lists are shared.
 */
import type { Reference, SignedXml } from 'xml-crypto';

import { finding, type Finding } from '../findings.js';
import { checkTransforms, classifyDigest, classifySignature, countId } from '../xml/index.js';
import { xmlCrypto } from '../xml/lazy-xml-crypto.js';
import { NS, attr, children, locOf } from './saml-dom.js';

const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

export interface ElementSignature {
  /** true only when structure, algorithms, crypto (trusted cert) and coverage proof all hold. */
  valid: boolean;
  /** The SignatureValue verified with a trusted cert (whatever the structure). */
  cryptoValid: boolean;
  /** 0-based index of the trusted cert that verified it. */
  certIndex?: number;
  referenceUri?: string;
  signatureAlgorithm?: string;
  digestAlgorithm?: string;
  /** The element the verified reference provably covers (the parent), when valid or cryptoValid. */
  covers?: Element;
  findings: Finding[];
}

export function verifyElementSignature(sig: Element, xml: string, trusted: readonly string[], file?: string): ElementSignature {
  const out: ElementSignature = { valid: false, cryptoValid: false, findings: [] };
  const at = locOf(sig, file);
  const bad = (code: string, sev: 'error' | 'warning', msg: string, hint: string) => out.findings.push(finding(code, sev, msg, hint, at));
  const parent = sig.parentNode as Element;
  const parentId = attr(parent, 'ID');
  let structural = true;

  const signedInfos = children(sig, NS.ds, 'SignedInfo');
  const refs = signedInfos.length === 1 ? children(signedInfos[0] as Element, NS.ds, 'Reference') : [];
  if (signedInfos.length !== 1 || refs.length !== 1 || children(sig, NS.ds, 'SignatureValue').length !== 1) {
    bad('XML_SIGNATURE_STRUCTURE', 'error', `the Signature has ${signedInfos.length} SignedInfo and ${refs.length} Reference elements (exactly one each is accepted)`, 'A signature from Okta has one SignedInfo with one Reference; this one was tampered with (CVE-2025-29774).');
    return out; // xml-crypto must not even load it
  }
  const si = signedInfos[0] as Element;
  const ref = refs[0] as Element;
  const uri = attr(ref, 'URI') ?? '';
  out.referenceUri = uri;
  const coversParent = (parentId !== undefined && uri === `#${parentId}`) || (uri === '' && parent === sig.ownerDocument?.documentElement);
  if (!coversParent) {
    structural = false;
    bad('XML_SIGNATURE_REFERENCE', 'error', `the Signature's Reference URI "${uri}" does not point at the element that holds it (${parent.localName}${parentId ? ` ID="${parentId}"` : ''})`, 'A valid Okta signature references its own Response or Assertion; anything else is signature wrapping.');
  }
  if (coversParent && uri !== '' && countId(sig.ownerDocument as Document, uri.slice(1)) !== 1) {
    structural = false;
    bad('XML_SIGNATURE_REFERENCE', 'error', `the ID "${uri.slice(1)}" occurs more than once in the document`, 'Duplicate IDs are a signature-wrapping attack.');
  }
  const alg = (el: Element | undefined) => attr(el, 'Algorithm') ?? '';
  out.signatureAlgorithm = alg(children(si, NS.ds, 'SignatureMethod')[0]);
  out.digestAlgorithm = alg(children(ref, NS.ds, 'DigestMethod')[0]);
  const c14n = alg(children(si, NS.ds, 'CanonicalizationMethod')[0]);
  const transforms = children(ref, NS.ds, 'Transforms').flatMap((t) => children(t, NS.ds, 'Transform')).map(alg);
  const sigVerdict = classifySignature(out.signatureAlgorithm);
  const digestVerdict = classifyDigest(out.digestAlgorithm);
  const refused: string[] = [];
  if (sigVerdict !== 'ok' && sigVerdict !== 'sha1') refused.push(`SignatureMethod "${out.signatureAlgorithm}" (${sigVerdict})`);
  if (digestVerdict !== 'ok' && digestVerdict !== 'sha1') refused.push(`DigestMethod "${out.digestAlgorithm}" (${digestVerdict})`);
  // Comments never count: a #WithComments c14n would sign what textOf() skips.
  if (checkTransforms([c14n, ENVELOPED]) !== undefined || c14n.endsWith('#WithComments')) refused.push(`CanonicalizationMethod "${c14n}"`);
  const badTransforms = checkTransforms(transforms) ?? (transforms.some((t) => t.endsWith('#WithComments')) ? 'a #WithComments transform' : undefined);
  if (badTransforms) refused.push(badTransforms);
  if (refused.length > 0) {
    bad('XML_SIGNATURE_ALGORITHM', 'error', `refused ${refused.join('; ')}`, 'Okta signs with RSA-SHA256, a SHA-256 digest, enveloped-signature and exclusive c14n; in Okta set "Signature Algorithm" to RSA_SHA256 and "Digest Algorithm" to SHA256.');
    return out;
  }
  if (sigVerdict === 'sha1' || digestVerdict === 'sha1')
    bad('XML_SIGNATURE_SHA1', 'warning', 'the signature uses SHA-1', 'In Okta (app → Sign On → Edit → Advanced), set "Signature Algorithm" to RSA_SHA256 and "Digest Algorithm" to SHA256.');
  if (trusted.length === 0) {
    bad('XML_SIGNATURE_NO_TRUSTED_CERT', 'error', 'no trusted certificate to verify the signature with', 'Pass --metadata, --config or --idp-cert.');
    return out;
  }

  let lastError = '';
  for (const [i, pem] of trusted.entries()) {
    const sx = new (xmlCrypto().SignedXml)({ publicCert: pem, getCertFromKeyInfo: () => null });
    try {
      sx.loadSignature(sig);
      if (!sx.checkSignature(xml)) {
        lastError = 'a reference digest does not match (the signed content was changed)';
        continue;
      }
    } catch (e) {
      lastError = (e as Error).message.replace(/signature value \S+/, 'signature value');
      continue;
    }
    out.cryptoValid = true;
    out.certIndex = i;
    const signed = sx.getSignedReferences();
    const loaded = sx.getReferences()[0];
    if (coversParent && signed.length === 1 && loaded && canonOf(sx, loaded, parent) === signed[0]) {
      out.covers = parent;
      out.valid = structural;
    } else if (coversParent) {
      bad('XML_SIGNATURE_REFERENCE_MISMATCH', 'error', 'the verified reference does not cover exactly the element whose values would be read', 'This is signature wrapping: do not trust this response.');
    }
    return out;
  }
  bad('XML_SIGNATURE_INVALID', 'error', `the ${parent.localName} signature does not verify with ${trusted.length === 1 ? 'the trusted certificate' : `any of the ${trusted.length} trusted certificates`}: ${lastError}`, 'Check that the metadata / --idp-cert is the one of this Okta app (Okta rotates signing certificates: download the IdP metadata again). If it is, the response was modified after Okta signed it.');
  return out;
}

/**
 * The canonical form of `el` through xml-crypto's own reference code path (the same call the
 * shared verifier makes), so the comparison with getSignedReferences() is like for like.
 */
function canonOf(sx: SignedXml, ref: Reference, el: Element): string | undefined {
  try {
    const priv = sx as unknown as { getCanonReferenceXml(d: Document, r: unknown, n: Node): string };
    return priv.getCanonReferenceXml(el.ownerDocument as Document, { ...ref }, el);
  } catch {
    return undefined;
  }
}
