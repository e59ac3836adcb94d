// Metadata documents for the benchmark: Okta-shaped EntityDescriptors (the daily case, ~3-5 KB)
// and federation-style EntitiesDescriptor aggregates (~2.5 KB per entity, like the issue's
// 1k = 2.5 MB, 10k = 25 MB measurements). Templates carry an empty ds:Signature that xmlsec1 fills.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { certBody } from './keys.mjs';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

/** An enveloped-signature template (exc-c14n, rsa-sha256) as SAML metadata signers emit it. */
export function signatureTemplate(id, indent = '') {
  return (
    `${indent}<ds:Signature xmlns:ds="${DS}"><ds:SignedInfo>` +
    '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>' +
    '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>' +
    `<ds:Reference URI="#${id}"><ds:Transforms>` +
    `<ds:Transform Algorithm="${DS}enveloped-signature"/>` +
    '<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms>' +
    '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue/>' +
    '</ds:Reference></ds:SignedInfo><ds:SignatureValue/><ds:KeyInfo><ds:X509Data/></ds:KeyInfo></ds:Signature>\n'
  );
}

function keyDescriptor(pem, indent) {
  const body = certBody(pem);
  return (
    `${indent}<md:KeyDescriptor use="signing">\n${indent}  <ds:KeyInfo xmlns:ds="${DS}">\n` +
    `${indent}    <ds:X509Data>\n${indent}      <ds:X509Certificate>${body}</ds:X509Certificate>\n` +
    `${indent}    </ds:X509Data>\n${indent}  </ds:KeyInfo>\n${indent}</md:KeyDescriptor>\n`
  );
}

/** Okta's app metadata shape (docs/design.md §2): one IdP, one signing cert, SLO + SSO, 2 NameIDFormats. */
export function oktaMetadata({ org, appId, pem, signedId }) {
  const app = `https://${org}.okta.com/app/${org}_polyaxon_1/${appId}`;
  const idAttr = signedId ? ` ID="${signedId}"` : '';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<md:EntityDescriptor xmlns:md="${MD}" entityID="http://www.okta.com/${appId}"${idAttr}>\n` +
    (signedId ? signatureTemplate(signedId, '  ') : '') +
    '  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\n' +
    keyDescriptor(pem, '    ') +
    `    <md:SingleLogoutService Binding="${POST}" Location="${app}/slo/saml"/>\n` +
    `    <md:SingleLogoutService Binding="${REDIRECT}" Location="${app}/slo/saml"/>\n` +
    '    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified</md:NameIDFormat>\n' +
    '    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>\n' +
    `    <md:SingleSignOnService Binding="${POST}" Location="${app}/sso/saml"/>\n` +
    `    <md:SingleSignOnService Binding="${REDIRECT}" Location="${app}/sso/saml"/>\n` +
    '  </md:IDPSSODescriptor>\n</md:EntityDescriptor>\n'
  );
}

export const entityIdOf = (i) => `https://idp-${String(i).padStart(6, '0')}.bench.example.org/idp/shibboleth`;

function aggregateEntity(i, pem) {
  const host = `idp-${String(i).padStart(6, '0')}.bench.example.org`;
  return (
    `  <md:EntityDescriptor entityID="${entityIdOf(i)}">\n` +
    '    <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\n' +
    keyDescriptor(pem, '      ') +
    '      <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>\n' +
    `      <md:SingleSignOnService Binding="${POST}" Location="https://${host}/idp/profile/SAML2/POST/SSO"/>\n` +
    `      <md:SingleSignOnService Binding="${REDIRECT}" Location="https://${host}/idp/profile/SAML2/Redirect/SSO"/>\n` +
    '    </md:IDPSSODescriptor>\n' +
    `    <md:Organization><md:OrganizationName xml:lang="en">Bench University ${i}</md:OrganizationName>` +
    `<md:OrganizationDisplayName xml:lang="en">Bench University ${i}</md:OrganizationDisplayName>` +
    `<md:OrganizationURL xml:lang="en">https://www.${host}/</md:OrganizationURL></md:Organization>\n` +
    `    <md:ContactPerson contactType="technical"><md:GivenName>Ops</md:GivenName>` +
    `<md:EmailAddress>mailto:ops@${host}</md:EmailAddress></md:ContactPerson>\n` +
    '  </md:EntityDescriptor>\n'
  );
}

/** Streams an aggregate template of `count` entities to `file` (30k entities is ~75 MB). */
export async function writeAggregateTemplate(file, count, pems, id) {
  const out = createWriteStream(file);
  const write = async (s) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<md:EntitiesDescriptor xmlns:md="${MD}" ID="${id}" Name="urn:example:bench:federation">\n`,
  );
  await write(signatureTemplate(id, '  '));
  for (let i = 0; i < count; i++) await write(aggregateEntity(i, pems[i % pems.length]));
  await write('</md:EntitiesDescriptor>\n');
  out.end();
  await once(out, 'finish');
}
