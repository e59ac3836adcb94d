/**
 * The one code path that judges IdP metadata: `validate-metadata`, `patch`, `lint` and
 * `init` all call validateMetadata(xml, opts). Never throws on bad input: every problem is a
 * finding. Order matters for safety: the XML gate (hostile constructs) runs before any value is
 * read, and for a signed document signatureValid is true only when the element we read values from
 * is the one the verified reference covers (docs/design.md §8).
 */
import { finding, sortFindings, type Finding, type Location } from '../findings.js';
import { decodeXml, type XmlEncoding } from '../xml/decode-xml.js';
import { attr } from '../xml/dom.js';
import { locationOf, parseDom } from '../xml/parse-dom.js';
import { METADATA_CODES as C } from './codes.js';
import { checkMetadataSignature } from './metadata-signature.js';
import { entityIdFindings, isOktaEntityId, oktaHostKind, oktaLookalike } from './okta.js';
import { BINDING, readIdpDescriptor, surroundingWhitespace } from './read-idp-descriptor.js';
import { looksLikeHtml, selectEntity, sniffNonXml, spInsteadOfIdp } from './select-entity.js';
import { signingCerts } from './signing-certs.js';
import { timeFindings } from './time-checks.js';
import type { MetadataReport, ParsedMetadata, ValidateOptions } from './types.js';

export function validateMetadata(xml: string, opts: ValidateOptions): MetadataReport {
  const file = opts.file;
  const text = xml.replace(/^\uFEFF/, '');
  const done = (report: MetadataReport): MetadataReport => ({ ...report, findings: sortFindings(report.findings) });
  if (text.trim() === '') return done({ findings: [finding('XML_EMPTY', 'error', 'the input is empty', C.MD_NOT_METADATA.help)] });
  if (looksLikeHtml(text))
    return done({
      findings: [
        finding(
          'MD_HTML_PAGE',
          'error',
          'this is an HTML page (a saved web page), not SAML metadata',
          C.MD_HTML_PAGE.help,
          file ? { file, line: 1, column: 1 } : { line: 1, column: 1 },
        ),
      ],
    });

  const sniffed = sniffNonXml(text);
  if (sniffed) {
    const code = sniffed === 'pem' ? 'MD_PEM_GIVEN' : 'MD_BASE64_GIVEN';
    const message =
      sniffed === 'pem'
        ? 'this is a PEM file (certificate or key), not SAML metadata'
        : 'this is base64 text (such as a captured SAMLResponse), not XML';
    return done({
      findings: [finding(code, 'error', message, C[code].help, file ? { file, line: 1, column: 1 } : { line: 1, column: 1 })],
    });
  }
  const dom = parseDom(text, file, opts.encoding ? { encoding: opts.encoding } : {});
  const findings: Finding[] = [...dom.findings];
  if (!dom.doc || !dom.root || findings.some((f) => f.severity === 'error')) return done({ findings });
  const { doc, root } = dom;
  const picked = selectEntity(root, opts.entityId, file);
  findings.push(...picked.findings);
  const entity = picked.entity;
  // An aggregate's own signature is still checked when no entity could be picked.
  if (!entity)
    return done({
      findings,
      ...(root.localName === 'EntitiesDescriptor' ? signature(text, doc, root, root, [], opts, findings).report : {}),
    });
  const sp = spInsteadOfIdp(entity, file);
  if (sp) return done({ findings: [...findings, sp] });

  const at = locationOf(entity, file);
  const rawEntityId = attr(entity, 'entityID') ?? '';
  const entityId = rawEntityId.trim();
  if (!entityId)
    findings.push(finding('MD_ENTITY_ID_MISSING', 'error', 'the EntityDescriptor has no entityID', C.MD_ENTITY_ID_MISSING.help, at));
  else findings.push(...entityIdFindings(entityId, at));
  if (entityId && rawEntityId !== entityId) findings.push(surroundingWhitespace('entityID', rawEntityId, at));
  findings.push(...timeFindings(entity, opts, file));
  if (root !== entity) findings.push(...timeFindings(root, opts, file));

  const idp = readIdpDescriptor(entity, file);
  findings.push(...idp.findings);
  if (!('keys' in idp))
    return done({ findings, ...signature(text, doc, root, entity, [], { ...opts, okta: isOktaEntityId(entityId) }, findings).report });

  // Okta-specific wording only for Okta's documents (other IdPs sign, or never list NameIDFormat).
  const okta = isOktaEntityId(entityId) || idp.ssoEndpoints.some((e) => /\.(okta|oktapreview|okta-emea)\.com(:\d+)?\//i.test(e.location));
  const certs = signingCerts(
    idp.keys,
    {
      now: opts.now,
      ...(opts.minDays !== undefined ? { minDays: opts.minDays } : {}),
      ...(opts.fingerprints ? { fingerprints: opts.fingerprints } : {}),
    },
    at,
    idp.encryptionKeys,
  );
  const wrongNs = findings.some((f) => f.code === 'MD_KEYINFO_WRONG_NAMESPACE');
  for (const f of certs.findings) {
    if (f.code === 'MD_NO_SIGNING_CERT' && wrongNs) f.hint = C.MD_KEYINFO_WRONG_NAMESPACE.help;
    findings.push(f);
  }
  if (!okta)
    for (const f of findings) {
      if (f.code === 'MD_NAMEID_FORMAT_MISSING') Object.assign(f, NON_OKTA_NAMEID);
      else if (f.code.startsWith('CERT_') && /okta/i.test(f.hint ?? '')) f.hint = NON_OKTA_ROTATE;
    }
  const sig = signature(
    text,
    doc,
    root,
    entity,
    idp.keys.map((k) => k.certText ?? ''),
    { ...opts, okta },
    findings,
  );

  for (const e of idp.ssoEndpoints) {
    let host: string;
    try {
      host = new URL(e.location).hostname;
    } catch {
      continue;
    }
    const imitated = oktaLookalike(host);
    if (imitated)
      findings.push(
        finding(
          'MD_OKTA_LOOKALIKE_HOST',
          'warning',
          `SSO host ${host} imitates ${imitated} but is not an Okta domain`,
          C.MD_OKTA_LOOKALIKE_HOST.help,
          e.position,
        ),
      );
  }
  const oktaEntity = isOktaEntityId(entityId);
  const main = idp.ssoEndpoints.find((e) => e.binding === BINDING.REDIRECT || e.binding === BINDING.POST);
  let idpHost: string | undefined;
  try {
    idpHost = main ? new URL(main.location).hostname || undefined : undefined;
  } catch {
    idpHost = undefined;
  }
  const idpHostKind = idpHost ? oktaHostKind(idpHost, oktaEntity) : oktaEntity ? 'custom' : 'not-okta';
  if (idpHost && idpHostKind !== 'custom' && idpHostKind !== 'not-okta')
    findings.push(finding('MD_OKTA_HOST', 'info', `Okta SSO host ${idpHost} (${idpHostKind})`, undefined, main?.position));
  if (idpHost && idpHostKind === 'custom')
    findings.push(
      finding('MD_OKTA_CUSTOM_DOMAIN', 'info', `Okta app on the custom domain ${idpHost}`, C.MD_OKTA_CUSTOM_DOMAIN.help, main?.position),
    );

  const metadata: ParsedMetadata = {
    entityId,
    oktaEntityId: oktaEntity,
    ssoEndpoints: idp.ssoEndpoints,
    sloEndpoints: idp.sloEndpoints,
    nameIdFormats: idp.nameIdFormats,
    idpHostKind,
    signingCerts: certs.certs,
    signed: sig.signed,
  };
  if (idp.wantAuthnRequestsSigned !== undefined) metadata.wantAuthnRequestsSigned = idp.wantAuthnRequestsSigned;
  const validUntil = attr(entity, 'validUntil') ?? (root !== entity ? attr(root, 'validUntil') : undefined);
  if (validUntil !== undefined) metadata.validUntil = validUntil.trim();
  const cacheDuration = attr(entity, 'cacheDuration') ?? (root !== entity ? attr(root, 'cacheDuration') : undefined);
  if (cacheDuration !== undefined) metadata.cacheDuration = cacheDuration.trim();
  if (idpHost) metadata.idpHost = idpHost;
  return done({ metadata, findings, ...sig.report });
}

/** Microsoft Entra ID, PingOne, Google and others never list NameIDFormat: normal there, so an info. */
const NON_OKTA_NAMEID = {
  severity: 'info' as const,
  message: 'no NameIDFormat listed (the IdP chooses the NameID format)',
  hint: 'Many IdPs (Microsoft Entra ID, PingOne, Google) do not list NameIDFormat; the SP then accepts the format the IdP sends.',
};

const NON_OKTA_ROTATE =
  'Rotate the signing certificate in your IdP, then download its metadata again and run `polyaxon-sso patch` with it.';

function signature(
  text: string,
  doc: Document,
  root: Element,
  entity: Element,
  entityCerts: string[],
  opts: ValidateOptions & { okta?: boolean },
  findings: Finding[],
) {
  const s = checkMetadataSignature(text, doc, root, entity, {
    entityCerts,
    ...(opts.okta ? { okta: true } : {}),
    now: opts.now,
    ...(opts.signerCerts ? { signerCerts: opts.signerCerts } : {}),
    ...(opts.requireSignature ? { requireSignature: true } : {}),
    ...(opts.file ? { file: opts.file } : {}),
  });
  findings.push(...s.findings);
  const report: Pick<MetadataReport, 'signatureValid' | 'signatureTrust'> = {};
  if (s.signed) {
    report.signatureValid = s.signatureValid === true;
    if (s.signatureTrust) report.signatureTrust = s.signatureTrust;
  }
  return { signed: s.signed, report };
}

/** Bytes in, report out: decoding problems (encoding, NUL, BOM) become findings too. */
export function validateMetadataBytes(
  bytes: Uint8Array,
  opts: ValidateOptions,
): MetadataReport & { bom: boolean; text?: string; encoding?: XmlEncoding } {
  const decoded = decodeXml(bytes, opts.file);
  if (decoded.text === undefined || decoded.findings.some((f) => f.severity === 'error'))
    return { findings: sortFindings(decoded.findings), bom: decoded.bom, ...(decoded.encoding ? { encoding: decoded.encoding } : {}) };
  const encoding = decoded.encoding ?? 'utf-8';
  const report = validateMetadata(decoded.text, { ...opts, encoding });
  return { ...report, findings: sortFindings([...decoded.findings, ...report.findings]), bom: decoded.bom, text: decoded.text, encoding };
}

/** Parsed values only (same path, same checks): undefined when the document is not usable metadata. */
export function parseMetadata(xml: string, opts: ValidateOptions): ParsedMetadata | undefined {
  return validateMetadata(xml, opts).metadata;
}

export type { Location };
