/**
 * The one XML-DSig verifier (metadata and responses), on xml-crypto >= 6 (docs/design.md §5, §8):
 * verifySignature(sig, xml, opts) checks ONE ds:Signature as an enveloped signature over its
 * parent element (the metadata root, a Response or an Assertion). Structure first
 * (signature-structure.ts); then each trusted cert alone (`publicCert` pinned,
 * `getCertFromKeyInfo: () => null`, so KeyInfo is never trusted: oktadev scenario 3, node-saml's
 * attacker-cert case); then proof that what the verified reference covers is that parent: its
 * canonical form equals what getSignedReferences() returned. Callers read values ONLY from
 * `covers`, which is set only when all of that holds. The metadata and response callers differ
 * only by options (commentsInDigestValue, hints); where the signature may sit is theirs to check.
 */
import type { KnownCode } from '../finding-codes.js';
import type { Reference, SignedXml } from 'xml-crypto';
import { finding, hasErrors, type Finding } from '../findings.js';
import { ID_ATTRIBUTES } from './dom.js';
import { xmlCrypto } from './lazy-xml-crypto.js';
import { locationOf } from './parse-dom.js';
import { checkStructure, type StructureOptions } from './signature-structure.js';

export interface SignatureVerifyOptions extends StructureOptions {
  /** PEM certificates (or public keys); one is tried per attempt. */
  trustedCerts: readonly string[];
}

export interface SignatureVerdict {
  /** true only when structure, algorithms, crypto (trusted cert) and coverage proof all hold. */
  valid: boolean;
  /** The SignatureValue verified with a trusted cert (whatever else failed). */
  cryptoValid: boolean;
  /** 0-based index of the trusted cert that verified it. */
  certIndex?: number;
  referenceUri?: string;
  signatureAlgorithm?: string;
  digestAlgorithm?: string;
  /** Set only when valid: the element the verified reference provably covers (the parent). */
  covers?: Element;
  findings: Finding[];
}

export function verifySignature(sig: Element, xml: string, opts: SignatureVerifyOptions): SignatureVerdict {
  const s = checkStructure(sig, opts);
  const out: SignatureVerdict = { valid: false, cryptoValid: false, findings: s.findings };
  for (const k of ['referenceUri', 'signatureAlgorithm', 'digestAlgorithm'] as const) if (s[k] !== undefined) out[k] = s[k];
  const err = (code: KnownCode, message: string, hint: string) =>
    out.findings.push(finding(code, 'error', message, opts.hints?.[code] ?? hint, locationOf(sig, opts.file)));
  if (!s.loadable) return out;
  if (opts.trustedCerts.length === 0) {
    err(
      'XML_SIGNATURE_NO_TRUSTED_CERT',
      'no trusted certificate to verify the signature with',
      'Give a trusted certificate to verify the signature.',
    );
    return out;
  }
  const element = sig.parentNode as Element;
  const idAttribute = s.covers ? idAttributeOf(element, s.referenceUri ?? '') : undefined;
  let reason = '';
  for (const [i, pem] of opts.trustedCerts.entries()) {
    const sx = new (xmlCrypto().SignedXml)({ publicCert: pem, getCertFromKeyInfo: () => null });
    // xml-crypto looks the reference up with one whole-document XPath scan per ID-like attribute
    // name (ID, Id, id), refusing a value found twice. When checkStructure has proved the URI is
    // "#<this element's ID>" and that value occurs once among all three names (countId), one scan
    // for the name the element uses finds the same element: the other two can only find nothing
    // (each scan of a 25 MB aggregate took ~3 s). Otherwise xml-crypto keeps all three.
    if (idAttribute !== undefined) sx.idAttributes = [idAttribute];
    try {
      sx.loadSignature(sig);
      if (!sx.checkSignature(xml)) {
        reason = sx.getReferences()[0]?.validationError?.message ?? 'a reference digest does not match';
        continue;
      }
    } catch (e) {
      reason = (e as Error).message.replace(/signature value \S+/, 'signature value');
      continue;
    }
    out.cryptoValid = true;
    out.certIndex = i;
    if (!s.covers) return out; // XML_SIGNATURE_REFERENCE already says why
    // Prove the verified bytes are this element's bytes (docs/design.md §8), not a look-alike elsewhere.
    const signed = sx.getSignedReferences();
    const ref = sx.getReferences()[0];
    if (signed.length !== 1 || !ref || canonicalOf(sx, ref, element) !== signed[0]) {
      err(
        'XML_SIGNATURE_REFERENCE_MISMATCH',
        `the signed content is not <${element.nodeName}> as read`,
        'This is signature wrapping: do not trust the document.',
      );
      return out;
    }
    out.valid = !hasErrors(out.findings);
    if (out.valid) out.covers = element;
    return out;
  }
  const digest = /digest/i.test(reason);
  const certs = opts.trustedCerts.length === 1 ? 'the trusted certificate' : `any of the ${opts.trustedCerts.length} trusted certificates`;
  err(
    'XML_SIGNATURE_INVALID',
    digest
      ? `the signature on <${element.nodeName}> does not verify: the signed content was changed after signing`
      : `the signature on <${element.nodeName}> does not verify with ${certs}: ${reason}`,
    digest ? 'Download the document again, unchanged.' : "Check that the certificate used to verify is the signer's.",
  );
  return out;
}

/**
 * Canonical form of `element` under the reference's transforms, via xml-crypto's own code path.
 * That path finds the element's in-scope ancestor namespaces by evaluating `ref.xpath` on our
 * document; xml-crypto's is the ID lookup, a scan of the whole document, so it gets the element's
 * own position path instead (`/*[1]/*[3]`, child steps only): the same element, the same code.
 */
function canonicalOf(sx: SignedXml, ref: Reference, element: Element): string | undefined {
  try {
    const priv = sx as unknown as { getCanonReferenceXml(d: Document, r: unknown, n: Node): string };
    return priv.getCanonReferenceXml(element.ownerDocument as Document, { ...ref, xpath: positionPath(element) }, element);
  } catch {
    return undefined;
  }
}

/** `/*[i]/*[j]…`: the element's position among element children at each level, from the root. */
export function positionPath(element: Element): string {
  const steps: string[] = [];
  for (let el: Element | null = element; el; el = el.parentNode?.nodeType === 1 ? (el.parentNode as Element) : null) {
    let index = 1;
    for (let sib = el.previousSibling; sib; sib = sib.previousSibling) if (sib.nodeType === 1) index++;
    steps.unshift(`*[${index}]`);
  }
  return `/${steps.join('/')}`;
}

/** Which ID-like attribute of `element` carries the value `#id` names (the one checkStructure proved unique). */
function idAttributeOf(element: Element, uri: string): string | undefined {
  if (!uri.startsWith('#')) return undefined;
  return ID_ATTRIBUTES.find((a) => element.hasAttribute(a) && element.getAttribute(a) === uri.slice(1));
}
