import { startsWithCertificate } from './classify-certificate.js';
import { decodeStrictBase64, type Base64Result } from './strict-base64.js';

/**
 * Recognising what people put in an X509Certificate element instead of a certificate, from the
 * text alone (placeholder text, two certificates pasted one after the other).
 */
/** Placeholders seen in the wild: "MIIC...", "<certificate>", "${IDP_CERT}", REPLACE_WITH_…, "YOUR_CERT_HERE". */
// \u2026 (…) escaped: one non-ASCII character in a regex makes V8 hold the whole bundle as a two-byte string.
const ELLIPSIS_OR_MARKUP = /\.\.\.|\u2026|[<>{}[\]]|\$\{/;
const PLACEHOLDER_WORD = /replace|placeholder|insert|your|change.?me|todo|fixme|xxxx|example|certificate|base64|paste|here/i;
/** Words only count in short texts: a 1,200-character certificate can contain "here" by chance. */
export function looksLikePlaceholder(text: string): boolean {
  return ELLIPSIS_OR_MARKUP.test(text) || (text.replace(/\s+/g, '').length < 200 && PLACEHOLDER_WORD.test(text));
}

/** The reason a text is not strict base64, in words, with a 1-based position. */
export function describeBase64Error(decoded: Exclude<Base64Result, { ok: true }>): string {
  if (decoded.reason === 'character') {
    const cp = (decoded.char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    return `character ${JSON.stringify(decoded.char)} (U+${cp}) at position ${decoded.offset + 1}`;
  }
  if (decoded.reason === 'padding') return `misplaced "=" padding at position ${decoded.offset + 1}`;
  if (decoded.reason === 'length') return 'a length that is not a multiple of 4 (cut short?)';
  return 'non-zero bits before the padding';
}

/** Several padded base64 runs, each a certificate: two PEM bodies pasted one after the other. */
export function isConcatenation(text: string): boolean {
  const runs = (text.match(/[^=]*=*/g) ?? []).filter((r) => r.trim() !== '');
  if (runs.length < 2) return false;
  return runs.every((r) => {
    const d = decodeStrictBase64(r);
    return d.ok && startsWithCertificate(d.bytes);
  });
}

export function preview(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return JSON.stringify(t.length > 40 ? `${t.slice(0, 40)}…` : t);
}
