import { resolve } from 'node:path';
import { EXIT, inputError, usageError } from '../../core/errors.js';
import { parseConfig } from '../../core/config/parse-config.js';
import { validateMetadata, validateMetadataBytes } from '../../core/metadata/validate-metadata.js';
import { driftFindings } from '../../core/trust/drift-findings.js';
import { oktaMetadataUrl } from '../../core/trust/okta-metadata-url.js';
import { storedOktaMetadata } from '../../core/trust/stored-metadata.js';
import { renderDrift } from './drift-output.js';
import { httpsFetchWithCa } from './https-fetch.js';
import { wantsColor, type Io } from '../../cli/io.js';
import { formatOption, intOption, nowOption } from '../../cli/options.js';
import { preloadIfSigned } from '../../cli/preload-if-signed.js';
import { maxBytes, readLocalFile, readSource } from '../../cli/read-source.js';
import { DRIFT_FLAGS, type DriftCliOptions } from './flags.js';

/**
 * `drift <config>`: the okta metadata stored in the config against what Okta serves now. The
 * only command that goes to the network on its own (it is the point of it), and only when run.
 * Exit 0 no drift, 1 drift, 2 could not fetch or read.
 */
export async function run(io: Io, config: string, opts: DriftCliOptions): Promise<number> {
  let format = formatOption(opts.format, opts.json, DRIFT_FLAGS.format.default);
  if (format === 'auto') format = io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'text';
  const now = nowOption(opts.now, io);
  const minDays = intOption(opts.minDays, '--min-days');
  const timeoutMs = intOption(opts.timeout, '--timeout', 1) * 1000;
  const limit = maxBytes(opts.maxSize);

  const text = (await readLocalFile(resolve(io.cwd, config), config, limit, 'config')).toString('utf8');
  const stored = storedOktaMetadata(parseConfig(text, config), config);
  if (!stored)
    throw inputError(
      `${config} holds no okta metadata (externalServices.auth.okta.options.xml) to compare`,
      'DRIFT_NO_STORED_METADATA',
      'Set it up first: polyaxon-sso patch <config> --metadata <metadata URL>.',
    );
  await preloadIfSigned(stored.xml);
  const before = validateMetadata(stored.xml, { now, minDays, file: config }).metadata;
  if (!before)
    throw inputError(
      `${config}: the stored okta metadata is not readable IdP metadata`,
      'DRIFT_NO_STORED_METADATA',
      `Run polyaxon-sso lint ${config} to see why.`,
    );
  const url = opts.metadataUrl ?? oktaMetadataUrl(before);
  if (url === undefined)
    throw usageError(
      `cannot derive Okta's metadata URL from the stored metadata (entityID ${before.entityId})`,
      'DRIFT_URL_UNKNOWN',
      'Pass --metadata-url https://<org>.okta.com/app/<appId>/sso/saml/metadata.',
    );
  if (!/^https:\/\//i.test(url)) throw usageError(`--metadata-url must be an https URL, got ${url}`, 'URL_NOT_HTTPS');

  const fetchIo: Io = opts.caFile === undefined ? io : { ...io, fetch: httpsFetchWithCa(await caPem(io, opts.caFile, limit)) };
  const readOpts = { maxSizeMb: limit / 1024 / 1024, what: 'metadata', timeoutMs };
  const { bytes } = await readSource(url, fetchIo, readOpts);
  await preloadIfSigned(bytes);
  const live = validateMetadataBytes(bytes, { now, minDays, file: url });
  if (!live.metadata) {
    const why = live.findings.find((f) => f.severity === 'error')?.message ?? 'not IdP metadata';
    throw inputError(
      `the answer from ${url} is not IdP metadata: ${why}`,
      'DRIFT_LIVE_NOT_METADATA',
      'Open the URL in a browser: Okta shows it under Sign On → "View IdP metadata" (or pass --metadata-url).',
    );
  }
  const { change, findings } = driftFindings(stored, before, live.metadata, { now, minDays, liveSource: url });
  const exitCode = findings.some((f) => f.severity !== 'info') ? EXIT.FINDINGS : EXIT.OK;
  io.stdout.write(renderDrift(format, { config, metadataUrl: url, findings, change, exitCode }, wantsColor(io, opts.color)));
  return exitCode;
}

async function caPem(io: Io, path: string, limit: number): Promise<string> {
  const pem = (await readLocalFile(resolve(io.cwd, path), path, limit, 'CA certificate')).toString('utf8');
  if (!/-----BEGIN CERTIFICATE-----/.test(pem))
    throw inputError(
      `--ca-file ${path} holds no PEM certificate`,
      'CA_FILE_INVALID',
      'Give the CA that issued the Okta (custom domain) server certificate, as PEM (-----BEGIN CERTIFICATE-----).',
    );
  return pem;
}
