import { finding, type Finding, type Location } from '../findings.js';
import { NS, attr, childElements } from '../xml/dom.js';
import { locationOf } from '../xml/parse-dom.js';
import { METADATA_CODES as C } from './codes.js';
import { isOktaAdminHost } from './okta.js';
import type { SsoEndpoint } from './types.js';

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

/** The SingleSignOnService / SingleLogoutService endpoints of an IDPSSODescriptor, checked. */
export function endpoints(idp: Element, local: string, findings: Finding[], file?: string): SsoEndpoint[] {
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
