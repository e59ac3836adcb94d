/**
 * The checks Polyaxon (as a SAML SP) makes once the signature holds, each with the fix in Okta's
 * words: status, Issuer, Audience, Recipient/Destination, validity windows with clock
 * skew, InResponseTo, NameID, and the attributes Polyaxon maps.
 */
import type { KnownCode } from '../finding-codes.js';
import { finding, type Finding, type Location } from '../findings.js';
import { APP_SAML, checkAttributes } from './attribute-checks.js';
import { formatCheck, timeCheck } from './time-checks.js';
import { locOf } from './saml-dom.js';
import type { AssertionValues } from './read-assertion.js';
import type { CheckResponseOptions, ResponseEnvelope, UserValues } from './types.js';

const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

export function checkEnvelope(env: ResponseEnvelope, root: Element, opts: CheckResponseOptions): Finding[] {
  const out: Finding[] = [];
  const at = locOf(root, opts.file);
  if (env.status === null)
    out.push(
      finding(
        'RESPONSE_STATUS_MISSING',
        'error',
        'the Response has no StatusCode',
        'The capture is incomplete; capture the POST to the ACS URL again.',
        at,
      ),
    );
  else if (env.status !== SUCCESS)
    out.push(
      finding(
        'RESPONSE_STATUS_NOT_SUCCESS',
        'error',
        `Okta answered ${env.status.replace(/^.*:/, '')}${env.statusMessage ? `: ${env.statusMessage}` : ''}`,
        'The login failed at Okta: check that the user is assigned to the app (Okta → app → Assignments) and the System Log in the Okta Admin Console.',
        at,
      ),
    );
  if (env.destination !== null && env.destination !== opts.acsUrl)
    out.push(
      finding(
        'RESPONSE_DESTINATION_MISMATCH',
        'error',
        `Destination is ${env.destination}, expected ${opts.acsUrl}`,
        `${APP_SAML}: set "Single sign-on URL" to ${opts.acsUrl} (or pass --acs-url if Polyaxon sits behind a proxy).`,
        at,
      ),
    );
  if (opts.expectedIssuer !== undefined && env.issuer !== null && env.issuer !== opts.expectedIssuer)
    out.push(
      finding(
        'RESPONSE_ISSUER_MISMATCH',
        'error',
        `the Response Issuer is ${env.issuer}, the metadata entityID is ${opts.expectedIssuer}`,
        'The metadata in the config belongs to another Okta app: download "IdP metadata" from this app\'s Sign On tab and run `polyaxon-sso patch`.',
        at,
      ),
    );
  if (env.issueInstant !== null) formatCheck(out, 'Response IssueInstant', env.issueInstant, at);
  return out;
}

export function checkAssertion(v: AssertionValues, user: UserValues, opts: CheckResponseOptions): Finding[] {
  const out: Finding[] = [];
  const loc = (k: keyof AssertionValues['at']): Location | undefined => locOf(v.at[k] ?? v.at.assertion, opts.file);
  const add = (code: KnownCode, sev: Finding['severity'], msg: string, hint: string | undefined, k: keyof AssertionValues['at']) =>
    out.push(finding(code, sev, msg, hint, loc(k)));

  if (v.issuer === null)
    add('ASSERTION_ISSUER_MISSING', 'error', 'the Assertion has no Issuer', 'The response is not from Okta or was damaged.', 'assertion');
  else if (opts.expectedIssuer !== undefined && v.issuer !== opts.expectedIssuer)
    add(
      'ASSERTION_ISSUER_MISMATCH',
      'error',
      `Issuer is ${v.issuer}, the metadata entityID is ${opts.expectedIssuer}`,
      'The metadata in the config belongs to another Okta app: download "IdP metadata" from this app\'s Sign On tab and run `polyaxon-sso patch`.',
      'issuer',
    );
  if (v.conditionsCount > 1)
    add(
      'CONDITIONS_MULTIPLE',
      'error',
      `the Assertion holds ${v.conditionsCount} Conditions elements`,
      'SAML core §2.3.3 allows at most one; SPs that read only the first or the last disagree about the limits, so the response was tampered with.',
      'assertion',
    );
  if (v.audienceRestrictions.length === 0)
    add(
      'AUDIENCE_MISSING',
      'warning',
      'the Assertion has no AudienceRestriction',
      `${APP_SAML}: set "Audience URI (SP Entity ID)" to ${opts.audience}.`,
      'conditions',
    );
  else {
    // SAML core §2.5.1.4: with several AudienceRestriction elements the assertion is addressed
    // only to an SP named in EACH of them (they are ANDed; the Audiences inside one are ORed).
    const missing = v.audienceRestrictions.findIndex((r) => !r.includes(opts.audience));
    if (missing >= 0) {
      const several =
        v.audienceRestrictions.length > 1
          ? ` (AudienceRestriction ${missing + 1} of ${v.audienceRestrictions.length}: every one must name the SP)`
          : '';
      const where = v.audienceRestrictions.length > 1 ? locOf(v.audienceRestrictionEls[missing], opts.file) : loc('audience');
      out.push(
        finding(
          'AUDIENCE_MISMATCH',
          'error',
          `Audience is ${(v.audienceRestrictions[missing] ?? []).join(', ') || '(empty)'}, expected ${opts.audience}${several}`,
          `${APP_SAML}: set "Audience URI (SP Entity ID)" to ${opts.audience} (or pass --audience to check another SP).`,
          where,
        ),
      );
    }
  }

  const sc = v.subjectConfirmation;
  if (!sc)
    add(
      'SUBJECT_CONFIRMATION_MISSING',
      'error',
      'the Assertion has no SubjectConfirmation',
      'Okta always sends a bearer SubjectConfirmation; the response was damaged.',
      'nameId',
    );
  else {
    if (sc.method !== BEARER)
      add(
        'SUBJECT_CONFIRMATION_NOT_BEARER',
        'error',
        `SubjectConfirmation Method is ${sc.method ?? '(none)'}, not bearer`,
        'Web browser SSO needs the bearer method (SAML profiles §4.1.4.2).',
        'subjectConfirmation',
      );
    if (sc.recipient === null)
      add(
        'RECIPIENT_MISSING',
        'error',
        'SubjectConfirmationData has no Recipient',
        `${APP_SAML}: "Recipient URL" must be ${opts.acsUrl} (keep "Use this for Recipient URL and Destination URL" ticked).`,
        'subjectConfirmation',
      );
    else if (sc.recipient !== opts.acsUrl)
      add(
        'RECIPIENT_MISMATCH',
        'error',
        `Recipient is ${sc.recipient}, expected ${opts.acsUrl}`,
        `${APP_SAML}: set "Single sign-on URL" to ${opts.acsUrl} and tick "Use this for Recipient URL and Destination URL" (or pass --acs-url).`,
        'subjectConfirmation',
      );
    timeCheck(
      out,
      'SUBJECT_CONFIRMATION_EXPIRED',
      'SubjectConfirmationData NotOnOrAfter',
      sc.notOnOrAfter,
      'after',
      opts,
      loc('subjectConfirmation'),
    );
    out.push(
      sc.inResponseTo
        ? finding(
            'IN_RESPONSE_TO',
            'info',
            `answers the AuthnRequest ${sc.inResponseTo} (SP-initiated login)`,
            undefined,
            loc('subjectConfirmation'),
          )
        : finding(
            'IN_RESPONSE_TO_ABSENT',
            'info',
            'no InResponseTo: an IdP-initiated login (started from the Okta dashboard)',
            undefined,
            loc('subjectConfirmation'),
          ),
    );
  }
  for (const t of v.times) formatCheck(out, t.what, t.value, locOf(t.el, opts.file));
  timeCheck(out, 'ASSERTION_NOT_YET_VALID', 'Conditions NotBefore', v.conditions.notBefore, 'before', opts, loc('conditions'));
  timeCheck(out, 'ASSERTION_EXPIRED', 'Conditions NotOnOrAfter', v.conditions.notOnOrAfter, 'after', opts, loc('conditions'));

  if (v.nameId === null || v.nameId === '')
    add(
      'NAMEID_MISSING',
      'error',
      'the Assertion has no NameID',
      `${APP_SAML}: set "Name ID format" and "Application username" (e.g. EmailAddress / Email).`,
      'nameId',
    );
  else out.push(finding('NAMEID_FORMAT', 'info', `NameID format ${v.nameIdFormat ?? '(none: unspecified)'}`, undefined, loc('nameId')));

  out.push(...checkAttributes(v, user, opts));
  return out;
}
