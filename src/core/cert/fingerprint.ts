import { usageError } from '../errors.js';

/**
 * Certificate pins (`--fingerprint`, issue 3): SHA-256 or SHA-1, any case, with or without
 * colons or spaces, as Okta ("SHA-256 Fingerprint"), openssl (`sha256 Fingerprint=AA:…`) or
 * `xmlsec1`/scripts print them. Anything else is a usage error, never a silent non-match.
 */
export interface Fingerprint {
  algorithm: 'sha256' | 'sha1';
  /** Okta's form: upper-case hex pairs joined by ':'. */
  value: string;
}

const PREFIX = /^(sha-?256|sha-?1)\s*(?:fingerprint)?\s*[=:]\s*/i;

export function normalizeFingerprint(input: string): Fingerprint {
  let s = input.trim();
  let declared: 'sha256' | 'sha1' | undefined;
  const prefix = PREFIX.exec(s);
  // "sha1:AB:…" is a prefix only when what follows is still a whole fingerprint.
  if (prefix?.[1]) {
    const rest = s.slice(prefix[0].length).replace(/[\s:]/g, '');
    if (rest.length === 40 || rest.length === 64) {
      declared = prefix[1].replace('-', '').toLowerCase() === 'sha1' ? 'sha1' : 'sha256';
      s = s.slice(prefix[0].length);
    }
  }
  const hex = s.replace(/[\s:]/g, '');
  const bad = /[^0-9a-fA-F]/.exec(hex);
  const hint = 'Give the SHA-256 (64 hex digits) or SHA-1 (40 hex digits) fingerprint, e.g. as Okta shows it: AA:BB:…';
  if (bad) {
    throw usageError(`invalid fingerprint ${JSON.stringify(input)}: ${JSON.stringify(bad[0])} is not a hex digit`, 'FINGERPRINT_INVALID', hint);
  }
  const algorithm = hex.length === 64 ? 'sha256' : hex.length === 40 ? 'sha1' : undefined;
  if (!algorithm || (declared && declared !== algorithm)) {
    throw usageError(`invalid fingerprint ${JSON.stringify(input)}: ${hex.length} hex digits, expected 64 (SHA-256) or 40 (SHA-1)`, 'FINGERPRINT_INVALID', hint);
  }
  return { algorithm, value: hex.toUpperCase().match(/../g)?.join(':') ?? '' };
}

/** True when the pin (raw text or normalized) names this certificate. */
export function matchesFingerprint(cert: { sha256: string; sha1: string }, pin: string | Fingerprint): boolean {
  const fp = typeof pin === 'string' ? normalizeFingerprint(pin) : pin;
  return (fp.algorithm === 'sha256' ? cert.sha256 : cert.sha1).toUpperCase() === fp.value;
}
