import type { Host } from '../urls/parse-host.js';
import type { SpUrls } from '../urls/sp-urls.js';
import type { CertSummary } from './init-state.js';

/**
 * What `init --json` prints at the end ("Modes"): one document for scripts, with the
 * fixed shape {schemaVersion, config, written, urls, certificate, changed}.
 */
export interface InitResult {
  schemaVersion: 1;
  /** The config path as given. */
  config: string;
  /** Every file written, as given (Terraform first when both; empty when up to date). */
  written: string[];
  urls: SpUrls;
  certificate: { subject: string; notAfter: string; sha256: string };
  /** The config file changed. */
  changed: boolean;
}

export function initResult(config: string, written: string[], urls: SpUrls, cert: CertSummary, changed: boolean): InitResult {
  return {
    schemaVersion: 1,
    config,
    written,
    urls: { acsUrl: urls.acsUrl, spEntityId: urls.spEntityId },
    certificate: { subject: cert.subject, notAfter: cert.notAfter, sha256: cert.sha256 },
    changed,
  };
}

/**
 * The commands that follow a successful init (step 6), as data so the text and any
 * future format agree. Polyaxon's CLI: `polyaxon admin deploy -f FILE --check` validates the
 * config without deploying; `polyaxon admin upgrade -f FILE` applies it.
 */
export interface NextStep {
  title: string;
  commands: string[];
  note?: string;
}

/** A shell word as typed: quoted only when it needs to be. */
export function shellWord(s: string): string {
  if (/^[A-Za-z0-9_./:@%+=,-]+$/.test(s)) return s;
  // Control, line-separator and bidi characters go in bash's ANSI-C quoting ($'\x1b'): the command
  // stays exact when pasted, and the terminal never receives the raw character.
  if (UNSAFE.test(s)) return `$'${s.replace(/[\\']/g, '\\$&').replace(UNSAFE_ALL, (ch) => hexEscape(ch.charCodeAt(0)))}'`;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');
/** `\xHH` names a byte in $'…', so only ASCII uses it; `\uHHHH` is the character in UTF-8. */
const hexEscape = (n: number): string => (n < 0x80 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`);

export function nextSteps(config: string, host: Host, org: string, urls: SpUrls): NextStep[] {
  const f = shellWord(config);
  // lint must be told about a plain-http lab host the same way init was.
  const h = host.scheme === 'http' ? `${shellWord(host.origin)} --allow-http` : shellWord(host.host);
  return [
    {
      title: 'Check the config with Polyaxon, then apply it',
      commands: [`polyaxon admin deploy -f ${f} --check`, `polyaxon admin upgrade -f ${f}`],
    },
    {
      title: 'Keep it checked in CI',
      commands: [`polyaxon-sso lint ${f} --host ${h} --org ${shellWord(org)}`],
    },
    {
      title: 'Test a login',
      commands: [],
      note:
        `In Okta, assign yourself to the app (Assignments tab), then sign in to ${host.origin}/ with Okta ` +
        `(or click the app's tile in the Okta dashboard). Okta posts to ${urls.acsUrl}. If it fails, save the ` +
        `SAML response (e.g. with SAML-tracer) and run: polyaxon-sso check-response <file> --config ${f} --host ${h} --org ${shellWord(org)}`,
    },
  ];
}
