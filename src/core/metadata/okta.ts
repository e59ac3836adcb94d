/**
 * Okta awareness (DESIGN.md §2, issue 3): Okta's entityID is http://www.okta.com/<appId> and its SSO
 * URLs live on *.okta.com, *.oktapreview.com or *.okta-emea.com, or on an org's custom domain.
 * Offers oktaHostKind(host, oktaEntity), isOktaEntityId(id), entityIdFindings(id, location).
 */
import { finding, type Finding, type Location } from '../findings.js';
import type { OktaHostKind } from './types.js';
import { METADATA_CODES as C } from './codes.js';

const OKTA_ENTITY = /^http:\/\/www\.okta\.com\/[A-Za-z0-9]+$/;
const OKTA_ENTITY_HTTPS = /^https:\/\/www\.okta\.com\/[A-Za-z0-9]+$/;
/** What Okta shows as "Metadata URL": https://<org>.okta.com/app/<appId>/sso/saml/metadata. */
const METADATA_URL = /^https?:\/\/[^/]+\/app\/[^/]+\/sso\/saml\/metadata\/?$/i;

export function isOktaEntityId(id: string): boolean {
  return OKTA_ENTITY.test(id);
}

export function oktaHostKind(host: string, oktaEntity: boolean): OktaHostKind {
  const h = host.toLowerCase();
  if (h.endsWith('.okta.com')) return 'okta';
  if (h.endsWith('.oktapreview.com')) return 'oktapreview';
  if (h.endsWith('.okta-emea.com')) return 'okta-emea';
  return oktaEntity ? 'custom' : 'not-okta';
}

export function isOktaAdminHost(host: string): boolean {
  return /^[^.]+-admin\.(okta|oktapreview|okta-emea)\.com$/i.test(host);
}

export function entityIdFindings(id: string, at?: Location): Finding[] {
  if (OKTA_ENTITY.test(id)) return [finding('MD_OKTA_ENTITY_ID', 'info', `Okta app entityID ${id}`, undefined, at)];
  if (OKTA_ENTITY_HTTPS.test(id))
    return [finding('MD_ENTITY_ID_HTTPS_OKTA', 'warning', `entityID ${id} uses https; Okta issues http://www.okta.com/…`, C.MD_ENTITY_ID_HTTPS_OKTA.help, at)];
  if (METADATA_URL.test(id))
    return [finding('MD_ENTITY_ID_IS_METADATA_URL', 'error', `entityID ${id} is the metadata URL, not the IdP issuer`, C.MD_ENTITY_ID_IS_METADATA_URL.help, at)];
  return [];
}
