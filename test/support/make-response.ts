/**
 * Test helper: builds Okta-shaped SAML responses signed with the fixture keys (fixtures/certs),
 * with one knob per defect, and encrypts assertions the way Okta does (RSA-OAEP + AES), so every
 * check in check-response has a response that passes it and one that fails it.
 */
import { constants, createCipheriv, publicEncrypt, randomBytes } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import { TEST_CLOCK } from './clock.js';
import { readCertPem, readKeyPem, type FixtureCertName } from './fixture-certs.js';

export const SP = { host: 'polyaxon.acme.com', org: 'acme' };
export const ACS = 'https://polyaxon.acme.com/sso/okta/acs/acme';
export const AUDIENCE = 'https://polyaxon.acme.com/sso/okta/metadata/acme';
export const IDP_ENTITY = 'http://www.okta.com/exk1fixture0000000h7';
/** The instant the fixture responses are issued at; pass it as --now. */
export const ISSUED = TEST_CLOCK.toISOString();

const EXC = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

export interface ResponseSpec {
  issuer?: string;
  audience?: string;
  recipient?: string;
  destination?: string | null;
  status?: string;
  nameId?: string;
  inResponseTo?: string | null;
  notBefore?: string;
  notOnOrAfter?: string;
  subjectNotOnOrAfter?: string;
  attributes?: Record<string, string[]>;
  /** Which elements to sign, and with which fixture key. */
  signAssertion?: boolean;
  signResponse?: boolean;
  key?: FixtureCertName;
  /** Edits applied to the Assertion text before it is signed (shapes Okta never sends, still signed). */
  editAssertion?: (xml: string) => string;
  /** Edits applied to the Response text before it is signed. */
  editResponse?: (xml: string) => string;
  /** Edits applied to the final text (after signing): the tampering knob. */
  after?: (xml: string) => string;
  /** Replace the Assertion by an EncryptedAssertion for this SP cert (after signing the assertion). */
  encryptFor?: FixtureCertName;
  encryption?: Partial<EncryptionSpec>;
  /** A bare Assertion document instead of a Response. */
  bare?: boolean;
}

export const DEFAULT_ATTRS = { email: ['jane.doe@acme.com'], firstName: ['Jane'], lastName: ['Doe'], groups: ['ml-team', 'admins'] };

export function assertionXml(s: ResponseSpec = {}): string {
  const attrs = Object.entries(s.attributes ?? DEFAULT_ATTRS)
    .map(
      ([n, vs]) =>
        `<saml2:Attribute Name="${n}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified">${vs.map((v) => `<saml2:AttributeValue xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xs:string">${v}</saml2:AttributeValue>`).join('')}</saml2:Attribute>`,
    )
    .join('');
  const irt = s.inResponseTo === null ? '' : ` InResponseTo="${s.inResponseTo ?? 'id-req-42'}"`;
  return (
    `<saml2:Assertion xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" ID="id-assertion-1" IssueInstant="${ISSUED}" Version="2.0">` +
    `<saml2:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">${s.issuer ?? IDP_ENTITY}</saml2:Issuer>` +
    `<saml2:Subject><saml2:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${s.nameId ?? 'jane.doe@acme.com'}</saml2:NameID>` +
    `<saml2:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml2:SubjectConfirmationData${irt} NotOnOrAfter="${s.subjectNotOnOrAfter ?? '2026-06-01T00:05:00.000Z'}" Recipient="${s.recipient ?? ACS}"/></saml2:SubjectConfirmation></saml2:Subject>` +
    `<saml2:Conditions NotBefore="${s.notBefore ?? '2026-05-31T23:55:00.000Z'}" NotOnOrAfter="${s.notOnOrAfter ?? '2026-06-01T00:05:00.000Z'}"><saml2:AudienceRestriction><saml2:Audience>${s.audience ?? AUDIENCE}</saml2:Audience></saml2:AudienceRestriction></saml2:Conditions>` +
    `<saml2:AuthnStatement AuthnInstant="${ISSUED}" SessionIndex="id-assertion-1"><saml2:AuthnContext><saml2:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml2:AuthnContextClassRef></saml2:AuthnContext></saml2:AuthnStatement>` +
    `<saml2:AttributeStatement>${attrs}</saml2:AttributeStatement></saml2:Assertion>`
  );
}

export function sign(xml: string, target: 'Assertion' | 'Response', key: FixtureCertName = 'okta-like'): string {
  const sx = new SignedXml({
    privateKey: readKeyPem(key),
    publicCert: readCertPem(key),
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: EXC,
  });
  const el = `//*[local-name(.)='${target}']`;
  sx.addReference({ xpath: el, transforms: [ENVELOPED, EXC], digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256' });
  sx.computeSignature(xml, { prefix: 'ds', location: { reference: `${el}/*[local-name(.)='Issuer']`, action: 'after' } });
  return sx.getSignedXml();
}

export function makeResponse(s: ResponseSpec = {}): string {
  let assertion = (s.editAssertion ?? ((x) => x))(assertionXml(s));
  if (s.signAssertion ?? true) assertion = sign(assertion, 'Assertion', s.key);
  if (s.bare) return (s.after ?? ((x) => x))(assertion);
  if (s.encryptFor) assertion = encryptAssertion(assertion, s.encryptFor, s.encryption);
  const dest = s.destination === null ? '' : ` Destination="${s.destination ?? ACS}"`;
  const irt = s.inResponseTo === null ? '' : ` InResponseTo="${s.inResponseTo ?? 'id-req-42'}"`;
  let xml =
    `<?xml version="1.0" encoding="UTF-8"?><saml2p:Response xmlns:saml2p="urn:oasis:names:tc:SAML:2.0:protocol"${dest} ID="id-response-1"${irt} IssueInstant="${ISSUED}" Version="2.0">` +
    `<saml2:Issuer xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">${s.issuer ?? IDP_ENTITY}</saml2:Issuer>` +
    `<saml2p:Status><saml2p:StatusCode Value="${s.status ?? 'urn:oasis:names:tc:SAML:2.0:status:Success'}"/></saml2p:Status>${assertion}</saml2p:Response>`;
  xml = (s.editResponse ?? ((x) => x))(xml);
  if (s.signResponse ?? true) xml = sign(xml, 'Response', s.key);
  return (s.after ?? ((x) => x))(xml);
}

export interface EncryptionSpec {
  data: 'aes256-cbc' | 'aes128-cbc' | 'aes128-gcm' | 'aes256-gcm' | 'tripledes-cbc';
  key: 'rsa-oaep-mgf1p' | 'rsa-1_5';
  /** EncryptedKey inside KeyInfo, or beside EncryptedData referenced by ds:RetrievalMethod. */
  placement: 'inline' | 'retrieval-method';
}

export function encryptAssertion(assertion: string, spCert: FixtureCertName, e: Partial<EncryptionSpec> = {}): string {
  const spec: EncryptionSpec = { data: 'aes256-cbc', key: 'rsa-oaep-mgf1p', placement: 'inline', ...e };
  const gcm = spec.data.endsWith('gcm');
  const cek = randomBytes(spec.data.startsWith('aes128') ? 16 : spec.data === 'tripledes-cbc' ? 24 : 32);
  const iv = randomBytes(gcm ? 12 : spec.data === 'tripledes-cbc' ? 8 : 16);
  const cipherName = spec.data === 'tripledes-cbc' ? 'des-ede3-cbc' : `aes-${cek.length * 8}-${gcm ? 'gcm' : 'cbc'}`;
  const c = createCipheriv(cipherName, cek, iv);
  const body = Buffer.concat([c.update(assertion, 'utf8'), c.final()]);
  const tag = gcm ? (c as unknown as { getAuthTag(): Buffer }).getAuthTag() : Buffer.alloc(0);
  const padding = spec.key === 'rsa-1_5' ? constants.RSA_PKCS1_PADDING : constants.RSA_PKCS1_OAEP_PADDING;
  const ek = publicEncrypt({ key: readCertPem(spCert), padding, oaepHash: 'sha1' }, cek).toString('base64');
  const ns = spec.data.endsWith('gcm') ? 'http://www.w3.org/2009/xmlenc11#' : 'http://www.w3.org/2001/04/xmlenc#';
  const encKey = `<xenc:EncryptedKey Id="ek-1"><xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#${spec.key}"><ds:DigestMethod xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/></xenc:EncryptionMethod><xenc:CipherData><xenc:CipherValue>${ek}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey>`;
  const keyInfo =
    spec.placement === 'inline' ? encKey : '<ds:RetrievalMethod URI="#ek-1" Type="http://www.w3.org/2001/04/xmlenc#EncryptedKey"/>';
  return `<saml2:EncryptedAssertion xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion"><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" Type="http://www.w3.org/2001/04/xmlenc#Element"><xenc:EncryptionMethod Algorithm="${ns}${spec.data}"/><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">${keyInfo}</ds:KeyInfo><xenc:CipherData><xenc:CipherValue>${Buffer.concat([iv, body, tag]).toString('base64')}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData>${spec.placement === 'retrieval-method' ? encKey.replace('<xenc:EncryptedKey', '<xenc:EncryptedKey xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"') : ''}</saml2:EncryptedAssertion>`;
}

/** Okta-shaped IdP metadata for the fixture cert(s), for --metadata and --config tests. */
export function metadataXml(certs: FixtureCertName[] = ['okta-like'], entityId = IDP_ENTITY): string {
  const kd = certs
    .map(
      (c) =>
        `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${readCertPem(
          c,
        )
          .replace(/-----(BEGIN|END) CERTIFICATE-----/g, '')
          .trim()}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${entityId}"><md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${kd}<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat><md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://acme.okta.com/app/acme_polyaxon_1/exk1fixture0000000h7/sso/saml"/><md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://acme.okta.com/app/acme_polyaxon_1/exk1fixture0000000h7/sso/saml"/></md:IDPSSODescriptor></md:EntityDescriptor>`;
}
