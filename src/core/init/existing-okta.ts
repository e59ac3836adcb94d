import { isMap, type Document } from 'yaml';
import type { ValidateOptions } from '../metadata/types.js';
import { validateMetadata } from '../metadata/validate-metadata.js';
import type { ExistingOkta } from './init-state.js';
import { certSummary } from './judge-metadata.js';

/**
 * What a re-run finds already set (issue 6, "Modes"): `externalServices.auth.okta` with its
 * `enabled` flag and stored metadata. The stored XML is read through the same validateMetadata
 * path as new metadata, so the "current" fingerprints are computed exactly like the "new" ones.
 */
export function existingOkta(doc: Document.Parsed | undefined, opts: ValidateOptions): ExistingOkta | undefined {
  if (!doc || !isMap(doc.contents)) return undefined;
  const okta = doc.getIn(['externalServices', 'auth', 'okta']);
  if (okta === undefined || okta === null) return undefined;
  const enabled = doc.getIn(['externalServices', 'auth', 'okta', 'enabled']) === true;
  const raw = doc.getIn(['externalServices', 'auth', 'okta', 'options', 'xml']);
  const xml = typeof raw === 'string' && raw.trim() !== '' ? raw : undefined;
  if (xml === undefined) return { enabled, certs: [] };
  const md = validateMetadata(xml, opts).metadata;
  const result: ExistingOkta = { enabled, xml, certs: md ? md.signingCerts.map(certSummary) : [] };
  if (md?.entityId) result.entityId = md.entityId;
  return result;
}
