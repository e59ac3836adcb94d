import type { CodeInfo } from '../xml/codes.js';
/**
 * Catalogue of certificate finding codes (docs/design.md §5). Codes are the contract: tests
 * and users match on them, never on message text. `title` is the one-line meaning, `help` what
 * to do about it. The findings documentation can be generated from this object.
 */
export const ROTATE_HINT =
  'In Okta: Applications → your app → Sign On → SAML Signing Certificates → Generate new certificate, ' +
  'activate it, then download the IdP metadata again ("View IdP metadata") and update the config (polyaxon-sso patch).';

export const REDOWNLOAD_HINT =
  'Paste the certificate exactly as Okta gives it: in Okta, Applications → your app → Sign On → ' +
  '"View IdP metadata", and use that document unchanged.';

export const CERT_CODES = {
  CERT_EMPTY: { severity: 'error', title: 'The certificate element is empty', help: REDOWNLOAD_HINT },
  CERT_BASE64_INVALID: {
    severity: 'error',
    title: 'The certificate text is not strict base64 (only A-Z a-z 0-9 + / = and whitespace)',
    help: REDOWNLOAD_HINT,
  },
  CERT_PLACEHOLDER: {
    severity: 'error',
    title: 'The certificate element holds placeholder text, not a certificate',
    help: 'Replace it with the signing certificate from the metadata Okta generates ("View IdP metadata").',
  },
  CERT_PEM_BLOCK: {
    severity: 'error',
    title: 'A PEM block (-----BEGIN …-----) was pasted inside the element',
    help: 'Keep only the base64 lines between -----BEGIN CERTIFICATE----- and -----END CERTIFICATE-----.',
  },
  CERT_PEM_IN_BASE64: {
    severity: 'error',
    title: 'The base64 decodes to a PEM block: the PEM file was base64-encoded a second time',
    help: 'Put the base64 lines of the PEM file in the element, not the base64 of the whole file.',
  },
  CERT_IS_PRIVATE_KEY: {
    severity: 'error',
    title: 'A private key was pasted where a certificate belongs',
    help: 'Remove it now and treat the key as leaked: IdP metadata carries only the public certificate. ' + ROTATE_HINT,
  },
  CERT_IS_PUBLIC_KEY: {
    severity: 'error',
    title: 'A bare public key was pasted where a certificate belongs',
    help: 'SAML metadata needs the X.509 certificate, not only its key. ' + REDOWNLOAD_HINT,
  },
  CERT_IS_CSR: {
    severity: 'error',
    title: 'A certificate signing request (PKCS#10) was pasted where a certificate belongs',
    help: 'A CSR is not a certificate. ' + REDOWNLOAD_HINT,
  },
  CERT_IS_PKCS7: {
    severity: 'error',
    title: 'A PKCS#7 bundle was pasted where a single certificate belongs',
    help: 'Extract the signing certificate (openssl pkcs7 -print_certs) and paste only its base64.',
  },
  CERT_MULTIPLE: {
    severity: 'error',
    title: 'Several certificates are concatenated in one element',
    help: 'Put each certificate in its own KeyDescriptor; one X509Certificate holds exactly one certificate.',
  },
  CERT_TRAILING_BYTES: {
    severity: 'error',
    title: 'Bytes follow the end of the certificate (decoded length is larger than its DER length)',
    help: REDOWNLOAD_HINT,
  },
  CERT_TRUNCATED: {
    severity: 'error',
    title: 'The certificate is cut short (decoded length is smaller than its DER length)',
    help: REDOWNLOAD_HINT,
  },
  CERT_UNDECODABLE: { severity: 'error', title: 'The base64 decodes, but not to an X.509 certificate', help: REDOWNLOAD_HINT },
  CERT_NOT_DER: {
    severity: 'error',
    title: 'The certificate is BER, not DER',
    help:
      'A length is not in its shortest (DER) form: OpenSSL and SAML libraries re-encode it, so fingerprints and pins would not match. ' +
      REDOWNLOAD_HINT,
  },
  CERT_EXPIRED: { severity: 'error', title: 'The certificate has expired', help: ROTATE_HINT },
  CERT_NOT_YET_VALID: {
    severity: 'error',
    title: 'The certificate is not valid yet',
    help: "Check the clock (--now) and that Okta's active certificate is the one in the metadata. " + ROTATE_HINT,
  },
  CERT_EXPIRING_SOON: { severity: 'warning', title: 'The certificate expires within --min-days', help: ROTATE_HINT },
  CERT_WEAK_KEY: { severity: 'error', title: 'The key is too small (RSA below 2048 bits, EC below 256 bits)', help: ROTATE_HINT },
  CERT_SHA1_SIGNATURE: {
    severity: 'warning',
    title: 'The certificate is signed with SHA-1',
    help:
      'A self-signed SAML certificate is trusted by pinning, so this is not fatal, but Okta issues SHA-256 certificates: ' + ROTATE_HINT,
  },
  CERT_MD5_SIGNATURE: { severity: 'error', title: 'The certificate is signed with MD5 (or MD2/MD4)', help: ROTATE_HINT },
  CERT_SELF_SIGNATURE_INVALID: {
    severity: 'warning',
    title: 'The certificate names itself as issuer but its self-signature does not verify',
    help: 'The certificate was altered after it was issued. ' + REDOWNLOAD_HINT,
  },
  CERT_UNSUPPORTED_KEY: {
    severity: 'error',
    title: 'The public key type cannot sign SAML messages (DSA, X25519, an unknown algorithm or curve)',
    help: ROTATE_HINT,
  },
  CERT_NON_RSA_KEY: {
    severity: 'warning',
    title: 'The key is not RSA: Okta signs SAML with RSA and xml-crypto verifies RSA only',
    help: 'Use the RSA signing certificate Okta generates for the app. ' + ROTATE_HINT,
  },
} as const satisfies Record<string, CodeInfo>;

export type CertCode = keyof typeof CERT_CODES;
