/**
 * Signing certificates of the IdP: each X509Certificate of a signing KeyDescriptor goes
 * through the certs module's analyzeCertificate (strict base64, DER length, key/CSR/PEM detection,
 * RSA size, algorithms, validity); this file adds document context: index, use, newest (rotation),
 * and the --fingerprint pins (read by src/core/cert/fingerprint.ts, the one pin reader).
 */
import { X509Certificate } from 'node:crypto';
import { analyzeCertificate } from '../cert/analyze-certificate.js';
import { matchesFingerprint, parseFingerprint } from '../cert/fingerprint.js';
import { finding, type Finding, type Location } from '../findings.js';
import { METADATA_CODES as C } from './codes.js';
import type { RawKey } from './read-idp-descriptor.js';
import type { CertInfo } from './types.js';

export interface CertOptions {
  now: Date;
  minDays?: number;
  fingerprints?: string[];
}

export function signingCerts(
  keys: RawKey[],
  opts: CertOptions,
  at?: Location,
  encryption: RawKey[] = [],
): { certs: CertInfo[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const certs: CertInfo[] = [];
  for (const key of keys) {
    const a = analyzeCertificate(key.certText ?? '', {
      now: opts.now,
      ...(opts.minDays !== undefined ? { minDays: opts.minDays } : {}),
      ...((key.textLocation ?? key.location) ? { location: (key.textLocation ?? key.location) as Location } : {}),
    });
    findings.push(...a.findings);
    if (!a.cert) continue;
    const info: CertInfo = { index: certs.length, use: key.use, ...a.cert, newest: false };
    if (key.location) info.location = key.location;
    certs.push(info);
  }
  if (keys.length === 0 || certs.length === 0) {
    if (!findings.some((f) => f.severity === 'error') || keys.length === 0)
      findings.push(
        finding('MD_NO_SIGNING_CERT', 'error', 'no usable signing certificate in the IDPSSODescriptor', C.MD_NO_SIGNING_CERT.help, at),
      );
  }
  markNewest(certs, findings);
  if (opts.fingerprints && opts.fingerprints.length > 0) findings.push(...checkPins(certs, opts.fingerprints, encryption, at));
  return { certs, findings };
}

/** The cert with the latest notAfter is the one Okta rotates to (ties: the later in the document). */
function markNewest(certs: CertInfo[], findings: Finding[]): void {
  let best: CertInfo | undefined;
  for (const c of certs) if (!best || Date.parse(c.notAfter) >= Date.parse(best.notAfter)) best = c;
  if (best) best.newest = true;
  const distinct = new Set(certs.map((c) => c.sha256));
  if (best && distinct.size > 1)
    findings.push(
      finding(
        'MD_NEWEST_CERT',
        'info',
        `${distinct.size} signing certificates; the newest (until ${best.notAfter}) is #${best.index + 1}, SHA-256 ${best.sha256}`,
        C.MD_NEWEST_CERT.help,
        best.location,
      ),
    );
}

/**
 * A pin covers the whole trust set: python3-saml and ruby-saml accept a response signed by ANY
 * signing certificate of the metadata, so one pinned certificate next to an unpinned one would let
 * the unpinned key log users in. Every signing certificate must match a pin.
 */
function checkPins(certs: CertInfo[], pins: string[], encryption: RawKey[], at?: Location): Finding[] {
  const out: Finding[] = [];
  // A pin that is not a fingerprint matches nothing; the CLI refuses it before (FINGERPRINT_INVALID).
  const parsed = pins.map(parseFingerprint).filter((p) => p !== undefined);
  const unpinned = certs.filter((c) => !parsed.some((p) => matchesFingerprint(c, p)));
  if (certs.length === 0)
    out.push(
      finding(
        'MD_FINGERPRINT_MISMATCH',
        'error',
        `no signing certificate matches --fingerprint ${pins.join(', ')}`,
        C.MD_FINGERPRINT_MISMATCH.help,
        at,
      ),
    );
  else if (unpinned.length === certs.length)
    out.push(
      finding(
        'MD_FINGERPRINT_MISMATCH',
        'error',
        `no signing certificate matches --fingerprint ${pins.join(', ')} (found SHA-256 ${certs.map((c) => c.sha256).join(', ')})`,
        C.MD_FINGERPRINT_MISMATCH.help,
        at,
      ),
    );
  else if (unpinned.length > 0)
    for (const c of unpinned)
      out.push(
        finding(
          'MD_FINGERPRINT_MISMATCH',
          'error',
          `signing certificate #${c.index + 1} (SHA-256 ${c.sha256}) matches no --fingerprint: SAML libraries trust every signing certificate, so each must be pinned`,
          C.MD_FINGERPRINT_MISMATCH.help,
          c.location ?? at,
        ),
      );
  else
    out.push(
      finding(
        'MD_FINGERPRINT_MATCH',
        'info',
        `${certs.length === 1 ? 'the signing certificate matches' : `all ${certs.length} signing certificates match`} the pinned fingerprints`,
        undefined,
        certs[0]?.location,
      ),
    );
  const signingKeys = new Set(certs.map((c) => spkiOf(c.pem)).filter((k) => k !== undefined));
  for (const e of encryption) {
    const key = spkiOf(e.certText ?? '');
    if (key === undefined || !signingKeys.has(key))
      out.push(
        finding(
          'MD_ENCRYPTION_KEY_UNPINNED',
          'warning',
          'an encryption KeyDescriptor holds a key that is none of the pinned signing keys',
          C.MD_ENCRYPTION_KEY_UNPINNED.help,
          e.location ?? at,
        ),
      );
  }
  return out;
}

/** The public key (SPKI, base64) of a certificate given as PEM or bare base64; undefined when unreadable. */
function spkiOf(cert: string): string | undefined {
  try {
    const b64 = cert.replace(/-----[A-Z ]+-----/g, '').replace(/[ \t\r\n]/g, '');
    return new X509Certificate(Buffer.from(b64, 'base64')).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  } catch {
    return undefined;
  }
}
