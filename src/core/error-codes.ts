/**
 * The catalogue of errors that stop a run: exit 2 (could not run) or 130 (cancelled). They are not
 * findings: a run prints one line and a hint on stderr and, with --json, `error.code` in its
 * document (schemas/error.schema.json). Each error carries its own hint; the help here says what
 * the code means, for docs/findings.md and `polyaxon-sso explain`.
 */
import type { CodeInfo } from './xml/codes.js';

const BROWSER = 'Open the URL in a browser to see what it serves, or download the metadata and pass the file.';

export const ERROR_CODES = {
  USAGE: { title: 'The command line is not valid', help: "The message names the option; 'polyaxon-sso <command> --help' lists them." },
  NO_COMMAND: { title: 'No command given', help: "Start with 'polyaxon-sso init', or run 'polyaxon-sso --help' for every command." },
  UNKNOWN_COMMAND: { title: 'No such command', help: "The hint suggests the nearest command; 'polyaxon-sso --help' lists them." },
  UNKNOWN_OPTION: { title: 'No such option', help: "The hint suggests the nearest option; 'polyaxon-sso <command> --help' lists them." },
  MISSING_ARGUMENT: { title: 'A required argument is missing', help: "'polyaxon-sso <command> --help' shows what the command reads." },
  MISSING_OPTION: { title: 'A required option is missing', help: 'The message names it.' },
  MISSING_OPTION_VALUE: { title: 'An option lacks its value', help: 'Give the value right after the option (--host polyaxon.acme.com).' },
  INVALID_OPTION_VALUE: { title: 'An option value is not valid', help: 'The message says what the option accepts.' },
  TOO_MANY_ARGUMENTS: { title: 'More arguments than the command reads', help: 'Quote values that contain spaces; options start with --.' },
  CONFLICTING_OPTIONS: {
    title: 'Two options that exclude each other',
    help: 'Keep one of them (for example --json and --format terraform both want stdout).',
  },
  UNKNOWN_FINDING_CODE: {
    title: 'explain: no such finding code',
    help: 'The hint suggests the nearest code; docs/findings.md lists them all.',
  },
  FINGERPRINT_INVALID: {
    title: 'Not a SHA-256 or SHA-1 fingerprint',
    help: 'Copy the SHA-256 fingerprint from Okta (app → Sign On → SAML Signing Certificates): 64 hex digits, colons optional.',
  },
  GLOB_INVALID: {
    title: 'A glob that cannot be matched',
    help: 'Check brackets and braces ([a-z], {a,b}); quote globs so the shell does not expand them.',
  },
  INPUT_IS_DIRECTORY: { title: 'A directory where a file is read', help: 'Give the path of the file itself.' },
  INPUT_NOT_SAML: {
    title: 'The input is not a SAML message',
    help: 'Capture the SAMLResponse POSTed to the ACS URL (SAML-tracer or a HAR file), or pass the XML itself.',
  },
  INPUT_NOT_BASE64: { title: 'The SAMLResponse value is not base64', help: 'Copy the whole SAMLResponse value of the POST, unchanged.' },
  INPUT_BAD_URL_ENCODING: { title: 'Broken %-escapes', help: 'Copy the SAMLResponse form value again, or decode it first.' },
  CAPTURE_INVALID_JSON: {
    title: 'A capture that looks like JSON does not parse',
    help: 'Export the HAR or SAML-tracer file again; it is cut off or edited.',
  },
  CAPTURE_NO_SAML_RESPONSE: {
    title: 'The capture holds no SAMLResponse POST',
    help: 'Capture the whole login: the POST to the ACS URL carries the SAMLResponse.',
  },
  CERT_FILE_EMPTY: { title: 'The certificate file is empty', help: 'Give a PEM file with a -----BEGIN CERTIFICATE----- block.' },
  SIGNER_CERT_INVALID: { title: '--signer-cert holds no certificate', help: 'Give the federation signer certificate as a PEM file.' },
  CA_FILE_INVALID: { title: '--ca-file holds no certificate', help: 'Give the CA that issued the server certificate, as PEM.' },
  METADATA_UNUSABLE: {
    title: 'The metadata given as trust cannot be used',
    help: 'Run `polyaxon-sso validate-metadata` on it for the findings.',
  },
  METADATA_NO_SIGNING_CERT: {
    title: 'The metadata given as trust has no signing certificate',
    help: "Download the IdP metadata again from the Okta app's Sign On tab.",
  },
  URL_INVALID: { title: 'Not a usable URL', help: 'Give the full https:// URL without user name or password, or a file path.' },
  URL_NOT_HTTPS: { title: 'Only https URLs are fetched', help: 'Use the https:// metadata URL Okta shows, or a downloaded file.' },
  FETCH_DNS: { title: 'The host name does not resolve', help: 'Check the host name in the URL, and that this machine resolves names.' },
  FETCH_REFUSED: { title: 'Connection refused', help: 'Nothing accepts connections there: check the host and port in the URL.' },
  FETCH_TLS: {
    title: "The server's TLS certificate is not trusted",
    help: 'For a private CA pass --ca-file (drift) or set NODE_EXTRA_CA_CERTS; never turn verification off.',
  },
  FETCH_TIMEOUT: { title: 'The server did not answer in time', help: BROWSER },
  FETCH_TRUNCATED: { title: 'The download ended early', help: 'The body was shorter than its Content-Length: fetch it again.' },
  FETCH_HTTP_STATUS: { title: 'The server answered with an error status', help: BROWSER },
  FETCH_BAD_REDIRECT: { title: 'A redirect without a usable Location', help: BROWSER },
  FETCH_REDIRECT_REFUSED: {
    title: 'A redirect that is not followed',
    help: 'Only up to 3 redirects on https to the same host are followed. ' + BROWSER,
  },
  FETCH_FAILED: { title: 'The download failed', help: BROWSER },
  DRIFT_URL_UNKNOWN: {
    title: "Okta's metadata URL cannot be derived",
    help: 'Pass --metadata-url https://<org>.okta.com/app/<appId>/sso/saml/metadata.',
  },
  DRIFT_LIVE_NOT_METADATA: {
    title: 'The live answer is not IdP metadata',
    help: 'Open the URL in a browser: Okta shows it under Sign On → "View IdP metadata".',
  },
  WRITE_FILE_CHANGED: {
    title: 'The file changed while the run was writing it',
    help: "Nothing of the other writer's was lost; run again on the current file.",
  },
  WRITE_FILE_READONLY: {
    title: 'The config is read-only for its owner',
    help: 'Make it writable (chmod u+w), or pass --force to write it anyway (its mode is kept).',
  },
  WRITE_HARD_LINKS: {
    title: 'The config has several hard links',
    help: 'A safe write renames a new file into place, which breaks the other links: pass --force to write anyway.',
  },
  WRITE_DIR_READONLY: {
    title: "The file's directory is not writable",
    help: 'Check the directory permissions, or write elsewhere with --output <file>.',
  },
  WRITE_FAILED: { title: 'The write failed', help: 'The original is unchanged; the message says why (for example a full disk).' },
  CANCELLED: { title: 'Cancelled', help: 'Ctrl-C, or the write was declined: nothing written (exit 130).' },
  INTERNAL: { title: 'Internal error', help: 'A bug: run again with --debug for the stack trace, and please report it.' },
} as const satisfies Record<string, CodeInfo>;
