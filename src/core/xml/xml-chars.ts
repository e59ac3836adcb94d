/**
 * XML 1.0 (Fifth Edition) character classes, as libxml2 applies them: Char (§2.2), S (§2.3) and
 * NameStartChar / NameChar (§2.3). Code points, not UTF-16 units: callers pass codePointAt().
 * JavaScript's `\s` is wider than XML's S (it includes U+00A0, U+2028, …), so the gate never uses it.
 */

/** §2.2 [2] Char: what may appear in a document at all, literally or through a character reference. */
export function isXmlChar(cp: number): boolean {
  if (cp < 0x20) return cp === 0x9 || cp === 0xa || cp === 0xd;
  if (cp <= 0xd7ff) return true;
  if (cp < 0xe000) return false;
  if (cp <= 0xfffd) return true;
  return cp >= 0x10000 && cp <= 0x10ffff;
}

/** §2.3 [3] S: space, tab, CR, LF, and nothing else. */
export function isXmlSpace(cu: number): boolean {
  return cu === 0x20 || cu === 0x9 || cu === 0xa || cu === 0xd;
}

/** §2.3 [4] NameStartChar. */
export function isNameStartChar(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || cp === 0x5f || cp === 0x3a;
  return (
    (cp >= 0xc0 && cp <= 0xd6) ||
    (cp >= 0xd8 && cp <= 0xf6) ||
    (cp >= 0xf8 && cp <= 0x2ff) ||
    (cp >= 0x370 && cp <= 0x37d) ||
    (cp >= 0x37f && cp <= 0x1fff) ||
    (cp >= 0x200c && cp <= 0x200d) ||
    (cp >= 0x2070 && cp <= 0x218f) ||
    (cp >= 0x2c00 && cp <= 0x2fef) ||
    (cp >= 0x3001 && cp <= 0xd7ff) ||
    (cp >= 0xf900 && cp <= 0xfdcf) ||
    (cp >= 0xfdf0 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0xeffff)
  );
}

/** §2.3 [4a] NameChar. */
export function isNameChar(cp: number): boolean {
  if (isNameStartChar(cp)) return true;
  return (
    (cp >= 0x30 && cp <= 0x39) ||
    cp === 0x2d ||
    cp === 0x2e ||
    cp === 0xb7 ||
    (cp >= 0x300 && cp <= 0x36f) ||
    (cp >= 0x203f && cp <= 0x2040)
  );
}

/** Length in UTF-16 units of the Name starting at `from` (0 when none starts there). */
export function nameLength(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const cp = text.codePointAt(i) as number;
    if (!(i === from ? isNameStartChar(cp) : isNameChar(cp))) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i - from;
}

/**
 * Namespaces in XML 1.0 §4 [7] QName: NCName or NCName ':' NCName. libxml2 reports anything else
 * (a leading, trailing or second colon) as a namespace error, which lxml treats as fatal.
 */
export function isQName(name: string): boolean {
  const colon = name.indexOf(':');
  if (colon < 0) return true;
  return colon > 0 && colon < name.length - 1 && name.indexOf(':', colon + 1) < 0 && isNameStartChar(name.codePointAt(colon + 1) as number);
}

/** Offset of the first code point in [from, to) that is not an XML Char, or -1. */
export function firstNonChar(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const cu = text.charCodeAt(i);
    if (cu >= 0x20 && cu < 0xd800) continue;
    if (cu >= 0xd800 && cu <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (i + 1 < to && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (!isXmlChar(cu)) return i;
  }
  return -1;
}
