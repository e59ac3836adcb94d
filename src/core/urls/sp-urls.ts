import type { Host } from './parse-host.js';

/**
 * Polyaxon's SAML endpoints (docs/design.md §2): `/sso/` is served at the host root. Built only from a
 * parsed Host and a parsed org, so no input can smuggle a path in.
 */
export interface SpUrls {
  /** Okta "Single sign-on URL"; also Recipient and Destination. */
  acsUrl: string;
  /** Okta "Audience URI (SP Entity ID)". */
  spEntityId: string;
}

export function buildSpUrls(host: Host, org: string): SpUrls {
  return {
    acsUrl: `${host.origin}/sso/okta/acs/${org}`,
    spEntityId: `${host.origin}/sso/okta/metadata/${org}`,
  };
}
