import { finding, type Finding } from '../findings.js';
import type { CertInfo, MetadataReport } from '../metadata/types.js';
import type { AcceptedMetadata, CertSummary } from './init-state.js';

/**
 * The wizard never continues with bad metadata (step 4): any error-severity finding from
 * the shared validateMetadata path, or no signing certificate to show, sends the admin back to the
 * metadata question with the findings explained. Warnings are shown and do not block.
 */
export type MetadataVerdict = { ok: true; metadata: AcceptedMetadata } | { ok: false; errors: Finding[]; warnings: Finding[] };

export function certSummary(c: CertInfo): CertSummary {
  return { subject: c.subject, notAfter: c.notAfter, daysLeft: c.daysLeft, sha256: c.sha256 };
}

/** The cert an admin compares with Okta's screen: the newest signing cert (Okta shows the active one). */
export function primaryCert(certs: readonly CertInfo[]): CertInfo | undefined {
  return certs.find((c) => c.newest) ?? certs[0];
}

export function judgeMetadata(report: MetadataReport, xml: string, source: string): MetadataVerdict {
  const errors = report.findings.filter((f) => f.severity === 'error');
  const warnings = report.findings.filter((f) => f.severity !== 'error');
  const md = report.metadata;
  const cert = md ? primaryCert(md.signingCerts) : undefined;
  if (errors.length === 0 && (md === undefined || cert === undefined))
    errors.push(
      finding(
        'INIT_NO_SIGNING_CERT',
        'error',
        'the metadata holds no signing certificate to trust',
        'Download the metadata again in Okta: Sign On tab → "View IdP metadata".',
      ),
    );
  if (errors.length > 0 || md === undefined || cert === undefined) return { ok: false, errors, warnings };
  return {
    ok: true,
    metadata: {
      source,
      xml,
      entityId: md.entityId,
      cert: certSummary(cert),
      certs: md.signingCerts.map(certSummary),
      findings: warnings,
      // validateMetadata reports a --fingerprint pin that matched (a mismatch is an error above).
      pinned: report.findings.some((f) => f.code === 'MD_FINGERPRINT_MATCH'),
    },
  };
}

/**
 * Old and new fingerprints side by side for a rotation ("Modes"). `same` is true when
 * the new metadata carries exactly the certificates already in the config.
 */
export interface RotationRow {
  label: 'current' | 'new';
  cert: CertSummary;
}

export function rotationRows(current: readonly CertSummary[], next: readonly CertSummary[]): { rows: RotationRow[]; sameCerts: boolean } {
  const key = (cs: readonly CertSummary[]) =>
    cs
      .map((c) => c.sha256)
      .sort()
      .join(' ');
  return {
    rows: [...current.map((cert) => ({ label: 'current' as const, cert })), ...next.map((cert) => ({ label: 'new' as const, cert }))],
    sameCerts: current.length > 0 && key(current) === key(next),
  };
}
