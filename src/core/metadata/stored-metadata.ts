/**
 * The metadata exactly as patch and init store it in the config (docs/design.md, "Rules for writing
 * a user's file"): UTF-8 text, so the XML declaration is kept only when it says UTF-8 (a stored
 * encoding="UTF-16" on UTF-8 text makes libxml2 refuse it at deploy time), otherwise dropped. From
 * an EntitiesDescriptor aggregate only the selected EntityDescriptor is stored, cut verbatim from
 * the source as a standalone document carrying the namespace declarations it inherits, because
 * python3-saml reads the first EntityDescriptor of whatever it is given.
 */
import { attr, descendants, NS } from '../xml/dom.js';
import { parseDom } from '../xml/parse-dom.js';
import type { XmlEncoding } from '../xml/decode-xml.js';
import { declarationForUtf8 } from '../xml/xml-declaration.js';

export interface StoredMetadata {
  xml: string;
  /** true when one EntityDescriptor was cut out of an aggregate. */
  extracted: boolean;
}

export function storedMetadata(text: string, opts: { entityId?: string; encoding?: XmlEncoding } = {}): StoredMetadata | undefined {
  // Without --entity-id an aggregate is never accepted, so the document is the entity: no parse.
  if (opts.entityId === undefined) return { xml: declarationForUtf8(text), extracted: false };
  const dom = parseDom(text, undefined, opts.encoding ? { encoding: opts.encoding } : {});
  if (!dom.doc || !dom.root) return undefined;
  if (dom.root.namespaceURI !== NS.MD || dom.root.localName !== 'EntitiesDescriptor')
    return { xml: declarationForUtf8(text), extracted: false };
  if (opts.entityId === undefined || !dom.elements) return undefined;
  const hits = descendants(dom.root, NS.MD, 'EntityDescriptor').filter((e) => attr(e, 'entityID') === opts.entityId);
  if (hits.length !== 1) return undefined;
  const entity = hits[0] as Element;
  // The gate's spans list elements in the order getElementsByTagName('*') does (pre-order).
  const all = Array.from(dom.doc.getElementsByTagName('*') as unknown as ArrayLike<Element>);
  const span = dom.elements[all.indexOf(entity)];
  if (!span || span.name !== entity.nodeName) return undefined;
  const own = new Set(Array.from(entity.attributes as unknown as ArrayLike<Attr>).map((a) => a.name));
  const inherited: string[] = [];
  for (let p = entity.parentNode as Element | null; p && p.nodeType === 1; p = p.parentNode as Element | null)
    for (const a of Array.from(p.attributes as unknown as ArrayLike<Attr>))
      if ((a.name === 'xmlns' || a.name.startsWith('xmlns:')) && !own.has(a.name)) {
        own.add(a.name);
        inherited.push(` ${a.name}="${escapeAttr(a.value)}"`);
      }
  const source = text.slice(span.start, span.end);
  const nameEnd = 1 + entity.nodeName.length;
  return { xml: source.slice(0, nameEnd) + inherited.join('') + source.slice(nameEnd), extracted: true };
}

function escapeAttr(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
