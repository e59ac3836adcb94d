import { createHash } from 'node:crypto';
import { inputError } from '../core/errors.js';
import { finding, sortFindings } from '../core/findings.js';
import { storedMetadata } from '../core/metadata/stored-metadata.js';
import type { MetadataReport, ValidateOptions } from '../core/metadata/types.js';
import { validateMetadata, validateMetadataBytes } from '../core/metadata/validate-metadata.js';
import type { XmlEncoding } from '../core/xml/decode-xml.js';
import type { Io } from './io.js';
import { preloadIfSigned } from './preload-if-signed.js';
import { readSource } from './read-source.js';

/**
 * The one metadata intake of every command (validate-metadata, patch, init, check-response
 * --metadata): source → bytes → decode → XML gate → validate, with xml-crypto preloaded when the
 * bytes may hold a signature. Decoding, the declared encoding and the gate's rules therefore read a
 * file the same way in each command (a UTF-16 file is read as UTF-16 everywhere).
 */
export interface LoadedMetadata {
  /** The name findings show: the path, the URL, or <stdin>. */
  source: string;
  report: MetadataReport;
  /** The decoded text; undefined when the bytes could not be decoded. */
  text?: string;
  encoding?: XmlEncoding;
  /** SHA-256 (hex) of the bytes as read (file, download or stdin). */
  sourceSha256?: string;
  /**
   * What patch and init store: UTF-8 text, declaration kept only when it says UTF-8, and from an
   * aggregate only the selected EntityDescriptor (which was re-validated on its own). Undefined
   * when the document has no such form (not decodable, not well-formed, no entity picked).
   */
  stored?: string;
}

export type LoadOptions = Omit<ValidateOptions, 'file'> & { maxSize?: string | number };

export async function loadMetadata(io: Io, spec: string, opts: LoadOptions): Promise<LoadedMetadata> {
  const src = await readSource(spec, io, { ...(opts.maxSize !== undefined ? { maxSizeMb: opts.maxSize } : {}), what: 'metadata' });
  await preloadIfSigned(src.bytes);
  const { maxSize: _ignored, ...validate } = opts;
  const r = validateMetadataBytes(src.bytes, { ...validate, file: src.name });
  const { text, encoding, bom: _bom, ...report } = r;
  const out: LoadedMetadata = { source: src.name, report, sourceSha256: createHash('sha256').update(src.bytes).digest('hex') };
  if (text !== undefined) out.text = text;
  if (encoding !== undefined) out.encoding = encoding;
  return withStored(out, validate, src.name);
}

/**
 * XML given as text (pasted into init): it reaches the config, and python3-saml, as UTF-8.
 * Synchronous, so without the preload: a signed paste loads xml-crypto synchronously instead.
 */
export function loadMetadataText(text: string, name: string, opts: LoadOptions): LoadedMetadata {
  const clean = text.replace(/^\uFEFF/, '');
  const { maxSize: _ignored, ...validate } = opts;
  return withStored(
    { source: name, report: validateMetadata(clean, { ...validate, file: name }), text: clean, encoding: 'utf-8' },
    validate,
    name,
  );
}

function withStored(out: LoadedMetadata, opts: Omit<ValidateOptions, 'file'>, name: string): LoadedMetadata {
  if (out.text === undefined || !out.report.metadata) return out;
  const stored = storedMetadata(out.text, {
    ...(opts.entityId !== undefined ? { entityId: opts.entityId } : {}),
    ...(out.encoding ? { encoding: out.encoding } : {}),
  });
  if (!stored) return out;
  out.stored = stored.xml;
  if (!stored.extracted) return out;
  // The extracted entity must stand on its own: what patch writes, lint reads back without errors.
  // What lint will check in the config: the clock, --min-days and the pins, nothing about the aggregate.
  const alone = validateMetadata(stored.xml, {
    now: opts.now,
    file: `${name} (entity ${opts.entityId ?? ''})`,
    ...(opts.minDays !== undefined ? { minDays: opts.minDays } : {}),
    ...(opts.fingerprints ? { fingerprints: opts.fingerprints } : {}),
  });
  const broken = alone.findings.filter((f) => f.severity === 'error' && !out.report.findings.some((g) => g.code === f.code));
  if (broken.length > 0) {
    delete out.stored;
    out.report = {
      ...out.report,
      findings: sortFindings([
        ...out.report.findings,
        finding(
          'MD_ENTITY_NOT_STANDALONE',
          'error',
          `the selected EntityDescriptor does not validate on its own: ${broken[0]?.message}`,
          "Store the entity with its own signature and namespaces, or ask the federation for the IdP's own metadata.",
        ),
      ]),
    };
  }
  return out;
}

/**
 * check-response --metadata: the text its trust anchors are read from, after the same intake as
 * validate-metadata (so a UTF-16 file is read as UTF-16 here too), or an input error naming the
 * first problem.
 */
export async function loadMetadataForTrust(io: Io, spec: string, opts: LoadOptions): Promise<string> {
  const loaded = await loadMetadata(io, spec, opts);
  if (loaded.stored !== undefined) return loaded.stored;
  const first = loaded.report.findings.find((f) => f.severity === 'error');
  throw inputError(
    `${loaded.source}: not usable IdP metadata${first ? ` (${first.message})` : ''}`,
    first?.code ?? 'METADATA_UNUSABLE',
    'Run `polyaxon-sso validate-metadata` on it for details.',
  );
}
