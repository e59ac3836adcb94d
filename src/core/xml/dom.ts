/**
 * Namespace-aware DOM helpers (namespaces by URI, never by prefix: docs/design.md §5). Offers the SAML
 * and XML-DSig namespace URIs, childElements / descendants by (URI, local name), attribute access,
 * and elementText(), which reads a value while rejecting comments, PIs and child elements inside
 * it (CVE-2017-11428: a comment splits the text, and parsers disagree on the value).
 */
import { finding, type Finding } from '../findings.js';
import { locationOf } from './parse-dom.js';

export const NS = {
  MD: 'urn:oasis:names:tc:SAML:2.0:metadata',
  SAML: 'urn:oasis:names:tc:SAML:2.0:assertion',
  SAMLP: 'urn:oasis:names:tc:SAML:2.0:protocol',
  DS: 'http://www.w3.org/2000/09/xmldsig#',
  XENC: 'http://www.w3.org/2001/04/xmlenc#',
  XHTML: 'http://www.w3.org/1999/xhtml',
} as const;

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
const PI = 7;
const COMMENT = 8;

export function isElement(n: Node | null | undefined): n is Element {
  return !!n && n.nodeType === ELEMENT;
}

export function childElements(el: Element, ns?: string, local?: string): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (!isElement(c)) continue;
    if (ns !== undefined && c.namespaceURI !== ns) continue;
    if (local !== undefined && c.localName !== local) continue;
    out.push(c);
  }
  return out;
}

export function descendants(el: Element | Document, ns: string, local: string): Element[] {
  return Array.from((el as Element).getElementsByTagNameNS(ns, local) as unknown as ArrayLike<Element>);
}

/** An un-namespaced attribute's value, or undefined when absent. */
export function attr(el: Element, name: string): string | undefined {
  return el.hasAttribute(name) ? (el.getAttribute(name) ?? '') : undefined;
}

export interface TextValue {
  value: string;
  findings: Finding[];
}

/**
 * The text of a value-bearing element; comments, PIs or child elements inside it are findings.
 * `comments: 'warning'` is for the one value read without its comments on purpose: a response's
 * ds:DigestValue (see src/core/xml/signature-structure.ts).
 */
export function elementText(el: Element, file?: string, opts: { comments?: 'error' | 'warning' } = {}): TextValue {
  const findings: Finding[] = [];
  let value = '';
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === TEXT || c.nodeType === CDATA) value += c.nodeValue ?? '';
    else if (c.nodeType === COMMENT && opts.comments === 'warning')
      findings.push(
        finding(
          'XML_COMMENT_IN_VALUE',
          'warning',
          `a comment inside <${el.nodeName}> splits its value; it was read without the comment`,
          'Okta never writes comments there: the document was edited after signing (harmlessly, since the value without the comment verifies; CVE-2025-29775).',
          locationOf(c, file) ?? locationOf(el, file),
        ),
      );
    else if (c.nodeType === COMMENT || c.nodeType === PI)
      findings.push(
        finding(
          'XML_COMMENT_IN_VALUE',
          'error',
          `a ${c.nodeType === COMMENT ? 'comment' : 'processing instruction'} inside <${el.nodeName}> splits its value`,
          'Remove it: values must be plain text (CVE-2017-11428).',
          locationOf(c, file) ?? locationOf(el, file),
        ),
      );
    else if (isElement(c))
      findings.push(
        finding(
          'XML_MARKUP_IN_VALUE',
          'error',
          `<${el.nodeName}> must hold text only, found <${c.nodeName}>`,
          undefined,
          locationOf(c, file),
        ),
      );
  }
  return { value, findings };
}

/** Values of the ID-like attributes XML-DSig references resolve (xml-crypto's default set). */
export const ID_ATTRIBUTES = ['ID', 'Id', 'id'] as const;

export function idOf(el: Element): string | undefined {
  for (const a of ID_ATTRIBUTES) if (el.hasAttribute(a)) return el.getAttribute(a) ?? '';
  return undefined;
}

/** How many elements in the document carry `id` in any ID-like attribute (must be 1 for a reference). */
export function countId(doc: Document, id: string): number {
  let count = 0;
  const all = doc.getElementsByTagName('*') as unknown as ArrayLike<Element>;
  for (let i = 0; i < all.length; i++) {
    const el = all[i] as Element;
    for (let j = 0; j < el.attributes.length; j++) {
      const a = el.attributes[j] as Attr;
      if ((ID_ATTRIBUTES as readonly string[]).includes(a.localName ?? a.name) && a.value === id) count++;
    }
  }
  return count;
}
