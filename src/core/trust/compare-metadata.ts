import type { CertInfo, ParsedMetadata } from '../metadata/types.js';
import type { BeforeAfter, CertBrief, ChangeKind, TrustChange } from './types.js';
import { weakerFlags } from './weaker.js';

/**
 * Stored metadata (what the config trusts today) against the new document, both as read by the
 * one validateMetadata path. `before` is undefined when the stored XML is not readable metadata:
 * that is a replacement, since nothing shows the new document comes from the same IdP.
 */
export function compareMetadata(before: ParsedMetadata | undefined, after: ParsedMetadata): TrustChange {
  const beforeCerts = (before?.signingCerts ?? []).map(brief);
  const afterCerts = after.signingCerts.map(brief);
  const had = new Set(beforeCerts.map((c) => c.sha256));
  const has = new Set(afterCerts.map((c) => c.sha256));
  const certs = {
    added: afterCerts.filter((c) => !had.has(c.sha256)),
    removed: beforeCerts.filter((c) => !has.has(c.sha256)),
    kept: afterCerts.filter((c) => had.has(c.sha256)),
    changed: false,
  };
  certs.changed = certs.added.length > 0 || certs.removed.length > 0;
  const entityId = pair(before?.entityId ?? null, after.entityId);
  const idpHost = pair(lower(before?.idpHost), lower(after.idpHost));
  const ssoUrls = listPair(ssoUrlsOf(before), ssoUrlsOf(after));
  const kind: ChangeKind = !before || entityId.changed || idpHost.changed ? 'replacement' : certs.changed ? 'rotation' : 'same';
  return {
    kind,
    beforeReadable: before !== undefined,
    entityId,
    idpHost,
    ssoUrls,
    certs,
    weaker: before ? weakerFlags(before, after, beforeCerts, afterCerts) : [],
  };
}

export function brief(c: CertInfo): CertBrief {
  const b: CertBrief = {
    sha256: c.sha256,
    sha1: c.sha1,
    subject: c.subject,
    notAfter: c.notAfter,
    keyType: c.keyType,
    signatureAlgorithm: c.signatureAlgorithm,
  };
  if (c.keySize !== undefined) b.keySize = c.keySize;
  return b;
}

export function ssoUrlsOf(md: ParsedMetadata | undefined): string[] {
  return [...new Set((md?.ssoEndpoints ?? []).map((e) => e.location))].sort();
}

function lower(host: string | undefined): string | null {
  return host === undefined ? null : host.toLowerCase();
}

function pair<T>(before: T, after: T): BeforeAfter<T> {
  return { before, after, changed: before !== after };
}

function listPair(before: string[], after: string[]): BeforeAfter<string[]> {
  return { before, after, changed: before.join('\n') !== after.join('\n') };
}
