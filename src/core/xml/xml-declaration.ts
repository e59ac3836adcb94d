/**
 * The XML declaration at offset 0 (XML 1.0 §2.8 [23] XMLDecl), read strictly, and its `encoding`
 * checked against the encoding the bytes were really decoded with (§4.3.3). libxml2 and expat
 * switch decoders on the declared name: a document labelled UTF-16 but stored as UTF-8 text is
 * refused by libxml2, and one labelled ISO-8859-1 or Shift_JIS is read as other characters than
 * ours. So the declaration must name our encoding: "UTF-8" for UTF-8, "UTF-16" for UTF-16 (any
 * case). IANA's other aliases (csUTF8, csUTF16) are not used: libxml2 2.9 refuses them.
 */
import type { XmlEncoding } from './decode-xml.js';

export interface XmlDeclaration {
  /** Offset just after `?>`. */
  end: number;
  version: string;
  encoding?: string;
  standalone?: string;
}

export type DeclarationResult = { ok: true; decl: XmlDeclaration } | { ok: false; message: string; offset: number };

const MAX_DECLARATION = 512;
// Each whitespace run is followed by a distinct literal, so a failed match backtracks at most
// once per run (linear); the input is capped at MAX_DECLARATION anyway.
const XML_DECL =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"(1\.0)"|'(1\.0)')(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"([A-Za-z][A-Za-z0-9._-]*)"|'([A-Za-z][A-Za-z0-9._-]*)'))?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(yes|no)"|'(yes|no)'))?[ \t\r\n]*\?>/;

/** True when the text starts with an XML declaration (`<?xml` followed by space or `?`). */
export function startsWithDeclaration(text: string): boolean {
  return text.startsWith('<?xml') && /[ \t\r\n?]/.test(text.charAt(5));
}

export function readDeclaration(text: string): DeclarationResult {
  const m = XML_DECL.exec(text.slice(0, MAX_DECLARATION));
  if (!m) return { ok: false, message: 'malformed XML declaration (expected <?xml version="1.0" encoding="UTF-8"?>)', offset: 0 };
  const decl: XmlDeclaration = { end: m[0].length, version: (m[1] ?? m[2]) as string };
  const encoding = m[3] ?? m[4];
  if (encoding !== undefined) decl.encoding = encoding;
  const standalone = m[5] ?? m[6];
  if (standalone !== undefined) decl.standalone = standalone;
  return { ok: true, decl };
}

/** The declared name that matches each decoding, compared case-insensitively. */
const NAME_FOR: Record<XmlEncoding, string> = { 'utf-8': 'utf-8', 'utf-16le': 'utf-16', 'utf-16be': 'utf-16' };

/** undefined when the declared encoding (if any) names the decoding actually used. */
export function encodingMismatch(declared: string | undefined, decodedAs: XmlEncoding): string | undefined {
  if (declared === undefined || declared.toLowerCase() === NAME_FOR[decodedAs]) return undefined;
  const actual = decodedAs === 'utf-8' ? 'UTF-8' : 'UTF-16';
  return `the XML declaration says encoding="${declared}" but the text is ${actual}`;
}

/** The text with its declaration dropped when that declaration does not say UTF-8 (stored text is UTF-8). */
export function declarationForUtf8(text: string): string {
  if (!startsWithDeclaration(text)) return text;
  const r = readDeclaration(text);
  if (!r.ok || r.decl.encoding === undefined || r.decl.encoding.toLowerCase() === 'utf-8') return text;
  return text.slice(r.decl.end).replace(/^[ \t\r\n]+/, '');
}
