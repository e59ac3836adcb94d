/**
 * Is this IdP metadata at all, and which EntityDescriptor do we read? Offers looksLikeHtml(text)
 * (sniffed before the XML gate: a saved sign-in page starts with a DOCTYPE the gate would report
 * less helpfully) and selectEntity(root, entityId?): never a silent first pick from an aggregate.
 */
import { finding, type Finding } from '../findings.js';
import { NS, attr, descendants } from '../xml/dom.js';
import { locationOf } from '../xml/parse-dom.js';
import { METADATA_CODES as C, VIEW_METADATA_HINT } from './codes.js';

export function looksLikeHtml(text: string): boolean {
  // A loop, not one regex: `(<!--[\s\S]*?-->\s*)*` backtracks exponentially in the number of
  // comments before the root when the match fails.
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text.charAt(i))) i++;
    if (text.startsWith('<?xml', i) || text.startsWith('<!--', i)) {
      const end = text.indexOf(text.startsWith('<!--', i) ? '-->' : '>', i + 4);
      if (end < 0) return false;
      i = end + (text.startsWith('<!--', i) ? 3 : 1);
      continue;
    }
    return /^<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(text.slice(i, i + 20));
  }
}

/** Inputs that are not XML at all but are recognisably something else. */
export function sniffNonXml(text: string): 'pem' | 'base64-xml' | undefined {
  const t = text.trimStart();
  if (t.startsWith('-----BEGIN ')) return 'pem';
  // Base64 of XML ("PD94…" is "<?x", "77u/PD94…" the same after a BOM) or of DEFLATE data, as a
  // SAMLResponse form field or a saved .b64 capture: no '<' anywhere, only the base64 alphabet.
  if (t.length >= 64 && !t.includes('<') && /^[A-Za-z0-9+/=\s]+$/.test(t.slice(0, 4096))) return 'base64-xml';
  return undefined;
}

export interface Selection {
  entity?: Element;
  findings: Finding[];
}

export function selectEntity(root: Element, entityId: string | undefined, file?: string): Selection {
  const at = locationOf(root, file);
  const fail = (code: keyof typeof C, message: string): Selection => ({
    findings: [finding(code, 'error', message, C[code].help, at)],
  });
  const ns = root.namespaceURI ?? '';
  const name = root.localName ?? root.nodeName;
  if (ns === NS.XHTML || name.toLowerCase() === 'html') return fail('MD_HTML_PAGE', 'this is an HTML page, not SAML metadata');
  if ((ns === NS.SAMLP && name === 'Response') || (ns === NS.SAML && name === 'Assertion'))
    return fail('MD_SAML_RESPONSE', `this is a SAML ${name}, not IdP metadata`);
  if (ns === NS.MD && name === 'EntitiesDescriptor') {
    const entities = descendants(root, NS.MD, 'EntityDescriptor');
    if (entityId === undefined) {
      const idps = entities.filter((e) => descendants(e, NS.MD, 'IDPSSODescriptor').length > 0);
      const sample = idps
        .slice(0, 5)
        .map((e) => attr(e, 'entityID') ?? '?')
        .join(', ');
      return fail(
        'MD_AGGREGATE_NEEDS_ENTITY_ID',
        `an EntitiesDescriptor aggregate with ${entities.length} entities (${idps.length} IdPs${sample ? `: ${sample}${idps.length > 5 ? ', …' : ''}` : ''}); choose one with --entity-id`,
      );
    }
    const hits = entities.filter((e) => attr(e, 'entityID') === entityId);
    if (hits.length === 0) return fail('MD_ENTITY_NOT_FOUND', `no EntityDescriptor with entityID "${entityId}" in the aggregate`);
    if (hits.length > 1)
      return {
        findings: [
          finding(
            'MD_ENTITY_NOT_FOUND',
            'error',
            `entityID "${entityId}" occurs ${hits.length} times in the aggregate`,
            'An aggregate must list each entity once.',
            locationOf(hits[1], file),
          ),
        ],
      };
    return { entity: hits[0], findings: [] };
  }
  if (ns !== NS.MD || name !== 'EntityDescriptor')
    return fail('MD_NOT_METADATA', `the root element is <${root.nodeName}>${ns ? ` in ${ns}` : ''}, not md:EntityDescriptor`);
  const given = attr(root, 'entityID');
  if (entityId !== undefined && given !== undefined && given !== entityId)
    return fail('MD_ENTITY_NOT_FOUND', `the document's entityID is "${given}", not "${entityId}"`);
  return { entity: root, findings: [] };
}

/** SP metadata given instead of IdP metadata. */
export function spInsteadOfIdp(entity: Element, file?: string): Finding | undefined {
  const idp = descendants(entity, NS.MD, 'IDPSSODescriptor').length;
  const sp = descendants(entity, NS.MD, 'SPSSODescriptor').length;
  if (idp > 0 || sp === 0) return undefined;
  return finding(
    'MD_SP_METADATA',
    'error',
    'this is SP metadata (SPSSODescriptor), not the IdP metadata from Okta',
    `${C.MD_SP_METADATA.help}`,
    locationOf(entity, file),
  );
}

export { VIEW_METADATA_HINT };
