/**
 * The catalogue of metadata finding codes. Stable: tests, CI users and SARIF rules match
 * on them, never on message text; docs/findings.md is generated from this object. XML-layer codes
 * live in src/core/xml/codes.ts, certificate codes in src/core/cert/codes.ts.
 */
import type { CodeInfo } from '../xml/codes.js';

/** Where the right document lives, in Okta's own words. */
export const VIEW_METADATA_HINT =
  'In Okta: Applications → your app → Sign On tab → "View IdP metadata" (or copy the "Metadata URL"), and use that document unchanged.';

export const METADATA_CODES = {
  MD_HTML_PAGE: {
    severity: 'error',
    title: 'An HTML page, not metadata',
    help: `A web page (often Okta's sign-in page) was saved instead of the metadata. ${VIEW_METADATA_HINT}`,
  },
  MD_SAML_RESPONSE: {
    severity: 'error',
    title: 'A SAML Response, not metadata',
    help: `This is a login response, not the IdP metadata. ${VIEW_METADATA_HINT}`,
  },
  MD_SP_METADATA: {
    severity: 'error',
    title: 'SP metadata, not IdP metadata',
    help: `This describes a service provider (it has SPSSODescriptor, no IDPSSODescriptor). ${VIEW_METADATA_HINT}`,
  },
  MD_PEM_GIVEN: {
    severity: 'error',
    title: 'A PEM file, not metadata',
    help: `This is a certificate or key (-----BEGIN …-----). Give it with --signer-cert or pin it with --fingerprint; the input must be the metadata XML. ${VIEW_METADATA_HINT}`,
  },
  MD_BASE64_GIVEN: {
    severity: 'error',
    title: 'Base64 text, not XML',
    help: 'The input is base64 (as in a SAMLResponse form field or a saved .b64 file): decode it first (base64 -d), then check the XML.',
  },
  MD_NOT_METADATA: {
    severity: 'error',
    title: 'Not SAML 2.0 metadata',
    help: `The root element is not md:EntityDescriptor (urn:oasis:names:tc:SAML:2.0:metadata). ${VIEW_METADATA_HINT}`,
  },
  MD_AGGREGATE_NEEDS_ENTITY_ID: {
    severity: 'error',
    title: 'Aggregate needs --entity-id',
    help: 'An EntitiesDescriptor holds several entities; pick one with --entity-id (never a silent first pick).',
  },
  MD_ENTITY_NOT_FOUND: {
    severity: 'error',
    title: '--entity-id not found',
    help: 'No EntityDescriptor in the document has that entityID; check the value.',
  },
  MD_ENTITY_ID_MISSING: {
    severity: 'error',
    title: 'entityID missing',
    help: `EntityDescriptor must carry an entityID. ${VIEW_METADATA_HINT}`,
  },
  MD_OKTA_ENTITY_ID: {
    severity: 'info',
    title: 'Okta entityID recognised',
    help: "The entityID has Okta's http://www.okta.com/<appId> form.",
  },
  MD_ENTITY_ID_HTTPS_OKTA: {
    severity: 'warning',
    title: 'entityID uses https://www.okta.com',
    help: 'Okta issues http://www.okta.com/<appId> (http) and puts exactly that in every response Issuer; an edited https form will not match. Download the metadata again.',
  },
  MD_ENTITY_ID_IS_METADATA_URL: {
    severity: 'error',
    title: 'The metadata URL was pasted as entityID',
    help: 'The entityID ("Identity Provider Issuer" in Okta\'s setup instructions) is http://www.okta.com/<appId>, not the metadata URL. Download the metadata instead of writing it by hand.',
  },
  MD_IDP_DESCRIPTOR_MISSING: {
    severity: 'error',
    title: 'No IDPSSODescriptor',
    help: `IdP metadata needs an IDPSSODescriptor. ${VIEW_METADATA_HINT}`,
  },
  MD_IDP_DESCRIPTOR_MULTIPLE: {
    severity: 'error',
    title: 'Several IDPSSODescriptors',
    help: 'Exactly one IDPSSODescriptor is expected; SAML stacks disagree on which one they use.',
  },
  MD_PROTOCOL_UNSUPPORTED: {
    severity: 'error',
    title: 'SAML 2.0 protocol not supported',
    help: 'protocolSupportEnumeration must list urn:oasis:names:tc:SAML:2.0:protocol.',
  },
  MD_SSO_MISSING: {
    severity: 'error',
    title: 'No usable SingleSignOnService',
    help: 'Polyaxon needs a SingleSignOnService with the HTTP-Redirect or HTTP-POST binding.',
  },
  MD_SSO_NOT_HTTPS: {
    severity: 'error',
    title: 'SSO URL is not https',
    help: 'Okta SSO URLs are always https://…; a different scheme is an edited or hostile document.',
  },
  MD_SSO_BAD_URL: {
    severity: 'error',
    title: 'SSO URL unusable',
    help: 'The Location must be an absolute https URL (never javascript:, data: or relative).',
  },
  MD_SSO_DUPLICATE_BINDING: {
    severity: 'error',
    title: 'Two SSO URLs for one binding',
    help: 'Okta lists exactly one SingleSignOnService per binding; a second Location for the same binding means the document was edited (a login could be sent elsewhere). In Okta: Applications → your app → Sign On tab → "View IdP metadata": download the metadata again and use it unchanged.',
  },
  MD_SSO_OTHER_BINDING: {
    severity: 'info',
    title: 'Other SSO binding',
    help: 'Bindings other than HTTP-Redirect/HTTP-POST are ignored by Polyaxon.',
  },
  MD_OKTA_HOST: {
    severity: 'info',
    title: 'Okta SSO host recognised',
    help: 'The SSO URL is on an Okta domain (okta.com, oktapreview.com, okta-emea.com).',
  },
  MD_OKTA_CUSTOM_DOMAIN: {
    severity: 'info',
    title: 'Okta custom domain',
    help: 'An Okta entityID with SSO on a custom domain: fine if your org set one up (Customizations → Domain).',
  },
  MD_OKTA_ADMIN_HOST: {
    severity: 'error',
    title: 'SSO URL on the Okta admin host',
    help: "Use the end-user org host (acme.okta.com), not the admin console host (acme-admin.okta.com). Download the metadata from the app's Sign On tab.",
  },
  MD_NAMEID_FORMAT_MISSING: {
    severity: 'warning',
    title: 'No NameIDFormat',
    help: 'Okta lists the NameID formats it can send; without any, the SP cannot ask for one.',
  },
  MD_WANT_AUTHN_REQUESTS_SIGNED: {
    severity: 'info',
    title: 'IdP wants signed AuthnRequests',
    help: 'WantAuthnRequestsSigned="true": Polyaxon must sign its AuthnRequests, or turn off "Signed Requests" in Okta.',
  },
  MD_BOOLEAN_INVALID: { severity: 'error', title: 'Invalid boolean', help: 'xs:boolean is true, false, 1 or 0.' },
  MD_VALID_UNTIL_EXPIRED: {
    severity: 'error',
    title: 'validUntil has passed',
    help: `The document says it is no longer valid; SAML stacks reject it. ${VIEW_METADATA_HINT}`,
  },
  MD_VALID_UNTIL_SOON: { severity: 'warning', title: 'validUntil is near', help: 'The document expires soon; plan to download it again.' },
  MD_VALID_UNTIL_INVALID: {
    severity: 'error',
    title: 'validUntil unreadable',
    help: 'validUntil must be an xs:dateTime such as 2030-01-01T00:00:00Z.',
  },
  MD_CACHE_DURATION: { severity: 'info', title: 'cacheDuration', help: 'How long the document may be cached before it is fetched again.' },
  MD_CACHE_DURATION_INVALID: {
    severity: 'warning',
    title: 'cacheDuration unreadable',
    help: 'cacheDuration must be an xs:duration such as PT1H.',
  },
  MD_NO_SIGNING_CERT: {
    severity: 'error',
    title: 'No signing certificate',
    help: `Polyaxon cannot verify any login without the IdP signing certificate. ${VIEW_METADATA_HINT}`,
  },
  MD_KEYINFO_WRONG_NAMESPACE: {
    severity: 'error',
    title: 'KeyInfo in the wrong namespace',
    help: 'ds:KeyInfo must be in http://www.w3.org/2000/09/xmldsig# (exactly, with http:); a blanket http→https rewrite breaks it. Download the metadata again.',
  },
  MD_KEYDESCRIPTOR_NO_CERT: {
    severity: 'warning',
    title: 'KeyDescriptor without certificate',
    help: 'A signing KeyDescriptor holds no X509Certificate; it cannot be used.',
  },
  MD_SIGNER_CERT_EXPIRED: {
    severity: 'warning',
    title: 'The --signer-cert is outside its validity',
    help: 'The signature verified, but the federation signer certificate has expired (or is not valid yet): get the current one from the federation operator. --strict makes this an error.',
  },
  MD_ENTITY_NOT_STANDALONE: {
    severity: 'error',
    title: 'Selected entity does not validate on its own',
    help: 'patch stores only the selected EntityDescriptor of an aggregate; it must be valid metadata by itself (namespaces, certificates, endpoints).',
  },
  MD_VALUE_WHITESPACE: {
    severity: 'error',
    title: 'Whitespace around a value',
    help: 'Remove the spaces, tabs or line breaks around the value: SAML libraries read it with them (another entityID, no matching Binding).',
  },
  MD_KEY_USE_INVALID: {
    severity: 'error',
    title: 'KeyDescriptor use is not signing or encryption',
    help: 'use must be exactly "signing", "encryption" or absent: python3-saml takes every key whose use does not contain "encryption" as a signing key, so any other value is read differently by different SAML libraries.',
  },
  MD_CERT_MISPLACED: {
    severity: 'error',
    title: 'Certificate where SAML libraries do not read it',
    help: 'Signing certificates are read only at md:KeyDescriptor/ds:KeyInfo/ds:X509Data/ds:X509Certificate; move it there or remove it.',
  },
  MD_ENCRYPTION_KEY_UNPINNED: {
    severity: 'warning',
    title: 'Encryption key differs from the pinned signing keys',
    help: "The pins cover the signing certificates only; this encryption key is another key. Check that it is the IdP's own (Okta never lists one).",
  },
  MD_OKTA_LOOKALIKE_HOST: {
    severity: 'warning',
    title: 'SSO host imitates Okta',
    help: 'The SSO host looks like an Okta domain but is not one (a lookalike or punycode spelling). Download the metadata from your Okta admin console; --strict makes this an error.',
  },
  MD_ENCRYPTION_ONLY_KEY: {
    severity: 'info',
    title: 'Encryption-only key ignored',
    help: 'KeyDescriptor use="encryption" never verifies signatures.',
  },
  MD_NEWEST_CERT: {
    severity: 'info',
    title: 'Several signing certificates',
    help: 'Okta is rotating keys; every listed certificate is trusted, the newest is marked.',
  },
  MD_FINGERPRINT_MISMATCH: {
    severity: 'error',
    title: 'Fingerprint does not match',
    help: 'Every signing certificate must match one of the --fingerprint pins (SAML libraries trust each of them): this is not the metadata you expected, or the key was rotated (pass both fingerprints during a rotation). Compare with Okta: Sign On tab → SAML Signing Certificates.',
  },
  MD_FINGERPRINT_MATCH: { severity: 'info', title: 'Fingerprint matches', help: 'A signing certificate has the pinned fingerprint.' },
  MD_UNSIGNED: {
    severity: 'info',
    title: 'Document not signed',
    help: 'Okta metadata is unsigned; its integrity rests on fetching it over https from Okta.',
  },
  MD_SIGNATURE_REQUIRED: {
    severity: 'error',
    title: 'Signature required',
    help: 'With --require-signature, an unsigned document is an error.',
  },
  MD_SIGNATURE_VERIFIED: {
    severity: 'info',
    title: 'Signature verified with a trusted signer',
    help: 'The document signature verified with a --signer-cert.',
  },
  MD_SIGNATURE_INTEGRITY_ONLY: {
    severity: 'info',
    title: 'Signature verified against its own embedded key only',
    help: 'This proves the document is intact, not who made it: anyone can sign with their own key. Pass the federation signer with --signer-cert.',
  },
} as const satisfies Record<string, CodeInfo>;

export type MetadataCode = keyof typeof METADATA_CODES;
