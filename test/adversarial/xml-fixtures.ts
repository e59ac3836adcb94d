import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignedXml } from 'xml-crypto';

/**
 * Builders for hostile metadata (issue 8). The base is shaped like Okta's export (DESIGN.md §2):
 * one EntityDescriptor, one IDPSSODescriptor, one signing KeyDescriptor, POST + Redirect SSO.
 * Signed variants are made here with xml-crypto's SignedXml and the fixture keys (never real keys).
 */
export const CERTS = join(process.cwd(), 'fixtures', 'certs');
export const pem = (name: string): string => readFileSync(join(CERTS, name), 'utf8');
/** The base64 body of a PEM file, wrapped at 64 like Okta's export. */
export const b64 = (name: string): string =>
  pem(name)
    .replace(/-----[^-]+-----/g, '')
    .replace(/\s+/g, '')
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
  sx.computeSignature(xml, { prefix: 'ds', location: { reference: `${xpath}/*[1]`, action: 'before' } });
  return sx.getSignedXml();
}
