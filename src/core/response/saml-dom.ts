/**
 * DOM access for check-response, on the shared XML layer (src/core/xml: parseDom, namespaces by
 * URI, positions). What differs on purpose: textOf() reads a value the way exc-c14n signs it —
 * text and CDATA joined, comments skipped — instead of refusing it. Issue 7 requires the
 * comment-injection captures (CVE-2017-11428, VU#475445) to verify and report the FULL NameID,
 * so a comment is a warning here (read-assertion.ts), never a truncation and never silent.
 */
import { NS as XML_NS, attr as xmlAttr, childElements, descendants, locationOf, parseDom } from '../xml/index.js';
import type { Location } from '../findings.js';

export const NS = {
  protocol: XML_NS.SAMLP,
  assertion: XML_NS.SAML,
  ds: XML_NS.DS,
  xenc: XML_NS.XENC,
  xenc11: 'http://www.w3.org/2009/xmlenc11#',
} as const;

export { descendants, parseDom };

export function isEl(n: Node | null | undefined, ns: string, local: string): boolean {
  return !!n && n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === local;
}

export function children(el: Element, ns: string, local: string): Element[] {
  return childElements(el, ns, local);
}

export function child(el: Element | undefined, ns: string, local: string): Element | undefined {
  return el === undefined ? undefined : childElements(el, ns, local)[0];
}

/** Text and CDATA children joined, comments skipped (what exc-c14n signs). */
export function textOf(el: Element | undefined): string | undefined {
  if (el === undefined) return undefined;
  let s = '';
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3 || c.nodeType === 4) s += c.nodeValue ?? '';
  return s;
}

/** A comment or element inside a value-bearing element: parsers disagree on such values. */
export function valueIrregularity(el: Element): 'comment' | 'markup' | undefined {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 8) return 'comment';
    if (c.nodeType === 1 || c.nodeType === 7) return 'markup';
  }
  return undefined;
}

export function attr(el: Element | undefined, name: string): string | undefined {
  return el === undefined ? undefined : xmlAttr(el, name);
}

export function locOf(n: Node | undefined, file?: string): Location | undefined {
  return locationOf(n, file);
}

export function isDescendant(n: Node, ancestor: Node): boolean {
  for (let p: Node | null = n.parentNode; p; p = p.parentNode) if (p === ancestor) return true;
  return false;
}
