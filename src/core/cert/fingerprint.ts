import { usageError } from '../errors.js';

/**
 * Certificate pins (`--fingerprint`): SHA-256 or SHA-1, any case, with or without
 * colons, spaces or dashes, as Okta ("SHA-256 Fingerprint"), openssl (`sha256 Fingerprint=AA:…`)
 * or `xmlsec1`/scripts print them. The one reader of pins: core code (metadata pins) calls
 * parseFingerprint, which never throws; option parsing calls normalizeFingerprint, which makes a bad
 * pin a usage error (exit 2, FINGERPRINT_INVALID) in every command, never a silent non-match.
 */
export interface Fingerprint {
  algorithm: 'sha256' | 'sha1';
  /** Okta's form: upper-case hex pairs joined by ':'. */
  value: string;
}

const PREFIX = /^(sha-?256|sha-?1)\s*(?:fingerprint)?\s*[=:]\s*/i;
const SEPARATORS = /[\s:-]/g;

export const FINGERPRINT_HINT =
  'Give the SHA-256 (64 hex digits) or SHA-1 (40 hex digits) fingerprint as Okta shows it: Applications → your app → Sign On tab → SAML Signing Certificates → Actions → View (AA:BB:… form).';

/** The pin, or why it is not one. */
function readFingerprint(input: string): Fingerprint | string {
  let s = input.trim();
  let declared: 'sha256' | 'sha1' | undefined;
  const prefix = PREFIX.exec(s);
  // "sha1:AB:…" is a prefix only when what follows is still a whole fingerprint.
  if (prefix?.[1]) {
    const rest = s.slice(prefix[0].length).replace(SEPARATORS, '');
    if (rest.length === 40 || rest.length === 64) {
      declared = prefix[1].replace('-', '').toLowerCase() === 'sha1' ? 'sha1' : 'sha256';
      s = s.slice(prefix[0].length);
    }
  }
  const hex = s.replace(SEPARATORS, '');
  const bad = /[^0-9a-fA-F]/.exec(hex);
  if (bad) return `${JSON.stringify(bad[0])} is not a hex digit`;
  const algorithm = hex.length === 64 ? 'sha256' : hex.length === 40 ? 'sha1' : undefined;
  if (!algorithm) return `${hex.length} hex digits, expected 64 (SHA-256) or 40 (SHA-1)`;
  if (declared && declared !== algorithm) return `labelled ${declared} but ${hex.length} hex digits long`;
  return { algorithm, value: hex.toUpperCase().match(/../g)?.join(':') ?? '' };
}

/** The pin in Okta's form, or undefined when the text is not a SHA-256/SHA-1 fingerprint. Never throws. */
export function parseFingerprint(input: string): Fingerprint | undefined {
  const r = readFingerprint(input);
  return typeof r === 'string' ? undefined : r;
}

/** For option parsing: as parseFingerprint, but a bad pin is a usage error (exit 2, FINGERPRINT_INVALID). */
export function normalizeFingerprint(input: string, flag = '--fingerprint'): Fingerprint {
  const r = readFingerprint(input);
  if (typeof r === 'string')
    throw usageError(`${flag}: ${JSON.stringify(input)} is not a fingerprint: ${r}`, 'FINGERPRINT_INVALID', FINGERPRINT_HINT);
  return r;
}

/** True when the pin names this certificate; a text that is not a fingerprint names none. */
export function matchesFingerprint(cert: { sha256: string; sha1: string }, pin: string | Fingerprint): boolean {
  const fp = typeof pin === 'string' ? parseFingerprint(pin) : pin;
  return fp !== undefined && (fp.algorithm === 'sha256' ? cert.sha256 : cert.sha1).toUpperCase() === fp.value;
}
