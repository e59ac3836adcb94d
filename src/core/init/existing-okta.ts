import { isMap, type Document } from 'yaml';
import { OKTA_PATH, OKTA_XML_PATH } from '../config/parse-config.js';
import type { ValidateOptions } from '../metadata/types.js';
import { validateMetadata } from '../metadata/validate-metadata.js';
import type { ExistingOkta } from './init-state.js';
import { certSummary } from './judge-metadata.js';

/**
 * What a re-run finds already set ("Modes"): `externalServices.auth.okta` with its
 * `enabled` flag and stored metadata. The stored XML is read through the same validateMetadata
 * path as new metadata, so the "current" fingerprints are computed exactly like the "new" ones.
 */
export function existingOkta(doc: Document.Parsed | undefined, opts: ValidateOptions): ExistingOkta | undefined {
  if (!doc || !isMap(doc.contents)) return undefined;
  const okta = doc.getIn(OKTA_PATH);
  if (okta === undefined || okta === null) return undefined;
  const enabled = doc.getIn([...OKTA_PATH, 'enabled']) === true;
  const raw = doc.getIn(OKTA_XML_PATH);
  const xml = typeof raw === 'string' && raw.trim() !== '' ? raw : undefined;
  if (xml === undefined) return { enabled, certs: [] };
  const md = validateMetadata(xml, opts).metadata;
  const result: ExistingOkta = { enabled, xml, certs: md ? md.signingCerts.map(certSummary) : [] };
  if (md?.entityId) result.entityId = md.entityId;
  return result;
}
