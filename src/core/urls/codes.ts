/**
 * The catalogue of host and organization codes (urls, and every command that builds the SP URLs:
 * init, check-response, lint --host). Errors here are usage errors (exit 2); HOST_TRAILING_DOT,
 * HOST_IDN and HOST_MIXED_SCRIPTS are findings printed beside the URLs. docs/findings.md lists
 * them from here.
 */
import type { Severity } from '../findings.js';
import type { CodeInfo } from '../xml/codes.js';

export const URL_CODES = {
  HOST_EMPTY: { title: 'No host', help: 'Give the host your users open Polyaxon at, e.g. --host polyaxon.acme.com.', severity: 'error' },
  HOST_INVALID: {
    title: 'Not a host name',
    help: 'Only a DNS name, a dotted IPv4 or bracketed IPv6 address and an optional port: no path, query, user info or control characters.',
    severity: 'error',
  },
  HOST_HTTP_NOT_ALLOWED: {
    title: 'http:// host',
    help: 'SAML over plain http exposes the assertion; serve Polyaxon over https, or pass --allow-http for a local lab.',
    severity: 'error',
  },
  HOST_IS_OKTA: {
    title: 'An Okta address given as the Polyaxon host',
    help: "This is your Okta org's address (*.okta.com, *.oktapreview.com, *.okta-emea.com, or an app URL copied from Okta); --host is where your users open Polyaxon.",
    severity: 'error',
  },
  HOST_IS_SP_URL: {
    title: 'A Polyaxon SP URL given as the host',
    help: 'The ACS URL or SP entity ID was pasted; pass only its host (the message names it).',
    severity: 'error',
  },
  HOST_TRAILING_DOT: {
    title: 'Trailing dot dropped',
    help: "A fully qualified name's final dot (RFC 1034 §3.1) is dropped: Okta compares the ACS URL and Audience as strings.",
    severity: 'info',
  },
  HOST_IDN: {
    title: 'Internationalized host name',
    help: 'Shown and used as punycode (xn--…), as Okta and browsers do; make sure it is the host you meant.',
    severity: 'info',
  },
  HOST_MIXED_SCRIPTS: {
    title: 'A host label mixes writing systems',
    help: 'A look-alike of another domain (Cyrillic "а" in a Latin name)? Check the host character by character; punycode labels are decoded for this check.',
    severity: 'warning',
  },
  ORG_EMPTY: { title: 'No organization', help: 'Pass the Polyaxon organization slug, e.g. --org acme.', severity: 'error' },
  ORG_INVALID: {
    title: 'Not an organization slug',
    help: 'A Polyaxon organization is ^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$ (case kept: it is a URL path segment).',
    severity: 'error',
  },
} as const satisfies Record<string, CodeInfo & { severity: Severity }>;

export type UrlCode = keyof typeof URL_CODES;
