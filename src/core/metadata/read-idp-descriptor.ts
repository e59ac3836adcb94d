/**
 * Reads the IDPSSODescriptor of one EntityDescriptor (SAML metadata 2.0 §2.4.3): SSO/SLO endpoints,
 * NameIDFormats, WantAuthnRequestsSigned, protocol support, and the raw signing KeyDescriptors
 * (use="signing" or no use; encryption-only keys never count). By namespace URI, never prefix.
 */
import { finding, type Finding, type Location } from '../findings.js';
import { NS, attr, childElements, elementText } from '../xml/dom.js';
import { locationOf } from '../xml/parse-dom.js';
import { METADATA_CODES as C } from './codes.js';
import { isOktaAdminHost } from './okta.js';
import type { SsoEndpoint } from './types.js';

export const BINDING = {
  POST: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
  REDIRECT: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
} as const;
const SAML2_PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';

export interface RawKey {
  use: 'signing' | 'unspecified';
  /** Text of ds:X509Certificate, undefined when the KeyDescriptor holds none. */
  certText?: string;
  location?: Location;
  /** Where the certificate text starts (its first text node), for offsets inside it. */
  textLocation?: Location;
}

export interface IdpDescriptor {
  ssoEndpoints: SsoEndpoint[];
  sloEndpoints: SsoEndpoint[];
  nameIdFormats: string[];
  wantAuthnRequestsSigned?: boolean;
  keys: RawKey[];
  /** Certificates of use="encryption" KeyDescriptors (compared with the pins, never trusted). */
  encryptionKeys: RawKey[];
  findings: Finding[];
}

export function readIdpDescriptor(entity: Element, file?: string): IdpDescriptor | { findings: Finding[] } {
  const at = (n: Node) => locationOf(n, file);
  const list = childElements(entity, NS.MD, 'IDPSSODescriptor');
  if (list.length === 0)
    return {
      findings: [
        finding(
          'MD_IDP_DESCRIPTOR_MISSING',
          'error',
          'no IDPSSODescriptor in the EntityDescriptor',
          C.MD_IDP_DESCRIPTOR_MISSING.help,
          at(entity),
        ),
      ],
    };
  const findings: Finding[] = [];
  if (list.length > 1)
    findings.push(
      finding(
        'MD_IDP_DESCRIPTOR_MULTIPLE',
        'error',
        `${list.length} IDPSSODescriptor elements`,
        C.MD_IDP_DESCRIPTOR_MULTIPLE.help,
        at(list[1] as Element),
      ),
    );
  const idp = list[0] as Element;
  const protocols = (attr(idp, 'protocolSupportEnumeration') ?? '').split(/\s+/);
  if (!protocols.includes(SAML2_PROTOCOL))
    findings.push(
      finding(
        'MD_PROTOCOL_UNSUPPORTED',
        'error',
        'protocolSupportEnumeration does not list the SAML 2.0 protocol',
        C.MD_PROTOCOL_UNSUPPORTED.help,
        at(idp),
      ),
    );

  let wantAuthnRequestsSigned: boolean | undefined;
  const want = attr(idp, 'WantAuthnRequestsSigned');
  if (want !== undefined) {
    const v = want.trim();
    if (v === 'true' || v === '1') wantAuthnRequestsSigned = true;
    else if (v === 'false' || v === '0') wantAuthnRequestsSigned = false;
    else
      findings.push(
        finding('MD_BOOLEAN_INVALID', 'error', `WantAuthnRequestsSigned="${want}" is not a boolean`, C.MD_BOOLEAN_INVALID.help, at(idp)),
      );
    if (wantAuthnRequestsSigned)
      findings.push(
        finding(
          'MD_WANT_AUTHN_REQUESTS_SIGNED',
          'info',
          'the IdP wants signed AuthnRequests',
          C.MD_WANT_AUTHN_REQUESTS_SIGNED.help,
          at(idp),
        ),
      );
  }

  const ssoEndpoints = endpoints(idp, 'SingleSignOnService', findings, file);
  const sloEndpoints = endpoints(idp, 'SingleLogoutService', [], file);
  const usable = ssoEndpoints.filter((e) => e.binding === BINDING.POST || e.binding === BINDING.REDIRECT);
  if (usable.length === 0)
    findings.push(
      finding(
        'MD_SSO_MISSING',
        'error',
        'no SingleSignOnService with the HTTP-POST or HTTP-Redirect binding',
        C.MD_SSO_MISSING.help,
        at(idp),
      ),
    );
  const firstByBinding = new Map<string, string>();
  for (const e of ssoEndpoints) {
    if (e.binding !== BINDING.POST && e.binding !== BINDING.REDIRECT)
      findings.push(
        finding(
          'MD_SSO_OTHER_BINDING',
          'info',
          `SingleSignOnService binding ${e.binding} is not used`,
          C.MD_SSO_OTHER_BINDING.help,
          e.position,
        ),
      );
    // Okta lists one endpoint per binding; SPs pick one of several by their own rule (most the
    // first), so a second Location for the same binding may be where a login really goes.
    const first = firstByBinding.get(e.binding);
    if (first === undefined) firstByBinding.set(e.binding, e.location);
    else if (first !== e.location)
      findings.push(
        finding(
          'MD_SSO_DUPLICATE_BINDING',
          'error',
          `a second SingleSignOnService for ${e.binding} points to ${e.location} (the first to ${first})`,
          C.MD_SSO_DUPLICATE_BINDING.help,
          e.position,
        ),
      );
  }

  const nameIdFormats: string[] = [];
  for (const n of childElements(idp, NS.MD, 'NameIDFormat')) {
    const t = elementText(n, file);
    findings.push(...t.findings);
    if (t.value.trim()) nameIdFormats.push(t.value.trim());
  }
  if (nameIdFormats.length === 0)
    findings.push(finding('MD_NAMEID_FORMAT_MISSING', 'warning', 'no NameIDFormat listed', C.MD_NAMEID_FORMAT_MISSING.help, at(idp)));

  const { keys, encryption } = readKeys(idp, findings, file);
  return { ssoEndpoints, sloEndpoints, nameIdFormats, wantAuthnRequestsSigned, keys, encryptionKeys: encryption, findings };
}

/**
 * python3-saml and pysaml2 use attribute values as the XML parser returns them, untrimmed: an
 * entityID " http://www.okta.com/x" is another issuer for them, and a Binding with a space matches
 * no binding at all. A value we would have to trim to understand is an error.
 */
export function surroundingWhitespace(name: string, raw: string, at?: Location): Finding {
  return finding(
    'MD_VALUE_WHITESPACE',
    'error',
    `${name}=${JSON.stringify(raw)} has whitespace around its value, which SAML libraries keep`,
    C.MD_VALUE_WHITESPACE.help,
    at,
  );
}

function endpoints(idp: Element, local: string, findings: Finding[], file?: string): SsoEndpoint[] {
  const out: SsoEndpoint[] = [];
  for (const el of childElements(idp, NS.MD, local)) {
    const rawBinding = attr(el, 'Binding') ?? '';
    const rawLocation = attr(el, 'Location') ?? '';
    const binding = rawBinding.trim();
    const location = rawLocation.trim();
    const position = locationOf(el, file);
    if (local === 'SingleSignOnService') {
      if (binding !== rawBinding) findings.push(surroundingWhitespace('Binding', rawBinding, position));
      if (location !== rawLocation) findings.push(surroundingWhitespace('Location', rawLocation, position));
    }
    const ep: SsoEndpoint = { binding, location };
    if (position) ep.position = position;
    out.push(ep);
    if (local !== 'SingleSignOnService') continue;
    let url: URL | undefined;
    try {
      url = new URL(location);
    } catch {
      url = undefined;
    }
    if (!url || !url.hostname)
      findings.push(
        finding('MD_SSO_BAD_URL', 'error', `SSO Location "${location}" is not an absolute URL`, C.MD_SSO_BAD_URL.help, position),
      );
    else if (url.protocol === 'http:')
      findings.push(finding('MD_SSO_NOT_HTTPS', 'error', `SSO Location ${location} is plain http`, C.MD_SSO_NOT_HTTPS.help, position));
    else if (url.protocol !== 'https:')
      findings.push(finding('MD_SSO_BAD_URL', 'error', `SSO Location uses the ${url.protocol} scheme`, C.MD_SSO_BAD_URL.help, position));
    else if (isOktaAdminHost(url.hostname))
      findings.push(
        finding('MD_OKTA_ADMIN_HOST', 'error', `SSO host ${url.hostname} is the Okta admin console`, C.MD_OKTA_ADMIN_HOST.help, position),
      );
  }
  return out;
}

/**
 * Keys as python3-saml and ruby-saml read them: certificates only at
 * `md:KeyDescriptor/ds:KeyInfo/ds:X509Data/ds:X509Certificate`, signing when `use` does not contain
 * "encryption" (their XPath: `KeyDescriptor[not(contains(@use,'encryption'))]`). So that our reading
 * and theirs cannot differ, `use` must be exactly "signing", "encryption" or absent (SAML metadata
 * §2.4.1.1), and a certificate anywhere else inside a KeyDescriptor is an error.
 */
function readKeys(idp: Element, findings: Finding[], file?: string): { keys: RawKey[]; encryption: RawKey[] } {
  const keys: RawKey[] = [];
  const encryption: RawKey[] = [];
  for (const kd of childElements(idp, NS.MD, 'KeyDescriptor')) {
    const use = attr(kd, 'use');
    if (use !== undefined && use !== 'signing' && use !== 'encryption') {
      findings.push(
        finding(
          'MD_KEY_USE_INVALID',
          'error',
          `KeyDescriptor use="${use}" (must be exactly "signing", "encryption" or absent)`,
          C.MD_KEY_USE_INVALID.help,
          locationOf(kd, file),
        ),
      );
      continue;
    }
    const keyInfos = childElements(kd).filter((e) => e.localName === 'KeyInfo');
    for (const ki of keyInfos)
      if (ki.namespaceURI !== NS.DS)
        findings.push(
          finding(
            'MD_KEYINFO_WRONG_NAMESPACE',
            'error',
            `KeyInfo is in namespace "${ki.namespaceURI ?? ''}", not ${NS.DS}`,
            C.MD_KEYINFO_WRONG_NAMESPACE.help,
            locationOf(ki, file),
          ),
        );
    const certs = childElements(kd, NS.DS, 'KeyInfo').flatMap((ki) =>
      childElements(ki, NS.DS, 'X509Data').flatMap((xd) => childElements(xd, NS.DS, 'X509Certificate')),
    );
    const placed = new Set(certs);
    for (const el of Array.from(kd.getElementsByTagName('*') as unknown as ArrayLike<Element>))
      if (el.localName === 'X509Certificate' && !placed.has(el))
        findings.push(
          finding(
            'MD_CERT_MISPLACED',
            'error',
            `<${el.nodeName}> outside KeyDescriptor/KeyInfo/X509Data (or in another namespace): SAML libraries would not read it`,
            C.MD_CERT_MISPLACED.help,
            locationOf(el, file),
          ),
        );
    if (use === 'encryption') {
      findings.push(
        finding(
          'MD_ENCRYPTION_ONLY_KEY',
          'info',
          'an encryption-only KeyDescriptor is not a signing key',
          C.MD_ENCRYPTION_ONLY_KEY.help,
          locationOf(kd, file),
        ),
      );
      for (const c of certs)
        encryption.push({
          use: 'signing',
          certText: elementText(c, file).value,
          ...(locationOf(c, file) ? { location: locationOf(c, file) as Location } : {}),
        });
      continue;
    }
    const kind = use === 'signing' ? 'signing' : 'unspecified';
    if (certs.length === 0) {
      if (keyInfos.every((k) => k.namespaceURI === NS.DS))
        findings.push(
          finding(
            'MD_KEYDESCRIPTOR_NO_CERT',
            'warning',
            'a signing KeyDescriptor holds no X509Certificate',
            C.MD_KEYDESCRIPTOR_NO_CERT.help,
            locationOf(kd, file),
          ),
        );
      continue;
    }
    for (const c of certs) {
      const t = elementText(c, file);
      findings.push(...t.findings);
      // A value split by a comment or markup is never used (CVE-2017-11428: parsers disagree on it).
      if (t.findings.length > 0) continue;
      const key: RawKey = { use: kind, certText: t.value };
      const loc = locationOf(c, file);
      if (loc) key.location = loc;
      const textLoc = locationOf(c.firstChild, file);
      if (textLoc) key.textLocation = textLoc;
      keys.push(key);
    }
  }
  return { keys, encryption };
}
