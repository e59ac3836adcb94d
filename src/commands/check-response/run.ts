import { createPrivateKey } from 'node:crypto';
import { resolve } from 'node:path';
import { parseConfig } from '../../core/config/parse-config.js';
import { inferHost } from '../../core/config/infer-host.js';
import { refuseMisreadConfig } from '../../core/config/refuse-misread-config.js';
import { EXIT, inputError, usageError } from '../../core/errors.js';
import { countBySeverity, sortFindings, type Finding } from '../../core/findings.js';
import { checkResponse } from '../../core/response/check-response.js';
import { decodeInput } from '../../core/response/decode-input.js';
import {
  anchorTimeFindings,
  oktaXmlFromConfig,
  trustFromMetadata,
  trustFromPem,
  type TrustAnchor,
} from '../../core/response/trust-anchors.js';
import { buildSpUrls } from '../../core/urls/sp-urls.js';
import { wantsColor, type Io } from '../../cli/io.js';
import { boundedGroupsMatcher } from './bounded-groups-matcher.js';
import { attributeOptions, hostOption, intOption, nowOption, orgOption } from '../../cli/options.js';
import { loadMetadataForTrust } from '../../cli/load-metadata.js';
import { preloadIfSigned } from '../../cli/preload-if-signed.js';
import { maxBytes, readLocalFile, readSource } from '../../cli/read-source.js';
import { renderResponseReport } from './render-response.js';
import type { CheckResponseCliOptions } from './flags.js';

/** `check-response`: verify a captured SAML login offline. Exit 0 ok, 1 findings, 2 could not run. */
export async function run(io: Io, source: string, opts: CheckResponseCliOptions): Promise<number> {
  const now = nowOption(opts.now, io);
  const clockSkewSeconds = intOption(opts.clockSkew, '--clock-skew');
  const attributes = attributeOptions(opts);
  const limit = maxBytes(opts.maxSize);
  if (opts.config === undefined && opts.metadata === undefined && (opts.idpCert ?? []).length === 0)
    throw usageError(
      'no trust source: give --config, --metadata or --idp-cert',
      'USAGE',
      "Trust comes from the Okta metadata's signing certificate, never from the response itself.",
    );

  const config = opts.config === undefined ? undefined : parseConfig(await readText(opts.config, io, limit, 'config'), opts.config);
  // Trust (the IdP metadata) and the host only from a config PyYAML reads as we do: else exit 2.
  if (config)
    refuseMisreadConfig(
      config,
      opts.config as string,
      'the trusted IdP metadata',
      'Or pass the metadata with --metadata or --idp-cert instead of --config.',
    );
  const { audience, acsUrl } = expectedUrls(opts, config);
  const anchors: TrustAnchor[] = [];
  let expectedIssuer: string | undefined;
  for (const [xml, name] of [
    ...(config ? [[oktaXmlFromConfig(config, opts.config as string), `${opts.config} options.xml`]] : []),
    ...(opts.metadata !== undefined
      ? [[await loadMetadataForTrust(io, opts.metadata, { now, maxSize: opts.maxSize }), opts.metadata]]
      : []),
  ] as [string, string][]) {
    await preloadIfSigned(xml);
    const t = trustFromMetadata(xml, name, now);
    if (expectedIssuer !== undefined && expectedIssuer !== t.entityId)
      throw usageError(
        `--config and --metadata describe different Okta apps (${expectedIssuer} vs ${t.entityId})`,
        'USAGE',
        'Give only the one of --config and --metadata that belongs to the app that signed the response.',
      );
    expectedIssuer = t.entityId;
    anchors.push(...t.anchors);
  }
  for (const pemFile of opts.idpCert ?? []) anchors.push(...trustFromPem(await readText(pemFile, io, limit, 'certificate'), pemFile, now));
  const spKey = opts.spKey === undefined ? undefined : await readText(opts.spKey, io, limit, 'SP key');
  if (spKey !== undefined) usableKey(spKey, opts.spKey as string);

  const input = await readSource(source, io, { maxSizeMb: opts.maxSize, what: 'response' });
  const decoded = decodeInput(input.bytes, { acsUrl, maxBytes: limit });
  if (!decoded.ok) throw inputError(`${input.name}: ${decoded.message}`, decoded.code, decoded.hint);
  const steps = decoded.value.steps;
  const file = steps.length === 1 && steps[0] === 'xml' ? input.name : `${input.name} (decoded)`;
  await preloadIfSigned(decoded.value.xml);
  const report = checkResponse(decoded.value.xml, {
    file,
    trustedCerts: anchors.map((a) => a.pem),
    audience,
    acsUrl,
    now,
    clockSkewSeconds,
    attributes,
    matchGroups: boundedGroupsMatcher(),
    ...(expectedIssuer !== undefined ? { expectedIssuer } : {}),
    ...(spKey !== undefined ? { spKey } : {}),
    ...(opts.redact ? { redact: true } : {}),
    ...(opts.requestId !== undefined ? { requestId: opts.requestId } : {}),
  });
  const findings: Finding[] = sortFindings([
    ...(config?.findings ?? []),
    ...decoded.value.findings,
    ...anchorTimeFindings(anchors, now),
    ...report.findings,
  ]);
  const summary = countBySeverity(findings);
  const ok = summary.error === 0 && !(opts.strict && summary.warning > 0);
  const { signatureValid, nameId, signed, issuer, audience: aud, attributes: attrs, conditions, ...rest } = report;
  const doc = {
    schemaVersion: 1,
    exitCode: ok ? EXIT.OK : EXIT.FINDINGS,
    signatureValid,
    nameId,
    signed,
    issuer,
    audience: aud,
    attributes: attrs,
    conditions,
    ...rest,
    input: { name: input.name, decodedFrom: steps, ...(decoded.value.postedTo !== undefined ? { postedTo: decoded.value.postedTo } : {}) },
    trust: anchors.map((a) => ({ source: a.source, notAfter: a.notAfter ?? null })),
    now: now.toISOString(),
    findings,
    summary,
    ok,
  };
  if (opts.json) io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  else io.stdout.write(renderResponseReport(doc, wantsColor(io, opts.color)));
  return ok ? EXIT.OK : EXIT.FINDINGS;
}

/** SP entity ID and ACS URL: --audience / --acs-url, else built from --host (or the config's host) and --org. */
function expectedUrls(
  opts: CheckResponseCliOptions,
  config: ReturnType<typeof parseConfig> | undefined,
): { audience: string; acsUrl: string } {
  if (opts.audience !== undefined && opts.acsUrl !== undefined) return { audience: opts.audience, acsUrl: opts.acsUrl };
  const hostInput = opts.host ?? inferHost(config?.doc).host;
  if (hostInput === undefined || opts.org === undefined)
    throw usageError(
      `missing ${hostInput === undefined ? '--host' : '--org'}: the expected Audience and ACS URL are built from --host and --org`,
      'USAGE',
      'Or give both --audience and --acs-url.',
    );
  const urls = buildSpUrls(hostOption(hostInput, opts.allowHttp), orgOption(opts.org));
  return { audience: opts.audience ?? urls.spEntityId, acsUrl: opts.acsUrl ?? urls.acsUrl };
}

/** A key that cannot be used is a usage problem (exit 2), not a verdict on the response. */
function usableKey(pem: string, path: string): void {
  try {
    createPrivateKey(pem);
  } catch (e) {
    throw inputError(
      `--sp-key ${path} is not a usable private key: ${(e as Error).message}`,
      'DECRYPT_KEY_INVALID',
      'Give the unencrypted PEM private key (PKCS#8 or PKCS#1) of the encryption certificate uploaded to Okta.',
    );
  }
}

async function readText(path: string, io: Io, limit: number, what: string): Promise<string> {
  return (await readLocalFile(resolve(io.cwd, path), path, limit, what)).toString('utf8');
}
