import type { ParsedMetadata } from '../metadata/types.js';

/**
 * Okta's "Metadata URL" for an app: https://<sso-host>/app/<appId>/sso/saml/metadata, where the
 * appId is the last segment of Okta's entityID http://www.okta.com/<appId> (Okta: "View SAML
 * setup instructions" / "Metadata details"). undefined when the stored metadata is not Okta's.
 */
export function oktaMetadataUrl(md: ParsedMetadata): string | undefined {
  const appId = /^https?:\/\/www\.okta\.com\/([A-Za-z0-9]+)$/.exec(md.entityId)?.[1];
  const sso = md.ssoEndpoints.find((e) => /^https:\/\//i.test(e.location));
  if (!appId || !sso || !md.idpHost) return undefined;
  const origin = new URL(sso.location).origin;
  return `${origin}/app/${appId}/sso/saml/metadata`;
}
