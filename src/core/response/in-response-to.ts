/**
 * InResponseTo ties a response to the AuthnRequest the SP sent (SAML core §3.2.2; profiles
 * §4.1.4.2: the bearer SubjectConfirmationData of an SP-initiated login MUST carry it). The
 * Response and every SubjectConfirmationData must name the same request (or all none: an
 * IdP-initiated login); with --request-id it must be that request. A response that answers another
 * request is a replay or a login injected into someone else's session.
 */
import { finding, type Finding } from '../findings.js';
import { locOf } from './saml-dom.js';

/** One InResponseTo (null when absent), its element and the file its positions refer to. */
export interface Site {
  value: string | null;
  el: Element;
  file?: string;
}

export function checkInResponseTo(response: Site | undefined, confirmations: readonly Site[], requestId: string | undefined): Finding[] {
  const out: Finding[] = [];
  const all = [
    ...(response ? [{ ...response, what: 'the Response' }] : []),
    ...confirmations.map((c, i) => ({
      ...c,
      what: confirmations.length > 1 ? `SubjectConfirmationData ${i + 1}` : 'SubjectConfirmationData',
    })),
  ];
  if (all.length === 0) return out;
  const first = all[0] as (typeof all)[number];
  const odd = all.find((x) => x.value !== first.value);
  const show = (v: string | null) => (v === null ? 'none' : JSON.stringify(v));
  if (odd !== undefined)
    out.push(
      finding(
        'IN_RESPONSE_TO_INCONSISTENT',
        'error',
        `InResponseTo differs: ${first.what} says ${show(first.value)}, ${odd.what} says ${show(odd.value)}`,
        'Okta writes the same InResponseTo on the Response and its SubjectConfirmationData; a disagreement means parts of two responses were combined.',
        locOf(odd.el, odd.file),
      ),
    );
  if (requestId !== undefined) {
    const wrong = all.find((x) => x.value !== requestId);
    if (wrong !== undefined)
      out.push(
        finding(
          'IN_RESPONSE_TO_MISMATCH',
          'error',
          `${wrong.what} answers ${wrong.value === null ? 'no AuthnRequest (IdP-initiated)' : `the AuthnRequest ${JSON.stringify(wrong.value)}`}, not --request-id ${JSON.stringify(requestId)}`,
          'Capture the response of the login you started (the ID of its AuthnRequest), or leave out --request-id for an IdP-initiated login.',
          locOf(wrong.el, wrong.file),
        ),
      );
  }
  return out;
}
