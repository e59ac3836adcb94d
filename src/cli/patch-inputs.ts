import { createHash } from 'node:crypto';
import { inputError } from '../core/errors.js';
import type { Finding } from '../core/findings.js';
import type { ParsedMetadata } from '../core/metadata/types.js';
import { normalizeStoredXml } from '../core/patch/normalize-stored-xml.js';
import type { Io } from './io.js';
import { loadMetadata } from './load-metadata.js';
import { readSnapshot, type Snapshot } from './safe-write.js';
import { errnoOf } from './writer-fs.js';

/** The two inputs of `patch`: the config as it is on disk, and the metadata as validated. */
export interface ConfigInput {
  /** Absent when the file does not exist and --create was given. */
  snapshot?: Snapshot;
  text: string;
}

export async function readConfig(path: string, shown: string, create: boolean, limit: number): Promise<ConfigInput> {
  let snapshot: Snapshot;
  try {
    snapshot = await readSnapshot(path, undefined, limit);
  } catch (e) {
    const code = errnoOf(e);
    if (code === 'ENOENT' && create) return { text: '' };
    if (code === 'ENOENT')
      throw inputError(
        `config file not found: ${shown}`,
        'PATCH_CONFIG_NOT_FOUND',
        'Check the path, or add --create to write a new config holding only the okta block.',
      );
    if (code === 'ENOTREG')
      throw inputError(
        `${shown} is not a regular file (a FIFO, device, socket or /proc entry): refused`,
        'INPUT_NOT_REGULAR',
        'Give the path of the deployment config file itself.',
      );
    if (code === 'EFBIG')
      throw inputError(
        `${shown} is larger than ${limit / 1024 / 1024} MB`,
        'INPUT_TOO_LARGE',
        'Raise --max-size if this really is the deployment config.',
      );
    const why =
      code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message;
    throw inputError(`cannot read ${shown}: ${why}`, 'PATCH_CONFIG_UNREADABLE', 'Check the path and the file permissions.');
  }
  if (snapshot.size > limit)
    throw inputError(
      `${shown} is larger than ${limit / 1024 / 1024} MB`,
      'INPUT_TOO_LARGE',
      'Raise --max-size if this really is the deployment config.',
    );
  try {
    // ignoreBOM keeps a BOM in the text: parseConfig records it and patch writes it back
    return { snapshot, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(snapshot.bytes) };
  } catch {
    throw inputError(`${shown} is not UTF-8 text`, 'PATCH_CONFIG_ENCODING', 'Save the config as UTF-8 (PyYAML and Helm read UTF-8).');
  }
}

export interface MetadataInput {
  source: string;
  /** The XML to store (see loadMetadata's `stored`); undefined when there is none. */
  text?: string;
  findings: Finding[];
  entityId?: string;
  signingCertSha256: string[];
  /** SHA-256 (hex) of the XML as stored in the config (BOM dropped, LF, no trailing whitespace). */
  sha256?: string;
  /** SHA-256 (hex) of the bytes as read (file, download or stdin). */
  sourceSha256: string;
  /** validateMetadata could read the document as IdP metadata (its report has `metadata`). */
  understood: boolean;
  /** What validateMetadata read (compared with the stored metadata before a write). */
  parsed?: ParsedMetadata;
  /** The bytes could be decoded as text at all. */
  decoded: boolean;
}

/**
 * --force overrides only errors about content the tool understood (certificate
 * expiry, weak key, fingerprint, endpoints). It never overrides the XML gate (docs/design.md §5:
 * DOCTYPE/entities, PIs, several roots, NUL bytes, bad encoding, signature structure: any XML_*
 * error) nor a document that could not be read as metadata at all: those would put hostile or
 * unknown markup into the config that controls who may log in. Nor does it write a private key
 * pasted where a certificate belongs (a secret would land in a config that is committed and
 * rendered into pods), or a `javascript:`/non-URL SSO endpoint.
 */
const NEVER_FORCED: Record<string, string> = {
  CERT_IS_PRIVATE_KEY: 'a private key would be written into the config',
  MD_SSO_BAD_URL: 'an SSO endpoint is not a usable URL',
};

export function forceCannotOverride(meta: MetadataInput): string | undefined {
  if (!meta.decoded || meta.findings.some((f) => f.severity === 'error' && f.code.startsWith('XML_')))
    return 'the XML itself is rejected, not a value in it';
  if (!meta.understood) return 'the document could not be read as IdP metadata';
  const blocked = meta.findings.find((f) => f.severity === 'error' && NEVER_FORCED[f.code] !== undefined);
  return blocked ? NEVER_FORCED[blocked.code] : undefined;
}

export async function readMetadata(
  io: Io,
  spec: string,
  opts: { now: Date; minDays: number; entityId?: string; maxSize?: string; fingerprints?: string[] },
): Promise<MetadataInput> {
  const loaded = await loadMetadata(io, spec, {
    now: opts.now,
    minDays: opts.minDays,
    ...(opts.maxSize !== undefined ? { maxSize: opts.maxSize } : {}),
    ...(opts.entityId !== undefined ? { entityId: opts.entityId } : {}),
    ...(opts.fingerprints && opts.fingerprints.length > 0 ? { fingerprints: opts.fingerprints } : {}),
  });
  const out: MetadataInput = {
    source: loaded.source,
    findings: [...loaded.report.findings],
    signingCertSha256: [],
    sourceSha256: loaded.sourceSha256 ?? '',
    understood: false,
    decoded: loaded.text !== undefined,
  };
  // What is written is the stored form: UTF-8 declaration or none, one entity out of an aggregate.
  if (loaded.stored !== undefined) {
    out.text = loaded.stored;
    out.sha256 = createHash('sha256').update(normalizeStoredXml(loaded.stored), 'utf8').digest('hex');
  }
  const md = loaded.report.metadata;
  if (md && loaded.stored !== undefined) {
    out.understood = true;
    out.parsed = md;
    out.entityId = md.entityId;
    out.signingCertSha256 = md.signingCerts.map((c) => c.sha256);
  }
  return out;
}
