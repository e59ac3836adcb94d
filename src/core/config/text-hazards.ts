import { codePoint, hazard, type Hazard } from './hazard.js';

/**
 * Character-level differences, found in one linear pass before any YAML is read.
 *
 * - Line breaks: PyYAML (YAML 1.1 §5.4) ends a line at CR, LF, CRLF, NEL (U+0085), LS (U+2028)
 *   and PS (U+2029); `yaml` (YAML 1.2) only at LF and CRLF. A lone CR, NEL, LS or PS inside a
 *   comment, a block scalar or a quoted string makes the two read different documents.
 * - A byte order mark after the first character: PyYAML skips only the one at the very start, so
 *   `\uFEFFkey:` later in the file is a different key for it, while `yaml` drops the mark.
 * - Characters PyYAML's reader refuses outright (YAML 1.1 §5.1 and PyYAML's NON_PRINTABLE): C0
 *   controls other than TAB, LF and CR; DEL; C1 controls other than NEL; lone surrogates;
 *   U+FFFE and U+FFFF.
 *
 * One finding per distinct character, at its first occurrence, with the count of the others:
 * a file saved with classic Mac line ends would otherwise report every line.
 */
const SCAN =
  /\r(?!\n)|[\u0085\u2028\u2029\uFEFF]|[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const BREAK_NAMES: Record<string, string> = {
  '\r': 'a carriage return (CR) not followed by a line feed',
  '\u0085': 'a next-line character (NEL, U+0085)',
  '\u2028': 'a line separator (LS, U+2028)',
  '\u2029': 'a paragraph separator (PS, U+2029)',
};

export function textHazards(text: string): Hazard[] {
  const first = new Map<string, { offset: number; count: number }>();
  SCAN.lastIndex = 0;
  for (let m = SCAN.exec(text); m !== null; m = SCAN.exec(text)) {
    const seen = first.get(m[0]);
    if (seen) seen.count += 1;
    else first.set(m[0], { offset: m.index, count: 1 });
  }
  const out: Hazard[] = [];
  for (const [ch, { offset, count }] of first) {
    const more = count > 1 ? ` (${count - 1} more in the file)` : '';
    const name = BREAK_NAMES[ch];
    if (ch === '\uFEFF')
      out.push(
        hazard(
          'YAML_FORBIDDEN_CHAR',
          offset,
          `a byte order mark (U+FEFF) after the start of the file: PyYAML reads it as a character, this tool skips it at the start of a line${more}`,
          true,
        ),
      );
    else if (name !== undefined)
      out.push(hazard('YAML_LINE_BREAK', offset, `${name}: PyYAML ends a line here, this tool does not${more}`, true));
    else out.push(hazard('YAML_FORBIDDEN_CHAR', offset, `the character ${codePoint(ch)} is refused by PyYAML's reader${more}`, true));
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/**
 * Polyaxon opens the file as UTF-8 text: Python's decoder refuses bytes that are not UTF-8, while
 * Node's turns them into U+FFFD. The first such byte, as an offset in the decoded text (every
 * character before it decoded exactly, so the offsets agree), or undefined.
 */
export function notUtf8(text: string, bytes: Uint8Array): number | undefined {
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) {
    const at = Buffer.byteLength(text.slice(0, i), 'utf8');
    if (!(bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd)) return i;
  }
  return undefined;
}
