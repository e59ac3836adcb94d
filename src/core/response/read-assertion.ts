/**
 * Reads the values of ONE Assertion element, the one the caller proved was signed (* values are read only from the signed element). Text is taken as exc-c14n sees it: text and
 * CDATA joined, comments skipped (CVE-2017-11428), and a comment or child element inside a value
 * is reported, so the value shown is the full one and the oddity is never silent.
 */
import { finding, type Finding } from '../findings.js';
import { NS, attr, child, children, locOf, textOf, valueIrregularity } from './saml-dom.js';

export interface AssertionValues {
  id: string | null;
  issuer: string | null;
  nameId: string | null;
  nameIdFormat: string | null;
  audiences: string[];
  /** Each AudienceRestriction's Audience values: SAML core §2.5.1.4 ANDs the restrictions. */
  audienceRestrictions: string[][];
  /** The AudienceRestriction elements, in the same order (finding locations). */
  audienceRestrictionEls: Element[];
  /** How many Conditions elements the Assertion holds (SAML core §2.3.3: at most one). */
  conditionsCount: number;
  /** InResponseTo of every SubjectConfirmationData (null when absent), with its element. */
  inResponseTos: { value: string | null; el: Element }[];
  /** Every time attribute of the Assertion, for the xs:dateTime check. */
  times: { what: string; value: string; el: Element }[];
  subjectConfirmation: { method: string | null; recipient: string | null; notOnOrAfter: string | null; inResponseTo: string | null } | null;
  conditions: { notBefore: string | null; notOnOrAfter: string | null; authnInstant: string | null; sessionNotOnOrAfter: string | null };
  attributes: Record<string, string[]>;
  /** Where each value came from, for finding locations. */
  at: Record<'issuer' | 'nameId' | 'audience' | 'subjectConfirmation' | 'conditions' | 'assertion', Element | undefined>;
  findings: Finding[];
}

export function readAssertion(a: Element, file?: string): AssertionValues {
  const findings: Finding[] = [];
  const value = (el: Element | undefined, what: string): string | null => {
    if (!el) return null;
    const odd = valueIrregularity(el);
    if (odd === 'comment')
      findings.push(
        finding(
          'XML_COMMENT_IN_VALUE',
          'warning',
          `${what} contains an XML comment; read in full as ${JSON.stringify(textOf(el))}`,
          'Okta never puts comments inside values; a comment there is the CVE-2017-11428 trick (parsers that stop at the comment read a different user).',
          locOf(el, file),
        ),
      );
    if (odd === 'markup')
      findings.push(
        finding(
          'XML_MARKUP_IN_VALUE',
          'error',
          `${what} contains markup`,
          'A value must be text only; this response was tampered with.',
          locOf(el, file),
        ),
      );
    return (textOf(el) ?? '').trim();
  };
  const A = NS.assertion;
  const issuerEl = child(a, A, 'Issuer');
  const subject = child(a, A, 'Subject');
  const nameIdEl = child(subject, A, 'NameID');
  const allConds = children(a, A, 'Conditions');
  const conds = allConds[0];
  const restrictionEls = conds ? children(conds, A, 'AudienceRestriction') : [];
  const restrictions = restrictionEls.map((r) => children(r, A, 'Audience'));
  const audienceEls = restrictions.flat();
  const confirmations = subject ? children(subject, A, 'SubjectConfirmation') : [];
  const scds = confirmations.flatMap((c) => children(c, A, 'SubjectConfirmationData'));
  const bearer = confirmations.find((s) => attr(s, 'Method') === 'urn:oasis:names:tc:SAML:2.0:cm:bearer');
  const scAny = bearer ?? child(subject, A, 'SubjectConfirmation');
  const scd = child(scAny, A, 'SubjectConfirmationData');
  const authn = child(a, A, 'AuthnStatement');
  const attributes: Record<string, string[]> = {};
  for (const st of children(a, A, 'AttributeStatement'))
    for (const at of children(st, A, 'Attribute')) {
      const name = attr(at, 'Name') ?? '';
      const vals = children(at, A, 'AttributeValue').map((v) => value(v, `attribute ${name}`) ?? '');
      attributes[name] = [...(attributes[name] ?? []), ...vals];
    }
  return {
    id: attr(a, 'ID') ?? null,
    issuer: value(issuerEl, 'Issuer'),
    nameId: value(nameIdEl, 'NameID'),
    nameIdFormat: attr(nameIdEl, 'Format') ?? null,
    audiences: audienceEls.map((el) => value(el, 'Audience') ?? ''),
    audienceRestrictions: restrictions.map((els) => els.map((el) => textOf(el)?.trim() ?? '')),
    audienceRestrictionEls: restrictionEls,
    conditionsCount: allConds.length,
    inResponseTos: scds.map((el) => ({ value: attr(el, 'InResponseTo') ?? null, el })),
    times: timeAttributes([
      [a, 'IssueInstant', 'Assertion IssueInstant'],
      ...allConds.flatMap(
        (c) =>
          [
            [c, 'NotBefore', 'Conditions NotBefore'],
            [c, 'NotOnOrAfter', 'Conditions NotOnOrAfter'],
          ] as const,
      ),
      ...scds.flatMap(
        (c) =>
          [
            [c, 'NotBefore', 'SubjectConfirmationData NotBefore'],
            [c, 'NotOnOrAfter', 'SubjectConfirmationData NotOnOrAfter'],
          ] as const,
      ),
      ...children(a, A, 'AuthnStatement').flatMap(
        (c) =>
          [
            [c, 'AuthnInstant', 'AuthnInstant'],
            [c, 'SessionNotOnOrAfter', 'SessionNotOnOrAfter'],
          ] as const,
      ),
    ]),
    subjectConfirmation: scAny
      ? {
          method: attr(scAny, 'Method') ?? null,
          recipient: attr(scd, 'Recipient') ?? null,
          notOnOrAfter: attr(scd, 'NotOnOrAfter') ?? null,
          inResponseTo: attr(scd, 'InResponseTo') ?? null,
        }
      : null,
    conditions: {
      notBefore: attr(conds, 'NotBefore') ?? null,
      notOnOrAfter: attr(conds, 'NotOnOrAfter') ?? null,
      authnInstant: attr(authn, 'AuthnInstant') ?? null,
      sessionNotOnOrAfter: attr(authn, 'SessionNotOnOrAfter') ?? null,
    },
    attributes,
    at: {
      issuer: issuerEl,
      nameId: nameIdEl ?? subject,
      audience: audienceEls[0] ?? conds,
      subjectConfirmation: scd ?? scAny,
      conditions: conds,
      assertion: a,
    },
    findings,
  };
}

function timeAttributes(list: readonly (readonly [Element, string, string])[]): AssertionValues['times'] {
  const out: AssertionValues['times'] = [];
  for (const [el, name, what] of list) {
    const v = attr(el, name);
    if (v !== undefined) out.push({ what, value: v, el });
  }
  return out;
}
