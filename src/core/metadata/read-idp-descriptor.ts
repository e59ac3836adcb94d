/**
 * Reads the IDPSSODescriptor of one EntityDescriptor (SAML metadata 2.0 §2.4.3): SSO/SLO endpoints,
 * NameIDFormats, WantAuthnRequestsSigned, protocol support, and the raw signing KeyDescriptors
 * (use="signing" or no use; encryption-only keys never count). By namespace URI, never prefix.
 */
import { finding, type Finding } from '../findings.js';
import { NS, attr, childElements, elementText } from '../xml/dom.js';
import { locationOf } from '../xml/parse-dom.js';
import { METADATA_CODES as C } from './codes.js';
import { endpoints } from './read-endpoints.js';
import { readKeys, type RawKey } from './read-key-descriptors.js';
import type { SsoEndpoint } from './types.js';

export { surroundingWhitespace } from './read-endpoints.js';
export type { RawKey } from './read-key-descriptors.js';

export const BINDING = {
  POST: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
  REDIRECT: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
} as const;
const SAML2_PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';

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
