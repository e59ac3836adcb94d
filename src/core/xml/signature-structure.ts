/**
 * Structural checks of one ds:Signature before any cryptography (docs/design.md §5): exactly one
 * SignedInfo (CVE-2025-29774), SignatureValue, Reference and DigestValue; the Reference URI covers
 * the element holding the signature ("" only on the root, or "#<its ID>" with that ID once in the
 * document); allow-listed algorithms and transforms; no comments inside SignatureValue or
 * DigestValue. Two rules differ between metadata and responses, hence two options: a comment in
 * DigestValue, and #WithComments canonicalization. Offers checkStructure.
 */
import type { KnownCode } from '../finding-codes.js';
import { finding, type Finding } from '../findings.js';
import { checkTransforms, classifyDigest, classifySignature, ENVELOPED } from './algorithms.js';
import { NS, attr, childElements, countId, descendants, elementText, idOf } from './dom.js';
import { locationOf } from './parse-dom.js';

export interface StructureOptions {
  file?: string;
  /**
   * 'reject' (metadata): an error like a comment in any value. 'warn' (responses): the
   * benign capture (Clever/saml2, CVE-2025-29775) must verify (docs/design.md §8), the digest being the text without
   * the comment as xml-crypto >= 6.0.1 reads it; it is still reported.
   */
  commentsInDigestValue: 'reject' | 'warn';
  /**
   * 'allow' (metadata): real federation metadata is signed with exc-c14n#WithComments (SWAMID),
   * and every metadata value with a comment is an error anyway. 'refuse' (responses): response
   * values are read with comments skipped (the fixed nameId field), so a signature must not cover
   * comments that the reader drops.
   */
  withComments: 'allow' | 'refuse';
  /** Caller-specific hints by finding code (Okta's words for responses). */
  hints?: Readonly<Record<string, string>>;
}

export interface Structure {
  /** xml-crypto may load it: one SignedInfo/SignatureValue/Reference/DigestValue, allowed algorithms. */
  loadable: boolean;
  /** The Reference URI points at the signature's parent, whose ID occurs once. */
  covers: boolean;
  referenceUri?: string;
  signatureAlgorithm?: string;
  digestAlgorithm?: string;
  findings: Finding[];
}

export function checkStructure(sig: Element, opts: StructureOptions): Structure {
  const r: Structure = { loadable: false, covers: false, findings: [] };
  const err = (code: KnownCode, message: string, hint: string | undefined, node: Node) =>
    r.findings.push(finding(code, 'error', message, opts.hints?.[code] ?? hint, locationOf(node, opts.file)));
  const element = sig.parentNode as Element;
  const doc = sig.ownerDocument as Document;
  const signedInfos = descendants(sig, NS.DS, 'SignedInfo');
  const direct = childElements(sig, NS.DS, 'SignedInfo');
  const values = childElements(sig, NS.DS, 'SignatureValue');
  if (signedInfos.length !== 1 || direct.length !== 1 || values.length !== 1) {
    err(
      'XML_SIGNATURE_STRUCTURE',
      `the Signature has ${signedInfos.length} SignedInfo and ${values.length} SignatureValue elements (exactly one each required)`,
      undefined,
      sig,
    );
    return r; // xml-crypto must not even load it
  }
  const si = direct[0] as Element;
  r.findings.push(...elementText(values[0] as Element, opts.file).findings);
  const sm = childElements(si, NS.DS, 'SignatureMethod')[0];
  const cm = childElements(si, NS.DS, 'CanonicalizationMethod')[0];
  const refs = childElements(si, NS.DS, 'Reference');
  if (!sm || !cm || refs.length !== 1) {
    err(
      'XML_SIGNATURE_STRUCTURE',
      `SignedInfo needs one CanonicalizationMethod, one SignatureMethod and exactly one Reference (found ${refs.length})`,
      undefined,
      si,
    );
    return r;
  }
  const ref = refs[0] as Element;
  const dm = childElements(ref, NS.DS, 'DigestMethod')[0];
  const dv = childElements(ref, NS.DS, 'DigestValue');
  if (!dm || dv.length !== 1) {
    err('XML_SIGNATURE_STRUCTURE', 'the Reference needs one DigestMethod and one DigestValue', undefined, ref);
    return r;
  }
  r.findings.push(
    ...elementText(dv[0] as Element, opts.file, { comments: opts.commentsInDigestValue === 'warn' ? 'warning' : 'error' }).findings,
  );

  const uri = attr(ref, 'URI') ?? '';
  r.referenceUri = uri;
  const id = idOf(element);
  const points = (uri === '' && doc.documentElement === element) || (id !== undefined && uri === `#${id}`);
  if (!points)
    err(
      'XML_SIGNATURE_REFERENCE',
      `the Reference URI "${uri}" does not point at <${element.nodeName}>${id ? ` ID="${id}"` : ''}, the element holding the Signature`,
      'The signature must cover the whole element it sits in.',
      ref,
    );
  else if (uri !== '' && countId(doc, uri.slice(1)) !== 1)
    err(
      'XML_SIGNATURE_REFERENCE',
      `the ID "${uri.slice(1)}" occurs ${countId(doc, uri.slice(1))} times in the document`,
      'Duplicate IDs are a signature-wrapping attack.',
      ref,
    );
  else r.covers = true;

  let allowed = true;
  r.signatureAlgorithm = attr(sm, 'Algorithm') ?? '';
  r.digestAlgorithm = attr(dm, 'Algorithm') ?? '';
  for (const [verdict, what, uri2, node] of [
    [classifySignature(r.signatureAlgorithm), 'signature', r.signatureAlgorithm, sm],
    [classifyDigest(r.digestAlgorithm), 'digest', r.digestAlgorithm, dm],
  ] as const) {
    if (verdict === 'sha1')
      r.findings.push(
        finding(
          'XML_SIGNATURE_SHA1',
          'warning',
          `the ${what} algorithm is SHA-1 (${uri2})`,
          opts.hints?.XML_SIGNATURE_SHA1 ?? 'SHA-1 is deprecated; ask the signer to use SHA-256.',
          locationOf(node, opts.file),
        ),
      );
    else if (verdict === 'unsupported')
      err('XML_SIGNATURE_ALGORITHM', `the ${what} algorithm ${uri2} cannot be verified here (xml-crypto 6)`, 'Use RSA-SHA256.', node);
    else if (verdict === 'forbidden')
      err(
        'XML_SIGNATURE_ALGORITHM',
        `the ${what} algorithm "${uri2}" is not allowed`,
        'Allowed: RSA-SHA256/512 with SHA-256/512 digests; never HMAC or MD5.',
        node,
      );
    allowed &&= verdict === 'ok' || verdict === 'sha1';
  }
  const c14n = attr(cm, 'Algorithm') ?? '';
  const transforms = descendants(ref, NS.DS, 'Transform').map((t) => attr(t, 'Algorithm') ?? '');
  const withComments = opts.withComments === 'refuse' ? [c14n, ...transforms].find((u) => u.endsWith('#WithComments')) : undefined;
  const badC14n = checkTransforms([c14n, ENVELOPED]) !== undefined ? `canonicalization not allowed: ${c14n}` : undefined;
  const badTransforms = checkTransforms(transforms);
  for (const [problem, node] of [
    [badC14n, cm],
    [badTransforms, ref],
    [withComments && `${withComments} is not allowed: comments never count in a signed value`, ref],
  ] as const)
    if (problem) {
      err('XML_SIGNATURE_ALGORITHM', problem, undefined, node);
      allowed = false;
    }
  r.loadable = allowed;
  return r;
}
