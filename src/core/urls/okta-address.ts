/**
 * The commonest wrong answer to "Polyaxon host": an address copied from Okta (the org's address,
 * the app's metadata or SSO URL) or one of the SP URLs `urls` prints. The URLs typed into Okta are
 * built from the host users open Polyaxon at (docs/design.md, "Facts about Polyaxon"), so such an
 * answer is refused with a message naming the mistake instead of "contains a path".
 */
const OKTA_DOMAINS = ['okta.com', 'oktapreview.com', 'okta-emea.com'];
/** Okta's own app URLs, also on a custom domain: /app/<name>/<id>/sso/saml[/metadata], /app/<id>/sso/saml/metadata. */
const OKTA_APP_PATH = /^\/app\/[^/?#]+(?:\/[^/?#]+)?\/sso\/saml(?:\/metadata)?\/?(?:[?#].*)?$/i;
const SP_PATH = /^\/sso\/okta\/(acs|metadata)\/[^/?#]+\/?(?:[?#].*)?$/i;

export interface HostMistake {
  code: 'HOST_IS_OKTA' | 'HOST_IS_SP_URL';
  message: string;
  hint: string;
}

export function oktaAddressMistake(input: string): HostMistake | undefined {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#]*)(.*)$/is.exec(input.trim());
  if (!m) return undefined;
  const authority = (m[1] ?? '').replace(/^.*@/, '');
  const host = authority.replace(/:\d*$/, '').replace(/\.$/, '').toLowerCase();
  const path = m[2] ?? '';
  const MESSAGE = "this is your Okta org's address; --host is where your users open Polyaxon";
  const HINT = "Give the address your users open Polyaxon at (e.g. polyaxon.acme.com); Okta's own addresses come from the metadata.";
  if (OKTA_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`)))
    return {
      code: 'HOST_IS_OKTA',
      message: MESSAGE,
      hint: `${/^[a-z0-9.-]{1,253}$/.test(host) ? host : 'That'} is an Okta domain. ${HINT}`,
    };
  if (OKTA_APP_PATH.test(path))
    return { code: 'HOST_IS_OKTA', message: MESSAGE, hint: `That is an app URL copied from Okta (its SSO or metadata URL). ${HINT}` };
  const sp = SP_PATH.exec(path);
  if (sp) {
    const acs = sp[1]?.toLowerCase() === 'acs';
    const what = acs ? 'the ACS URL' : 'the SP entity ID';
    const field = acs ? 'Single sign-on URL' : 'Audience URI (SP Entity ID)';
    // The host is echoed only when it looks like one (it is checked properly once passed alone).
    const h = /^[a-z0-9.:[\]-]{1,260}$/i.test(authority) ? authority.toLowerCase() : undefined;
    const about = `${what} is what Okta's "${field}" holds; \`polyaxon-sso urls\` builds it`;
    if (h === undefined)
      return {
        code: 'HOST_IS_SP_URL',
        message: `this is ${what}; pass only its host`,
        hint: `Pass only the host part of the URL to --host (${about}).`,
      };
    return { code: 'HOST_IS_SP_URL', message: `this is ${what}; its host is ${h}`, hint: `Pass only the host: --host ${h} (${about}).` };
  }
  return undefined;
}
