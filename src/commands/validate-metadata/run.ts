import { resolve } from 'node:path';
import { EXIT, inputError } from '../../core/errors.js';
import { countBySeverity } from '../../core/findings.js';
import { normalizeFingerprint } from '../../core/cert/fingerprint.js';
import type { MetadataReport } from '../../core/metadata/index.js';
import type { Io } from '../../cli/io.js';
import { wantsColor } from '../../cli/io.js';
import { intOption, nowOption } from '../../cli/options.js';
import { loadMetadata } from '../../cli/load-metadata.js';
import { maxBytes, readLocalFile } from '../../cli/read-source.js';
import { renderMetadataReport } from './render-metadata.js';
import type { ValidateMetadataOptions } from './flags.js';

/** `validate-metadata`: options → loadMetadata (the one intake) → report → exit code (docs/design.md). */
export async function run(io: Io, source: string, opts: ValidateMetadataOptions): Promise<number> {
  const now = nowOption(opts.now, io);
  const minDays = intOption(opts.minDays, '--min-days');
  const fingerprints = (opts.fingerprint ?? []).map((f) => normalizeFingerprint(f).value);
  const limit = maxBytes(opts.maxSize);
  const signerCerts: string[] = [];
  for (const path of opts.signerCert ?? []) {
    const pem = (await readLocalFile(resolve(io.cwd, path), path, limit, 'signer certificate')).toString('utf8');
    if (!/-----BEGIN (CERTIFICATE|PUBLIC KEY)-----/.test(pem))
      throw inputError(
        `--signer-cert ${path} holds no PEM certificate`,
        'SIGNER_CERT_INVALID',
        'Give the federation signer certificate as a PEM file (-----BEGIN CERTIFICATE-----).',
      );
    signerCerts.push(pem);
  }
  const { source: name, report } = await loadMetadata(io, source, {
    maxSize: opts.maxSize,
    now,
    minDays,
    ...(fingerprints.length ? { fingerprints } : {}),
    ...(opts.entityId !== undefined ? { entityId: opts.entityId } : {}),
    ...(signerCerts.length ? { signerCerts } : {}),
    ...(opts.requireSignature ? { requireSignature: true } : {}),
  });
  const counts = countBySeverity(report.findings);
  const ok = counts.error === 0 && !(opts.strict && counts.warning > 0);
  if (opts.json) io.stdout.write(`${JSON.stringify(toJson(name, report, ok), null, 2)}\n`);
  else io.stdout.write(renderMetadataReport(name, report, ok, { color: wantsColor(io, opts.color) }));
  return ok ? EXIT.OK : EXIT.FINDINGS;
}

/** The published shape: schemas/validate-metadata.schema.json (schemaVersion 1). */
export function toJson(source: string, r: MetadataReport, ok: boolean): Record<string, unknown> {
  const counts = countBySeverity(r.findings);
  const m = r.metadata;
  const json: Record<string, unknown> = { schemaVersion: 1, exitCode: ok ? EXIT.OK : EXIT.FINDINGS, source, entityId: m?.entityId ?? null };
  if (r.signatureValid !== undefined) json.signatureValid = r.signatureValid;
  json.signatureTrust = r.signatureTrust ?? null;
  json.metadata = m
    ? {
        entityId: m.entityId,
        oktaEntityId: m.oktaEntityId,
        idpHost: m.idpHost ?? null,
        idpHostKind: m.idpHostKind,
        ssoEndpoints: m.ssoEndpoints,
        sloEndpoints: m.sloEndpoints,
        nameIdFormats: m.nameIdFormats,
        wantAuthnRequestsSigned: m.wantAuthnRequestsSigned ?? null,
        validUntil: m.validUntil ?? null,
        cacheDuration: m.cacheDuration ?? null,
        signed: m.signed,
      }
    : null;
  json.certificates = m?.signingCerts ?? [];
  json.findings = r.findings;
  json.summary = { errors: counts.error, warnings: counts.warning, infos: counts.info };
  json.ok = ok;
  return json;
}
