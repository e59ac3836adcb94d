/**
 * Where check-response's trust comes from: only the IdP metadata's signing certificates
 * (--metadata, or the deployment config's externalServices.auth.okta.options.xml) and --idp-cert
 * files, never the response's own KeyInfo. Every signing cert is kept, so a response signed with
 * either side of an Okta certificate rotation verifies.
 */
import { createPublicKey } from 'node:crypto';
import { isMap } from 'yaml';
import { requirePemCertificates } from '../cert/index.js';
import { OKTA_XML_PATH, type ParsedConfig } from '../config/parse-config.js';
import { refuseMisreadConfig } from '../config/refuse-misread-config.js';
import { inputError } from '../errors.js';
import { relativeTime } from '../humanize-duration.js';
import { finding, type Finding } from '../findings.js';
import { validateMetadata } from '../metadata/index.js';

export interface TrustAnchor {
  pem: string;
  /** Where it came from, for the report: "okta.xml signing cert #1", "idp.pem". */
  source: string;
  notBefore?: string;
  notAfter?: string;
}

export interface MetadataTrust {
  entityId: string;
  anchors: TrustAnchor[];
}

/** The signing certs and entityID of IdP metadata; metadata without a signing cert cannot anchor. */
export function trustFromMetadata(xml: string, source: string, now: Date): MetadataTrust {
  const report = validateMetadata(xml, { now, file: source });
  const md = report.metadata;
  if (!md) {
    const first = report.findings.find((f) => f.severity === 'error');
    throw inputError(
      `${source}: not usable IdP metadata${first ? ` (${first.message})` : ''}`,
      first?.code ?? 'METADATA_UNUSABLE',
      'Run `polyaxon-sso validate-metadata` on it for details.',
    );
  }
  if (md.signingCerts.length === 0)
    throw inputError(
      `${source}: the metadata has no usable signing certificate`,
      'METADATA_NO_SIGNING_CERT',
      "Download the IdP metadata again from the Okta app's Sign On tab.",
    );
  return {
    entityId: md.entityId,
    anchors: md.signingCerts.map((c) => ({
      pem: c.pem,
      source: `${source} signing cert #${c.index + 1}`,
      notBefore: c.notBefore,
      notAfter: c.notAfter,
    })),
  };
}

/**
 * options.xml of the okta block, as the chart forwards it (docs/design.md §2); only from a config
 * PyYAML reads as we do (docs/design.md §5), else the metadata trusted could be another one.
 */
export function oktaXmlFromConfig(config: ParsedConfig, source: string): string {
  refuseMisreadConfig(
    config,
    source,
    'the trusted IdP metadata',
    'Or pass the metadata with --metadata or --idp-cert instead of --config.',
  );
  const doc = config.doc;
  const xml = doc && isMap(doc.contents) ? doc.getIn(OKTA_XML_PATH) : undefined;
  if (typeof xml !== 'string' || xml.trim() === '')
    throw inputError(
      `${source}: no externalServices.auth.okta.options.xml to take the signing certificate from`,
      'CONFIG_NO_OKTA_XML',
      'Add the metadata with `polyaxon-sso patch`, or pass --metadata / --idp-cert.',
    );
  return xml;
}

/** A PEM file of certificates, or a bare PUBLIC KEY (xml-crypto's own test anchors are some). */
export function trustFromPem(text: string, source: string, now: Date): TrustAnchor[] {
  if (/-----BEGIN (RSA )?PUBLIC KEY-----/.test(text) && !/-----BEGIN CERTIFICATE-----/.test(text)) {
    try {
      createPublicKey(text);
    } catch (e) {
      throw inputError(`${source}: the public key does not parse: ${(e as Error).message}`, 'CERT_UNDECODABLE');
    }
    return [{ pem: text, source }];
  }
  return requirePemCertificates(text, { now, file: source }).map((c, i, all) => ({
    pem: c.pem,
    source: all.length > 1 ? `${source} #${i + 1}` : source,
    notBefore: c.notBefore,
    notAfter: c.notAfter,
  }));
}

/** A trusted cert outside its validity at --now: signatures still verify (SPs pin keys), but say so. */
export function anchorTimeFindings(anchors: readonly TrustAnchor[], now: Date): Finding[] {
  const out: Finding[] = [];
  for (const a of anchors) {
    if (a.notAfter !== undefined && Date.parse(a.notAfter) <= now.getTime())
      out.push(
        finding(
          'TRUST_CERT_EXPIRED',
          'warning',
          `the trusted certificate ${a.source} expired on ${a.notAfter.slice(0, 10)} (${relativeTime(Date.parse(a.notAfter), now.getTime())})`,
          "Okta rotates signing certificates: in the app's Sign On tab, activate the new certificate, then run `polyaxon-sso patch` with the new metadata.",
        ),
      );
    else if (a.notBefore !== undefined && Date.parse(a.notBefore) > now.getTime())
      out.push(
        finding(
          'TRUST_CERT_NOT_YET_VALID',
          'warning',
          `the trusted certificate ${a.source} is valid only from ${a.notBefore.slice(0, 10)} (${relativeTime(Date.parse(a.notBefore), now.getTime())})`,
          'Check --now and the machine clock.',
        ),
      );
  }
  return out;
}
