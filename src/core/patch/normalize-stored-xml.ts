import { inputError } from '../errors.js';

/**
 * The XML exactly as `patch` stores it (docs/design.md §8): the metadata as downloaded, minus a BOM,
 * line breaks normalised to LF, trailing whitespace at the end removed, the declaration kept.
 * A lone CR becomes LF as well: YAML reads it as a line break anyway, and XML 1.0 §2.11 treats
 * CRLF and CR as LF, so nothing an XML parser sees changes.
 */
export function normalizeStoredXml(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\n]+$/, '');
}

/**
 * Characters a literal block scalar cannot carry so that PyYAML reads them back unchanged:
 * non-printable characters (PyYAML's reader rejects them) and NEL, LS, PS, which YAML 1.1 treats
 * as line breaks (YAML 1.1 §5.4) while `yaml` does not, so the two readers would disagree.
 */

const UNREPRESENTABLE =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function assertRepresentableXml(xml: string): void {
  const m = UNREPRESENTABLE.exec(xml);
  if (!m) return;
  const before = xml.slice(0, m.index);
  const line = before.split('\n').length;
  const column = m.index - before.lastIndexOf('\n');
  const code = (m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  throw inputError(
    `the metadata contains U+${code} at line ${line}, column ${column}, which a YAML block scalar cannot hold unchanged`,
    'PATCH_XML_UNREPRESENTABLE',
    'Download the metadata again from Okta ("View IdP metadata") and save it unchanged.',
  );
}
