/**
 * Strict base64 for X509Certificate content (docs/design.md §5; XML Schema base64Binary): the
 * alphabet of RFC 4648 §4, padding only at the end, and XML whitespace (space, tab, CR, LF)
 * anywhere — Okta wraps at 64 or 76 columns, some exports separate chunks with spaces. Anything
 * else is rejected with the position of the first offending character, because Buffer.from(s,
 * 'base64') silently skips junk and decodes "MIIC…" into garbage.
 */
export type Base64Result =
  | { ok: true; base64: string; bytes: Buffer }
  | { ok: false; reason: 'character'; offset: number; char: string }
  | { ok: false; reason: 'padding' | 'length' | 'non-canonical'; offset: number };

const WS = new Set([' ', '\t', '\r', '\n']);
const ALPHABET = /[A-Za-z0-9+/]/;

export function decodeStrictBase64(text: string): Base64Result {
  const kept: string[] = [];
  let padStart = -1;
  let pads = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (WS.has(c)) continue;
    if (c === '=') {
      if (padStart < 0) padStart = i;
      pads += 1;
      if (pads > 2) return { ok: false, reason: 'padding', offset: i };
      kept.push(c);
      continue;
    }
    if (!ALPHABET.test(c)) {
      // Report the whole code point, so an emoji or a non-BMP letter is named correctly.
      const cp = text.codePointAt(i) ?? 0;
      return { ok: false, reason: 'character', offset: i, char: String.fromCodePoint(cp) };
    }
    // Data after padding: two base64 blobs glued together, or a stray '='.
    if (padStart >= 0) return { ok: false, reason: 'padding', offset: padStart };
    kept.push(c);
  }
  const base64 = kept.join('');
  if (base64.length % 4 !== 0) return { ok: false, reason: 'length', offset: text.length };
  const bytes = Buffer.from(base64, 'base64');
  // Non-zero bits in the last character before the padding: not what any encoder produces.
  if (bytes.toString('base64') !== base64) return { ok: false, reason: 'non-canonical', offset: Math.max(padStart, 0) };
  return { ok: true, base64, bytes };
}

/** Line and column (1-based) of `offset` in `text`, relative to where `text` starts. */
export function offsetToLineColumn(
  text: string,
  offset: number,
  start: { line: number; column: number },
): { line: number; column: number } {
  let line = start.line;
  let column = start.column;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text[i] === '\n') {
      line += 1;
      column = 1;
    } else if (text[i] === '\r' && text[i + 1] !== '\n') {
      line += 1;
      column = 1;
    } else if (text[i] !== '\r') {
      column += 1;
    }
  }
  return { line, column };
}
