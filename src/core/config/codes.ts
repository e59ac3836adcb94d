/**
 * The catalogue of codes about what a deployment config provides to other commands (the host for
 * `urls --config`, the stored metadata for `check-response --config`). docs/findings.md lists them.
 */
import type { CodeInfo } from '../xml/codes.js';

export const CONFIG_CODES = {
  CONFIG_NO_HOST: {
    title: 'The config names no host',
    help: 'Pass --host, or set ingress.hostName (with ingress.enabled) or hostName in the deployment config.',
  },
  CONFIG_TLS_EMPTY: {
    title: 'ingress.tls is empty',
    help: 'Okta posts the SAML response to an https URL: terminate TLS at the ingress (ingress.tls) or in front of it.',
  },
  CONFIG_NO_OKTA_XML: {
    title: 'The config holds no okta metadata',
    help: 'Add the metadata with `polyaxon-sso patch`, or pass --metadata / --idp-cert.',
  },
} as const satisfies Record<string, CodeInfo>;
