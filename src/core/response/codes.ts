/**
 * The catalogue of check-response finding codes. Stable: tests and users match on them,
 * never on message text; docs/findings.md and docs/check-response.md list them from here.
 * Signature and XML-layer codes (XML_SIGNATURE_*, XML_*) are in src/core/xml/codes.ts; a trusted
 * cert's own problems are refused earlier, by src/core/cert.
 */
import type { CodeInfo } from '../xml/codes.js';

const APP = 'In Okta: Applications → your app → General → SAML Settings → Edit';

export const RESPONSE_CODES = {
  RESPONSE_NOT_SAML: {
    severity: 'error',
    title: 'Not a SAML 2.0 Response or Assertion',
    help: 'Capture the SAMLResponse POSTed to the ACS URL (SAML-tracer or a HAR file).',
  },
  RESPONSE_DUPLICATE_ID: {
    severity: 'error',
    title: 'An ID occurs twice',
    help: 'Okta never repeats an ID; a copy of a signed element is the classic signature-wrapping attack.',
  },
  RESPONSE_UNSIGNED: {
    severity: 'error',
    title: 'Neither Response nor Assertion signed',
    help: 'An unsigned response must never log anyone in; keep "Response" and "Assertion Signature" on Signed in Okta.',
  },
  RESPONSE_STATUS_MISSING: {
    severity: 'error',
    title: 'No StatusCode',
    help: 'The capture is incomplete; capture the POST to the ACS URL again.',
  },
  RESPONSE_STATUS_NOT_SUCCESS: {
    severity: 'error',
    title: 'Okta reported a failure',
    help: 'Check the user is assigned to the app (Okta → app → Assignments) and the Okta System Log.',
  },
  RESPONSE_DESTINATION_MISMATCH: {
    severity: 'error',
    title: 'Destination is not our ACS URL',
    help: `${APP}: "Single sign-on URL" must be the ACS URL \`polyaxon-sso urls\` prints (or use --acs-url behind a proxy).`,
  },
  RESPONSE_ISSUER_MISMATCH: {
    severity: 'error',
    title: 'Response Issuer is another IdP',
    help: "The metadata in the config belongs to another Okta app; download this app's IdP metadata and run `polyaxon-sso patch`.",
  },
  ASSERTION_MISSING: {
    severity: 'error',
    title: 'No Assertion',
    help: 'The login did not produce an assertion; check the Status and the Okta System Log.',
  },
  ASSERTION_MULTIPLE: {
    severity: 'error',
    title: 'More than one Assertion',
    help: 'Okta sends exactly one; extra ones are signature wrapping (java-saml, ruby-saml: "must contain 1 assertion").',
  },
  ASSERTION_MISPLACED: {
    severity: 'error',
    title: 'Assertion not directly in the Response',
    help: 'Okta puts the assertion directly in the Response; anything else is signature wrapping.',
  },
  ASSERTION_ISSUER_MISSING: { severity: 'error', title: 'Assertion without Issuer', help: 'The response is not from Okta or was damaged.' },
  ASSERTION_ISSUER_MISMATCH: {
    severity: 'error',
    title: 'Issuer is not the metadata entityID',
    help: "The metadata in the config belongs to another Okta app; download this app's IdP metadata and run `polyaxon-sso patch`.",
  },
  ASSERTION_EXPIRED: {
    severity: 'error',
    title: 'Conditions NotOnOrAfter passed',
    help: 'Pass --now with the capture time for an old capture; otherwise sync clocks (NTP) or measure with --clock-skew.',
  },
  ASSERTION_NOT_YET_VALID: {
    severity: 'error',
    title: 'Conditions NotBefore in the future',
    help: 'The clocks differ: sync the Polyaxon hosts with NTP, or measure with --clock-skew.',
  },
  SUBJECT_CONFIRMATION_MISSING: {
    severity: 'error',
    title: 'No SubjectConfirmation',
    help: 'Okta always sends a bearer SubjectConfirmation; the response was damaged.',
  },
  SUBJECT_CONFIRMATION_NOT_BEARER: {
    severity: 'error',
    title: 'SubjectConfirmation is not bearer',
    help: 'Web browser SSO needs the bearer method (SAML profiles §4.1.4.2).',
  },
  SUBJECT_CONFIRMATION_EXPIRED: {
    severity: 'error',
    title: 'SubjectConfirmationData NotOnOrAfter passed',
    help: 'As ASSERTION_EXPIRED: --now for old captures, NTP or --clock-skew otherwise.',
  },
  RECIPIENT_MISSING: {
    severity: 'error',
    title: 'No Recipient',
    help: `${APP}: keep "Use this for Recipient URL and Destination URL" ticked.`,
  },
  RECIPIENT_MISMATCH: {
    severity: 'error',
    title: 'Recipient is not our ACS URL',
    help: `${APP}: set "Single sign-on URL" to the ACS URL and tick "Use this for Recipient URL and Destination URL".`,
  },
  AUDIENCE_MISSING: {
    severity: 'warning',
    title: 'No AudienceRestriction',
    help: `${APP}: set "Audience URI (SP Entity ID)" to the SP entity ID \`polyaxon-sso urls\` prints.`,
  },
  AUDIENCE_MISMATCH: {
    severity: 'error',
    title: 'Audience is not our SP entity ID',
    help: `${APP}: set "Audience URI (SP Entity ID)" to the SP entity ID (or use --audience).`,
  },
  TIME_INVALID: {
    severity: 'error',
    title: 'A time that is not an xs:dateTime with a zone',
    help: "Okta writes UTC times (2026-06-01T00:05:00.000Z); a time without Z or ±hh:mm would be read in the machine's zone, so it is refused.",
  },
  CONDITIONS_MULTIPLE: {
    severity: 'error',
    title: 'More than one Conditions element',
    help: 'SAML core §2.3.3 allows one; SPs that read different ones disagree on the limits, so the response was tampered with.',
  },
  IN_RESPONSE_TO: { severity: 'info', title: 'SP-initiated login', help: 'The response answers the AuthnRequest named here.' },
  IN_RESPONSE_TO_ABSENT: { severity: 'info', title: 'IdP-initiated login', help: 'Started from the Okta dashboard; Polyaxon accepts it.' },
  IN_RESPONSE_TO_INCONSISTENT: {
    severity: 'error',
    title: 'InResponseTo differs between Response and SubjectConfirmationData',
    help: 'Okta writes the same value on both; parts of two responses were combined.',
  },
  IN_RESPONSE_TO_MISMATCH: {
    severity: 'error',
    title: 'The response answers another AuthnRequest than --request-id',
    help: 'Capture the response of the login you started, or leave out --request-id for an IdP-initiated login.',
  },
  NAMEID_MISSING: { severity: 'error', title: 'No NameID', help: `${APP}: set "Name ID format" and "Application username".` },
  NAMEID_FORMAT: { severity: 'info', title: 'NameID format', help: 'The NameID format Okta sent (EmailAddress is usual for Polyaxon).' },
  ATTRIBUTE_MISSING: {
    title: 'A Polyaxon attribute is missing',
    help: `${APP} → Attribute Statements; \`polyaxon-sso urls\` prints them (email is required, names and groups recommended). When a near name is present (Email for email) the message says "did you mean": rename the statement or pass --attr-*.`,
  },
  ATTRIBUTE_EMAIL_INVALID: {
    severity: 'warning',
    title: 'The email attribute is not an email',
    help: 'Map the email attribute statement to user.email.',
  },
  GROUPS_OUTSIDE_FILTER: {
    severity: 'warning',
    title: 'Groups outside --groups-filter',
    help: 'The Okta group filter and --groups-filter differ; align the Group Attribute Statement filter.',
  },
  GROUPS_FILTER_VALUE_TOO_LONG: {
    severity: 'warning',
    title: 'Group values too long to match',
    help: 'Values over 256 characters are not matched against --groups-filter (Okta group names are at most 255): check the Group Attribute Statement.',
  },
  GROUPS_FILTER_TIMEOUT: {
    severity: 'warning',
    title: '--groups-filter did not finish in time',
    help: 'The regex backtracks catastrophically on the group values (nested quantifiers such as (a+)+); simplify it, in Okta too.',
  },
  ENCRYPTED_ASSERTION_NO_KEY: {
    severity: 'error',
    title: 'Encrypted assertion, no --sp-key',
    help: 'Pass the private key of the encryption certificate uploaded to Okta with --sp-key.',
  },
  DECRYPT_KEY_INVALID: {
    severity: 'error',
    title: '--sp-key is not a private key',
    help: 'Give the PEM private key (PKCS#8 or PKCS#1) of the encryption certificate.',
  },
  DECRYPT_MALFORMED: { severity: 'error', title: 'EncryptedAssertion is incomplete', help: 'The response is damaged; capture it again.' },
  DECRYPT_ALGORITHM_REFUSED: {
    severity: 'error',
    title: 'Encryption algorithm not allowed',
    help: "Allowed: RSA-OAEP key transport (RSA 1.5 is a padding oracle) and AES-CBC/GCM content; set them in Okta's encryption settings.",
  },
  DECRYPT_FAILED: {
    severity: 'error',
    title: 'Cannot decrypt',
    help: 'Okta encrypted for another certificate (or the ciphertext is damaged): upload the certificate of --sp-key in Okta, or use the matching key. One message for every cause, so it is no padding oracle.',
  },
  DECRYPTED_NOT_ASSERTION: {
    severity: 'error',
    title: 'Decrypted content is not one Assertion',
    help: 'The EncryptedAssertion was tampered with, or encrypted for another key.',
  },
  CAPTURE_NOT_POSTED_TO_ACS: {
    severity: 'warning',
    title: 'No POST to our ACS URL in the capture',
    help: 'Okta posts to its "Single sign-on URL": set it to the ACS URL, or pass --acs-url.',
  },
  CAPTURE_SEVERAL_RESPONSES: { severity: 'info', title: 'Several responses in the capture', help: 'The last one is checked.' },
  TRUST_CERT_EXPIRED: {
    severity: 'warning',
    title: 'Trusted certificate expired',
    help: 'Activate the new signing certificate in Okta and run `polyaxon-sso patch` with the new metadata.',
  },
  TRUST_CERT_NOT_YET_VALID: { severity: 'warning', title: 'Trusted certificate not yet valid', help: 'Check --now and the machine clock.' },
} as const satisfies Record<string, CodeInfo>;

export type ResponseCode = keyof typeof RESPONSE_CODES;
