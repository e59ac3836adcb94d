import { finding, type Finding, type Location } from '../findings.js';
import { relativeTime } from '../humanize-duration.js';
import type { ParsedMetadata } from '../metadata/types.js';
import { DRIFT_CODES as C } from './codes.js';
import { compareMetadata } from './compare-metadata.js';
import type { StoredMetadata } from './stored-metadata.js';
import type { TrustChange } from './types.js';

export interface DriftOptions {
  now: Date;
  minDays: number;
  /** Where the live metadata came from (shown in messages). */
  liveSource: string;
}

export interface DriftResult {
  change: TrustChange;
  findings: Finding[];
}

/**
 * The config (what Polyaxon trusts) against Okta's live metadata. Locations point into the
 * config: a stored certificate at its own line, everything else at the stored entity.
 */
export function driftFindings(stored: StoredMetadata, before: ParsedMetadata, live: ParsedMetadata, o: DriftOptions): DriftResult {
  const change = compareMetadata(before, live);
  const at = (loc?: Location): Location => (loc ? stored.pos.map(loc.line, loc.column) : stored.pos.start);
  const entityAt = at(before.signingCerts[0]?.location);
  const out: Finding[] = [];
  for (const cert of change.certs.added)
    out.push(
      finding(
        'DRIFT_CERT_NOT_IN_CONFIG',
        'error',
        `Okta (${o.liveSource}) publishes signing certificate SHA-256 ${cert.sha256} (until ${cert.notAfter.slice(0, 10)}) that the config does not trust: logins fail once Okta signs with it`,
        C.DRIFT_CERT_NOT_IN_CONFIG?.help,
        entityAt,
      ),
    );
  for (const cert of change.certs.removed) {
    const loc = before.signingCerts.find((c) => c.sha256 === cert.sha256)?.location;
    out.push(
      finding(
        'DRIFT_CERT_NOT_IN_OKTA',
        'warning',
        `the config trusts signing certificate SHA-256 ${cert.sha256}, which Okta no longer publishes`,
        C.DRIFT_CERT_NOT_IN_OKTA?.help,
        at(loc),
      ),
    );
  }
  if (change.entityId.changed)
    out.push(
      finding(
        'DRIFT_ENTITY_ID_CHANGED',
        'error',
        `Okta serves entityID ${change.entityId.after}; the config holds ${change.entityId.before}`,
        C.DRIFT_ENTITY_ID_CHANGED?.help,
        stored.pos.start,
      ),
    );
  if (change.ssoUrls.changed) {
    const loc = before.ssoEndpoints[0]?.position;
    out.push(
      finding(
        'DRIFT_SSO_URL_CHANGED',
        'warning',
        `Okta's SSO URL is ${change.ssoUrls.after.join(', ') || '(none)'}; the config holds ${change.ssoUrls.before.join(', ') || '(none)'}`,
        C.DRIFT_SSO_URL_CHANGED?.help,
        at(loc),
      ),
    );
  }
  const dayMs = 86_400_000;
  for (const cert of live.signingCerts) {
    const left = Math.floor((Date.parse(cert.notAfter) - o.now.getTime()) / dayMs);
    const kept = before.signingCerts.find((c) => c.sha256 === cert.sha256)?.location;
    if (left < 0)
      out.push(
        finding(
          'DRIFT_CERT_EXPIRED',
          'error',
          `Okta's signing certificate SHA-256 ${cert.sha256} expired on ${cert.notAfter.slice(0, 10)} (${relativeTime(Date.parse(cert.notAfter), o.now.getTime())})`,
          C.DRIFT_CERT_EXPIRED?.help,
          at(kept),
        ),
      );
    else if (left < o.minDays)
      out.push(
        finding(
          'DRIFT_CERT_EXPIRING',
          'warning',
          `Okta's signing certificate SHA-256 ${cert.sha256} expires on ${cert.notAfter.slice(0, 10)} (${relativeTime(Date.parse(cert.notAfter), o.now.getTime())}, under --min-days ${o.minDays})`,
          C.DRIFT_CERT_EXPIRING?.help,
          at(kept),
        ),
      );
  }
  return { change, findings: out };
}
