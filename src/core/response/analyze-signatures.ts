/**
 * Every ds:Signature in a document, verified one by one (docs/design.md §8: any signature
 * present that fails verification fails the check, even when another one passes). A signature
 * counts only as a direct child of the Response root or of an Assertion, covering that element
 * (java-saml "Invalid Signature Element"; signatures inside Subject, StatusDetail, Object, Advice or
 * a wrapper element are refused), and at most one per element (java-saml triple-signed response).
 */
import { finding, type Finding } from '../findings.js';
import { verifySignature } from '../xml/verify-signature.js';
import { NS, attr, descendants, isEl, locOf } from './saml-dom.js';
import type { SignatureSummary } from './types.js';

const OKTA_SHA256 = 'in Okta (app → Sign On → Edit → Advanced), set "Signature Algorithm" to RSA_SHA256 and "Digest Algorithm" to SHA256.';
/** The shared verifier's findings, with the fix in Okta's and check-response's words. */
const HINTS: Readonly<Record<string, string>> = {
  XML_SIGNATURE_STRUCTURE: 'A signature from Okta has one SignedInfo with one Reference; this one was tampered with (CVE-2025-29774).',
  XML_SIGNATURE_REFERENCE: 'A valid Okta signature references its own Response or Assertion (once); anything else is signature wrapping.',
  XML_SIGNATURE_ALGORITHM: `Okta signs with RSA-SHA256, a SHA-256 digest, enveloped-signature and exclusive c14n: ${OKTA_SHA256}`,
  XML_SIGNATURE_SHA1: `SHA-1 is deprecated: ${OKTA_SHA256}`,
  XML_SIGNATURE_NO_TRUSTED_CERT: 'Pass --metadata, --config or --idp-cert.',
  XML_SIGNATURE_REFERENCE_MISMATCH: 'This is signature wrapping: do not trust this response.',
  XML_SIGNATURE_INVALID:
    'Check that the metadata / --idp-cert is the one of this Okta app (Okta rotates signing certificates: download the IdP metadata again). If it is, the response was modified after Okta signed it.',
};

export interface AnalyzedSignatures {
  summaries: SignatureSummary[];
  /** Elements covered by a fully valid signature. */
  covered: Set<Element>;
  /** At least one signature present did not fully verify. */
  anyFailed: boolean;
  findings: Finding[];
}

export function analyzeSignatures(
  doc: Document,
  xml: string,
  trusted: readonly string[],
  opts: { file?: string; encrypted: boolean },
): AnalyzedSignatures {
  const root = doc.documentElement;
  const out: AnalyzedSignatures = { summaries: [], covered: new Set(), anyFailed: false, findings: [] };
  const perParent = new Map<Node, number>();
  const sigs = descendants(doc, NS.ds, 'Signature');
  for (const s of sigs) perParent.set(s.parentNode as Node, (perParent.get(s.parentNode as Node) ?? 0) + 1);
  for (const sig of sigs) {
    const parent = sig.parentNode as Element;
    const on: SignatureSummary['on'] =
      parent === root && isEl(parent, NS.protocol, 'Response')
        ? 'response'
        : isEl(parent, NS.assertion, 'Assertion')
          ? 'assertion'
          : 'other';
    // A comment inside DigestValue is a warning here, not an error: the benign Clever/saml2
    // capture must verify (docs/design.md §8) (the digest read without it, as xml-crypto >= 6.0.1 does).
    // #WithComments is refused: values are read with comments skipped (signature-structure.ts).
    const v = verifySignature(sig, xml, {
      trustedCerts: trusted,
      commentsInDigestValue: 'warn',
      withComments: 'refuse',
      hints: HINTS,
      ...(opts.file !== undefined ? { file: opts.file } : {}),
    });
    out.findings.push(...v.findings);
    let valid = v.valid;
    if (on === 'other') {
      valid = false;
      out.findings.push(
        finding(
          'XML_SIGNATURE_NOT_CHILD',
          'error',
          `a Signature sits inside <${parent.nodeName}>, not directly in the samlp:Response or a saml:Assertion`,
          'Okta signs only the Response and the Assertion; a signature anywhere else is signature wrapping.',
          locOf(sig, opts.file),
        ),
      );
    }
    if ((perParent.get(parent) ?? 0) > 1) {
      valid = false;
      out.findings.push(
        finding(
          'XML_SIGNATURE_MULTIPLE',
          'error',
          `${parent.localName} carries ${perParent.get(parent)} Signature elements`,
          'Okta puts one signature on each signed element; several are signature wrapping.',
          locOf(sig, opts.file),
        ),
      );
      perParent.set(parent, 0); // report once per element
    }
    if (valid && v.covers) out.covered.add(v.covers);
    else out.anyFailed = true;
    out.summaries.push({
      on,
      id: attr(parent, 'ID') ?? null,
      referenceUri: v.referenceUri ?? null,
      signatureAlgorithm: v.signatureAlgorithm ?? null,
      digestAlgorithm: v.digestAlgorithm ?? null,
      encrypted: opts.encrypted,
      valid,
      certIndex: v.certIndex ?? null,
    });
  }
  return out;
}

/** ID/Id/id values that occur more than once: xml-crypto refuses them too (signature wrapping). */
export function duplicateIds(doc: Document, file?: string): Finding[] {
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const el = c as Element;
      for (const name of ['ID', 'Id', 'id']) {
        const v = el.getAttribute(name);
        if (!el.hasAttribute(name) || v === null) continue;
        const n2 = (seen.get(v) ?? 0) + 1;
        seen.set(v, n2);
        if (n2 === 2)
          out.push(
            finding(
              'RESPONSE_DUPLICATE_ID',
              'error',
              `the ID "${v}" occurs more than once`,
              'A response from Okta never repeats an ID; a copy of a signed element is the classic signature-wrapping attack.',
              locOf(el, file),
            ),
          );
      }
      walk(el);
    }
  };
  walk(doc);
  return out;
}
