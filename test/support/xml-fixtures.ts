import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignedXml } from 'xml-crypto';
import { CERTS_DIR, pemBody } from './fixture-certs.js';
import { ACS, AUDIENCE, SP } from './make-response.js';

/**
 * Builders for hostile metadata. The base is shaped like Okta's export (docs/design.md §2):
 * one EntityDescriptor, one IDPSSODescriptor, one signing KeyDescriptor, POST + Redirect SSO.
 * Signed variants are made here with xml-crypto's SignedXml and the fixture keys (never real keys).
 */
export const CERTS = CERTS_DIR;
export const pem = (name: string): string => readFileSync(join(CERTS, name), 'utf8');
/** The base64 body of a PEM file, wrapped at 64 like Okta's export. */
export const b64 = (name: string): string =>
  pemBody(pem(name))
    .match(/.{1,64}/g)!
    .join('\n');

export const ENTITY_ID = 'http://www.okta.com/exk1fixture0000000';
export const SSO_URL = 'https://dev-000000.okta.com/app/dev-000000_polyaxon_1/exk1fixture0000000/sso/saml';
export const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
export const DS = 'http://www.w3.org/2000/09/xmldsig#';
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

export interface MetadataParts {
  entityId?: string;
  /** Text placed inside <ds:X509Certificate>, verbatim. */
  certText?: string;
  keyDescriptor?: string;
  sso?: string;
  /** Extra markup inside IDPSSODescriptor, after SSO. */
  idpExtra?: string;
  /** Extra markup inside EntityDescriptor, after IDPSSODescriptor. */
  rootExtra?: string;
  /** Markup before IDPSSODescriptor (e.g. a ds:Signature). */
  rootFirst?: string;
  id?: string;
  mdNs?: string;
  declaration?: boolean;
}

export function keyDescriptor(certText: string, use = 'signing'): string {
  return `<md:KeyDescriptor use="${use}"><ds:KeyInfo xmlns:ds="${DS}"><ds:X509Data><ds:X509Certificate>${certText}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
}

export function ssoServices(post = SSO_URL, redirect = SSO_URL): string {
  return `<md:SingleSignOnService Binding="${POST}" Location="${post}"/><md:SingleSignOnService Binding="${REDIRECT}" Location="${redirect}"/>`;
}

export function metadata(p: MetadataParts = {}): string {
  const kd = p.keyDescriptor ?? keyDescriptor(p.certText ?? b64('okta-like.cert.pem'));
  const id = p.id === undefined ? '' : ` ID="${p.id}"`;
  return (
    `${p.declaration === false ? '' : '<?xml version="1.0" encoding="UTF-8"?>'}` +
    `<md:EntityDescriptor xmlns:md="${p.mdNs ?? MD}" entityID="${p.entityId ?? ENTITY_ID}"${id}>` +
    `${p.rootFirst ?? ''}` +
    `<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
    `${kd}` +
    `<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>` +
    `${p.sso ?? ssoServices()}${p.idpExtra ?? ''}` +
    `</md:IDPSSODescriptor>${p.rootExtra ?? ''}</md:EntityDescriptor>`
  );
}

export interface SignOptions {
  key?: string;
  cert?: string;
  /** Reference URI: '' (whole document) or '#id'. Default: '#<root ID>' when it has one, else ''. */
  reference?: string;
  xpath?: string;
  signatureAlgorithm?: string;
  digestAlgorithm?: string;
  transforms?: string[];
  /** Put the signer's cert in KeyInfo (what an attacker does with their own key). */
  keyInfo?: boolean;
  /** Where the Signature goes (default: before the first child of the signed element). */
  location?: { reference: string; action: 'after' | 'before' | 'append' | 'prepend' };
}

const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';

/** Signs the element at `xpath` (default: the root) with an enveloped signature, as IdPs do. */
export function sign(xml: string, o: SignOptions = {}): string {
  const privateKey = pem(o.key ?? 'okta-like.key.pem');
  const publicCert = pem(o.cert ?? 'okta-like.cert.pem');
  const sx = new SignedXml({
    privateKey,
    publicCert,
    signatureAlgorithm: o.signatureAlgorithm ?? RSA_SHA256,
    canonicalizationAlgorithm: EXC_C14N,
  });
  if (o.keyInfo === false) sx.getKeyInfoContent = () => null;
  const xpath = o.xpath ?? '/*';
  sx.addReference({
    xpath,
    digestAlgorithm: o.digestAlgorithm ?? SHA256,
    transforms: o.transforms ?? [ENVELOPED, EXC_C14N],
    ...(o.reference === '' ? { isEmptyUri: true } : {}),
  });
  sx.computeSignature(xml, { prefix: 'ds', location: o.location ?? { reference: `${xpath}/*[1]`, action: 'before' } });
  return sx.getSignedXml();
}

export const HOST = SP.host;
export { ACS, AUDIENCE };
const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol';

export interface ResponseParts {
  nameId?: string;
  assertionId?: string;
  responseId?: string;
  issuer?: string;
  /** ISO times: the assertion is valid from `from` for 5 minutes. */
  from?: string;
  /** Extra markup inside the Response after the Assertion. */
  responseExtra?: string;
}

/** An Okta-shaped assertion (issuer, bearer confirmation, audience, the four attributes). */
export function assertion(p: ResponseParts = {}): string {
  const from = new Date(p.from ?? '2026-05-31T23:59:00Z');
  const until = new Date(from.getTime() + 5 * 60_000).toISOString();
  const attr = (n: string, v: string) =>
    `<saml2:Attribute Name="${n}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified"><saml2:AttributeValue>${v}</saml2:AttributeValue></saml2:Attribute>`;
  return (
    `<saml2:Assertion xmlns:saml2="${SAML}" ID="${p.assertionId ?? 'id-assertion'}" IssueInstant="${from.toISOString()}" Version="2.0">` +
    `<saml2:Issuer>${p.issuer ?? ENTITY_ID}</saml2:Issuer>` +
    `<saml2:Subject><saml2:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${p.nameId ?? 'alice@acme.com'}</saml2:NameID>` +
    `<saml2:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml2:SubjectConfirmationData NotOnOrAfter="${until}" Recipient="${ACS}"/></saml2:SubjectConfirmation></saml2:Subject>` +
    `<saml2:Conditions NotBefore="${from.toISOString()}" NotOnOrAfter="${until}"><saml2:AudienceRestriction><saml2:Audience>${AUDIENCE}</saml2:Audience></saml2:AudienceRestriction></saml2:Conditions>` +
    `<saml2:AuthnStatement AuthnInstant="${from.toISOString()}"><saml2:AuthnContext><saml2:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml2:AuthnContextClassRef></saml2:AuthnContext></saml2:AuthnStatement>` +
    `<saml2:AttributeStatement>${attr('email', 'alice@acme.com')}${attr('firstName', 'Alice')}${attr('lastName', 'Doe')}${attr('groups', 'Everyone')}</saml2:AttributeStatement>` +
    `</saml2:Assertion>`
  );
}

const AFTER_ISSUER = (el: string) => ({ reference: `//*[local-name()='${el}']/*[local-name()='Issuer']`, action: 'after' as const });

/** Signs the Assertion inside `xml` (after its Issuer, as Okta does). */
export function signAssertion(xml: string, o: SignOptions = {}): string {
  return sign(xml, { xpath: "//*[local-name()='Assertion']", location: AFTER_ISSUER('Assertion'), ...o });
}

/** A Response around `inner` (default: an assertion), unsigned. */
export function response(inner: string = assertion(), p: ResponseParts = {}): string {
  return (
    `<saml2p:Response xmlns:saml2p="${SAMLP}" Destination="${ACS}" ID="${p.responseId ?? 'id-response'}" IssueInstant="2026-05-31T23:59:00Z" Version="2.0">` +
    `<saml2:Issuer xmlns:saml2="${SAML}">${p.issuer ?? ENTITY_ID}</saml2:Issuer>` +
    `<saml2p:Status><saml2p:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></saml2p:Status>${inner}${p.responseExtra ?? ''}</saml2p:Response>`
  );
}

/** Okta's usual shape: the assertion signed, then the response signed around it. */
export function signedResponse(p: ResponseParts = {}, o: SignOptions = {}): string {
  const signedAssertion = signAssertion(response(assertion(p), p), o);
  return sign(signedAssertion, { xpath: "/*[local-name()='Response']", location: AFTER_ISSUER('Response'), ...o });
}
