import type { KnownCode } from '../finding-codes.js';
import { domainToASCII, domainToUnicode } from 'node:url';
import { finding, type Finding } from '../findings.js';
import { oktaAddressMistake } from './okta-address.js';

/**
 * Validates the Polyaxon host *before* any URL is built (docs/design.md §5: `new URL` happily turns
 * `evil.com/` into a host). Accepts a DNS name, IPv4/IPv6 literal and an optional port, with an
 * optional `https://` (or `http://` with allowHttp) and one trailing slash; IDN shown as punycode.
 */
export interface Host {
  scheme: 'https' | 'http';
  /** ASCII (punycode) host, lower case, with `:port` when given. */
  host: string;
  /** `https://host[:port]`, no trailing slash. */
  origin: string;
  /** Warnings that do not stop the run (mixed scripts in an IDN label). */
  findings: Finding[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: KnownCode; message: string; hint: string };

const fail = (code: KnownCode, message: string, hint: string): Parsed<never> => ({ ok: false, code, message, hint });
const HOST_HINT = 'Give the bare host Polyaxon is served on, e.g. polyaxon.acme.com or polyaxon.acme.com:8443.';

export interface ParseHostOptions {
  allowHttp?: boolean;
  /**
   * The host of an IdP address (a metadata URL to fetch): Okta's own domains are expected there.
   * Otherwise the host is Polyaxon's, and an address copied from Okta is refused (okta-address.ts).
   */
  idp?: boolean;
}

export function parseHost(input: string, opts: ParseHostOptions = {}): Parsed<Host> {
  if (input === '') return fail('HOST_EMPTY', 'the host is empty', HOST_HINT);
  if (/[\s\u0000-\u001f\u007f-\u009f]/u.test(input))
    return fail('HOST_INVALID', `the host ${JSON.stringify(input)} contains whitespace or control characters`, HOST_HINT);
  if (!opts.idp) {
    const mistake = oktaAddressMistake(input);
    if (mistake) return fail(mistake.code, mistake.message, mistake.hint);
  }
  let rest = input;
  let scheme: Host['scheme'] = 'https';
  const m = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest);
  if (m) {
    const given = (m[1] ?? '').toLowerCase();
    if (given === 'http') {
      if (!opts.allowHttp)
        return fail(
          'HOST_HTTP_NOT_ALLOWED',
          `refusing http:// host ${input}: SAML over plain http exposes the assertion`,
          'Serve Polyaxon over https, or pass --allow-http for a local lab.',
        );
      scheme = 'http';
    } else if (given !== 'https') {
      return fail('HOST_INVALID', `unsupported scheme "${given}://" in host ${input}`, HOST_HINT);
    }
    rest = rest.slice(m[0].length);
  }
  if (rest.endsWith('/')) rest = rest.slice(0, -1);
  const bad = /[/?#@\\%]/.exec(rest);
  if (bad) {
    const what = { '/': 'a path', '?': 'a query', '#': 'a fragment', '@': 'user info', '\\': 'a backslash', '%': 'percent-encoding' }[
      bad[0]
    ];
    return fail('HOST_INVALID', `the host ${JSON.stringify(input)} contains ${what}; only a host and optional port are allowed`, HOST_HINT);
  }
  const split = splitPort(rest);
  if (!split.ok) return split;
  const { name, port } = split.value;
  // A fully qualified name's trailing dot (RFC 1034 §3.1) names the same host, but Okta compares
  // the ACS URL and Audience as strings, and browsers send Host with the dot: drop it, and say so.
  const findings: Finding[] = [];
  let bare = name;
  if (name.endsWith('.') && name !== '.' && !name.endsWith('..') && !name.startsWith('[')) {
    bare = name.slice(0, -1);
    findings.push(
      finding(
        'HOST_TRAILING_DOT',
        'info',
        `the trailing dot of "${name}" was dropped: the URLs use ${bare.toLowerCase()}`,
        'Okta compares the ACS URL and Audience as strings; give the host without the final dot, as users type it.',
      ),
    );
  }
  const hostname = parseHostname(bare);
  if (!hostname.ok) return hostname;
  const host = port === undefined ? hostname.value.ascii : `${hostname.value.ascii}:${port}`;
  return { ok: true, value: { scheme, host, origin: `${scheme}://${host}`, findings: [...findings, ...hostname.value.findings] } };
}

function splitPort(s: string): Parsed<{ name: string; port?: number }> {
  const v6 = /^(\[[^\]]*\])(?::(\d+))?$/.exec(s);
  const plain = /^([^:[\]]*)(?::(\d*))?$/.exec(s);
  const m = v6 ?? plain;
  if (!m)
    return fail(
      'HOST_INVALID',
      `cannot read a host and port from ${JSON.stringify(s)}`,
      'Write IPv6 addresses in brackets: [2001:db8::1]:8443.',
    );
  if (m[2] === undefined) return { ok: true, value: { name: m[1] ?? '' } };
  const port = Number(m[2]);
  if (m[2] === '' || !Number.isInteger(port) || port < 1 || port > 65535 || /^0\d/.test(m[2]))
    return fail('HOST_INVALID', `invalid port "${m[2]}" in ${JSON.stringify(s)}`, 'A port is a number from 1 to 65535.');
  return { ok: true, value: { name: m[1] ?? '', port } };
}

function parseHostname(name: string): Parsed<{ ascii: string; findings: Finding[] }> {
  if (name.startsWith('[')) {
    const inner = name.slice(1, -1);
    const ascii = domainToASCII(`[${inner}]`) || '';
    if (!/^[0-9a-f:.]+$/i.test(inner) || !inner.includes(':') || ascii === '')
      return fail('HOST_INVALID', `invalid IPv6 literal ${name}`, 'Example: [2001:db8::1].');
    return { ok: true, value: { ascii: ascii.toLowerCase(), findings: [] } };
  }
  if (name === '') return fail('HOST_EMPTY', 'the host is empty', HOST_HINT);
  if (/^[\d.]+$/.test(name)) return parseIPv4(name);
  return parseDnsName(name);
}

function parseIPv4(name: string): Parsed<{ ascii: string; findings: Finding[] }> {
  const parts = name.split('.');
  // Only the dotted-quad form: `2130706433`, `0x7f.1` or `017.0.0.1` are the classic SSRF tricks.
  const ok = parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
  if (!ok)
    return fail(
      'HOST_INVALID',
      `"${name}" is neither a DNS name nor a dotted IPv4 address`,
      'Write IPv4 addresses as four decimal numbers, e.g. 10.0.0.12.',
    );
  return { ok: true, value: { ascii: name, findings: [] } };
}

function parseDnsName(name: string): Parsed<{ ascii: string; findings: Finding[] }> {
  const findings: Finding[] = [];
  const ascii = domainToASCII(name.toLowerCase());
  if (ascii === '') return fail('HOST_INVALID', `"${name}" is not a valid host name`, HOST_HINT);
  const labels = ascii.split('.');
  for (const label of labels) {
    if (label.length === 0 || label.length > 63)
      return fail(
        'HOST_INVALID',
        `"${name}" has ${label.length === 0 ? 'an empty label' : `a label longer than 63 characters`}`,
        HOST_HINT,
      );
    if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(label))
      return fail('HOST_INVALID', `"${name}" has an invalid label "${label}" (letters, digits and inner hyphens only)`, HOST_HINT);
  }
  if (ascii.length > 253) return fail('HOST_INVALID', `"${name}" is longer than 253 characters`, HOST_HINT);
  if (/^\d+$/.test(labels[labels.length - 1] ?? ''))
    return fail('HOST_INVALID', `"${name}" ends in a numeric label: not a DNS name nor an IPv4 address`, HOST_HINT);
  // Punycode typed as such (`xn--pypal-4ve.com`) is decoded too: the look-alike check reads
  // the labels as a browser shows them.
  if (ascii !== name.toLowerCase() || labels.some((l) => l.startsWith('xn--'))) {
    const mixed = domainToUnicode(ascii).split('.').filter(mixesScripts);
    findings.push(
      finding(
        'HOST_IDN',
        'info',
        `internationalized host name shown as punycode: ${ascii}`,
        'Okta and browsers use the punycode form; make sure it is the host you meant.',
      ),
    );
    if (mixed.length > 0)
      findings.push(
        finding(
          'HOST_MIXED_SCRIPTS',
          'warning',
          `the host label "${mixed[0]}" mixes writing systems (shown as ${ascii}): a look-alike of another domain?`,
          'Check the host name character by character; type it in ASCII if it is meant to be.',
        ),
      );
  }
  return { ok: true, value: { ascii, findings } };
}

const SCRIPTS = [
  'Latin',
  'Cyrillic',
  'Greek',
  'Armenian',
  'Hebrew',
  'Arabic',
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
  'Thai',
  'Devanagari',
  'Georgian',
  'Cherokee',
];
const SCRIPT_RES = SCRIPTS.map((s) => new RegExp(`\\p{Script=${s}}`, 'u'));

function mixesScripts(label: string): boolean {
  return SCRIPT_RES.filter((re) => re.test(label)).length > 1;
}
