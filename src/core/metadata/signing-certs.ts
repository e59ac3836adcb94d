/**
 * Signing certificates of the IdP (issue 3): each X509Certificate of a signing KeyDescriptor goes
 * through the certs module's analyzeCertificate (strict base64, DER length, key/CSR/PEM detection,
 * RSA size, algorithms, validity); this file adds document context: index, use, newest (rotation),
 * and the --fingerprint pins (read by src/core/cert/fingerprint.ts, the one pin reader).
 */
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

export function signingCerts(keys: RawKey[], opts: CertOptions, at?: Location): { certs: CertInfo[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const certs: CertInfo[] = [];
  for (const key of keys) {
    const a = analyzeCertificate(key.certText ?? '', {
      now: opts.now,
      ...(opts.minDays !== undefined ? { minDays: opts.minDays } : {}),
      ...(key.textLocation ?? key.location ? { location: (key.textLocation ?? key.location) as Location } : {}),
    });
    findings.push(...a.findings);
    if (!a.cert) continue;
    const info: CertInfo = { index: certs.length, use: key.use, ...a.cert, newest: false };
    if (key.location) info.location = key.location;
    certs.push(info);
  }
  if (keys.length === 0 || certs.length === 0) {
    if (!findings.some((f) => f.severity === 'error') || keys.length === 0)
      findings.push(finding('MD_NO_SIGNING_CERT', 'error', 'no usable signing certificate in the IDPSSODescriptor', C.MD_NO_SIGNING_CERT.help, at));
  }
  markNewest(certs, findings);
  if (opts.fingerprints && opts.fingerprints.length > 0) findings.push(...checkPins(certs, opts.fingerprints, at));
  return { certs, findings };
}

/** The cert with the latest notAfter is the one Okta rotates to (ties: the later in the document). */
function markNewest(certs: CertInfo[], findings: Finding[]): void {
  let best: CertInfo | undefined;
  for (const c of certs) if (!best || Date.parse(c.notAfter) >= Date.parse(best.notAfter)) best = c;
  if (best) best.newest = true;
  const distinct = new Set(certs.map((c) => c.sha256));
  if (best && distinct.size > 1)
    findings.push(finding('MD_NEWEST_CERT', 'info', `${distinct.size} signing certificates; the newest (until ${best.notAfter}) is #${best.index + 1}, SHA-256 ${best.sha256}`, C.MD_NEWEST_CERT.help, best.location));
}

function checkPins(certs: CertInfo[], pins: string[], at?: Location): Finding[] {
  const out: Finding[] = [];
  // A pin that is not a fingerprint matches nothing; the CLI refuses it before (FINGERPRINT_INVALID).
  const parsed = pins.map(parseFingerprint).filter((p) => p !== undefined);
  const hit = certs.find((c) => parsed.some((p) => matchesFingerprint(c, p)));
  if (hit) out.push(finding('MD_FINGERPRINT_MATCH', 'info', `signing certificate #${hit.index + 1} matches the pinned fingerprint`, undefined, hit.location));
  else
    out.push(
      finding(
        'MD_FINGERPRINT_MISMATCH',
        'error',
        `no signing certificate matches --fingerprint ${pins.join(', ')}${certs.length ? ` (found SHA-256 ${certs.map((c) => c.sha256).join(', ')})` : ''}`,
        C.MD_FINGERPRINT_MISMATCH.help,
        at,
      ),
    );
  return out;
}
