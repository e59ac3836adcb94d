/**
 * Pieces of the gate's tokenizer (XML 1.0 productions, checked as strictly as libxml2): references
 * (§4.1 [66]/[68]: only character references to a Char and the five predefined entities, since no
 * DTD is allowed), character data (§2.4: no `]]>`, only Chars), comments (§2.5: no `--` inside, no
 * `--->` end) and start tags (§3.1: Name, whitespace between attributes, quoted values without `<`).
 * Every function runs in time linear in what it reads and reports through `Problem`.
 */
import type { KnownCode } from '../finding-codes.js';
import { firstNonChar, isQName, isXmlChar, isXmlSpace, nameLength } from './xml-chars.js';

export interface Problem {
  code: KnownCode;
  message: string;
  offset: number;
}

const PREDEFINED = new Set(['lt', 'gt', 'amp', 'apos', 'quot']);

/** Checks `&…;` at `at` (text[at] === '&'); returns the offset after it, or a problem. */
export function readReference(text: string, at: number, to: number): number | Problem {
  if (text.charCodeAt(at + 1) === 0x23 /* # */) {
    const hex = text.charCodeAt(at + 2) === 0x78; /* x */
    let i = at + (hex ? 3 : 2);
    let value = 0;
    const digitsFrom = i;
    for (; i < to; i++) {
      const d = hex ? parseInt(text.charAt(i), 16) : /[0-9]/.test(text.charAt(i)) ? Number(text.charAt(i)) : NaN;
      if (Number.isNaN(d)) break;
      value = Math.min(value * (hex ? 16 : 10) + d, 0x110000);
    }
    if (i === digitsFrom || text.charAt(i) !== ';')
      return { code: 'XML_NOT_WELL_FORMED', message: 'malformed character reference (expected &#NNN; or &#xHHH;)', offset: at };
    if (!isXmlChar(value))
      return {
        code: 'XML_CHARACTER_REFERENCE',
        message: `character reference ${text.slice(at, i + 1)} names a character XML does not allow`,
        offset: at,
      };
    return i + 1;
  }
  const len = nameLength(text, at + 1);
  const name = text.slice(at + 1, at + 1 + len);
  if (len === 0 || text.charAt(at + 1 + len) !== ';')
    return { code: 'XML_NOT_WELL_FORMED', message: "'&' must start a reference such as &amp; (escape a literal & as &amp;)", offset: at };
  if (!PREDEFINED.has(name))
    return {
      code: 'XML_NOT_WELL_FORMED',
      message: `entity &${name}; is not defined (only &lt; &gt; &amp; &apos; &quot; exist without a DTD)`,
      offset: at,
    };
  return at + 2 + len;
}

/**
 * Character data in [from, to): references, Chars, no `]]>` in text (§2.4), no `<` in an attribute
 * value (§3.1 [10]: markup smuggled into entityID, e.g. a comment, must not reach a parser that
 * might tolerate it). One pass, so a long value costs its length once.
 */
export function checkCharData(text: string, from: number, to: number, inAttribute = false): Problem | undefined {
  let i = from;
  while (i < to) {
    const cu = text.charCodeAt(i);
    if (cu === 0x26 /* & */) {
      const next = readReference(text, i, to);
      if (typeof next !== 'number') return next;
      i = next;
      continue;
    }
    if (cu === 0x3c /* < */ && inAttribute) return { code: 'XML_NOT_WELL_FORMED', message: "'<' inside an attribute value", offset: i };
    if (cu === 0x5d /* ] */ && !inAttribute && text.startsWith(']]>', i) && i + 3 <= to)
      return { code: 'XML_NOT_WELL_FORMED', message: "']]>' is not allowed in text (escape '>' as &gt;)", offset: i };
    if (cu >= 0x20 && cu < 0xd800) {
      i++;
      continue;
    }
    const bad = firstNonChar(text, i, Math.min(to, i + 2));
    if (bad === i) return notAChar(text, i);
    i += cu >= 0xd800 && cu <= 0xdbff ? 2 : 1;
  }
  return undefined;
}

export function notAChar(text: string, offset: number): Problem {
  const cp = text.codePointAt(offset) ?? 0;
  return {
    code: 'XML_INVALID_CHARACTER',
    message: `character U+${cp.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`,
    offset,
  };
}

/** A comment starting at `at` (`<!--`); returns the offset after `-->`, or a problem. */
export function readComment(text: string, at: number): number | Problem {
  const end = text.indexOf('-->', at + 4);
  if (end < 0) return { code: 'XML_DOCUMENT_ENDS_EARLY', message: 'the document ends inside a comment (<!-- without -->)', offset: at };
  const dashes = text.indexOf('--', at + 4);
  if (dashes < end || (end > at + 4 && text.charCodeAt(end - 1) === 0x2d))
    return {
      code: 'XML_COMMENT_SYNTAX',
      message: "'--' inside a comment (or a comment ending '--->') is not allowed (XML 1.0 §2.5)",
      offset: dashes < end ? dashes : end - 1,
    };
  const bad = firstNonChar(text, at + 4, end);
  if (bad >= 0) return notAChar(text, bad);
  return end + 3;
}

export interface StartTag {
  name: string;
  end: number;
  selfClosing: boolean;
  attributes: { name: string; value: string; offset: number }[];
}

/** A start tag from `at` ('<'): Name (S Attribute)* S? '/'? '>'. */
export function readStartTag(text: string, at: number): StartTag | Problem {
  const nameLen = nameLength(text, at + 1);
  if (nameLen === 0) return { code: 'XML_NOT_WELL_FORMED', message: "'<' is not followed by an element name", offset: at };
  const name = text.slice(at + 1, at + 1 + nameLen);
  if (!isQName(name))
    return { code: 'XML_NOT_WELL_FORMED', message: `element name "${name}" is not a valid qualified name`, offset: at + 1 };
  const attributes: StartTag['attributes'] = [];
  let i = at + 1 + nameLen;
  for (;;) {
    const spaceFrom = i;
    while (isXmlSpace(text.charCodeAt(i))) i++;
    if (i >= text.length)
      return { code: 'XML_DOCUMENT_ENDS_EARLY', message: `the document ends inside the start tag <${name}>`, offset: at };
    if (text.charCodeAt(i) === 0x3e) return { name, end: i + 1, selfClosing: false, attributes };
    if (text.startsWith('/>', i)) return { name, end: i + 2, selfClosing: true, attributes };
    if (i === spaceFrom) return { code: 'XML_NOT_WELL_FORMED', message: `expected whitespace, '>' or '/>' in <${name}>`, offset: i };
    const attrLen = nameLength(text, i);
    if (attrLen === 0) return { code: 'XML_NOT_WELL_FORMED', message: `invalid attribute name in <${name}>`, offset: i };
    const attrName = text.slice(i, i + attrLen);
    if (!isQName(attrName))
      return { code: 'XML_NOT_WELL_FORMED', message: `attribute name "${attrName}" is not a valid qualified name`, offset: i };
    const attrAt = i;
    i += attrLen;
    while (isXmlSpace(text.charCodeAt(i))) i++;
    if (text.charAt(i) !== '=') return { code: 'XML_NOT_WELL_FORMED', message: `attribute ${attrName} has no '=' and value`, offset: i };
    i++;
    while (isXmlSpace(text.charCodeAt(i))) i++;
    const q = text.charAt(i);
    if (q !== '"' && q !== "'") return { code: 'XML_NOT_WELL_FORMED', message: `the value of ${attrName} must be quoted`, offset: i };
    const close = text.indexOf(q, i + 1);
    if (close < 0) return { code: 'XML_DOCUMENT_ENDS_EARLY', message: `the document ends inside the value of ${attrName}`, offset: i };
    const p = checkCharData(text, i + 1, close, true);
    if (p) return p;
    attributes.push({ name: attrName, value: text.slice(i + 1, close), offset: attrAt });
    i = close + 1;
  }
}

/** An end tag from `at` ('</'): '</' Name S? '>'. */
export function readEndTag(text: string, at: number): { name: string; end: number } | Problem {
  const len = nameLength(text, at + 2);
  if (len === 0) return { code: 'XML_NOT_WELL_FORMED', message: "'</' is not followed by an element name", offset: at };
  let i = at + 2 + len;
  while (isXmlSpace(text.charCodeAt(i))) i++;
  if (i >= text.length)
    return {
      code: 'XML_DOCUMENT_ENDS_EARLY',
      message: `the document ends inside the end tag </${text.slice(at + 2, at + 2 + len)}>`,
      offset: at,
    };
  if (text.charCodeAt(i) !== 0x3e) return { code: 'XML_NOT_WELL_FORMED', message: "expected '>' to close the end tag", offset: i };
  return { name: text.slice(at + 2, at + 2 + len), end: i + 1 };
}
