/**
 * Values read from an input (entityIDs, URLs, certificate subjects, NameIDs, attribute values, file
 * names, YAML keys) go through escapeForTerminal before any text renderer prints them, so a hostile
 * document cannot move the cursor, recolour, clear the screen, start a new line or reorder what
 * follows (Trojan Source, CVE-2021-42574) and so draw a fake verdict.
 *
 * Escaped: every C0 control (tab and line feed included: a value is one line), DEL, every C1
 * control, U+2028/U+2029 (line and paragraph separators) and the bidi controls U+202A–U+202E and
 * U+2066–U+2069, plus U+200E/U+200F/U+061C (the implicit direction marks). Each becomes `\xHH`
 * (code points up to U+00FF) or `\uHHHH`, as JavaScript writes them.
 * JSON output is not passed through here: JSON.stringify already escapes C0 controls, and a JSON
 * reader gets the exact value.
 */

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeForTerminal(s: string): string {
  return s.replace(UNSAFE, (ch) => {
    const n = ch.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}

/**
 * For text made of several lines on purpose (a hint that lists steps): each line is escaped, the
 * line feeds between them are kept.
 */
export function escapeLines(s: string): string {
  return s.split('\n').map(escapeForTerminal).join('\n');
}

/**
 * One line of a file shown as it is (a diff line): tabs kept, a CR that ends the line kept (CRLF
 * files), every other unsafe character escaped as escapeForTerminal does.
 */
export function escapeFileLine(line: string): string {
  const cr = line.endsWith('\r') ? '\r' : '';
  return (cr ? line.slice(0, -1) : line).split('\t').map(escapeForTerminal).join('\t') + cr;
}

/** Text made of file lines (a unified diff): each line through escapeFileLine, line feeds kept. */
export function escapeFileText(text: string): string {
  return text.split('\n').map(escapeFileLine).join('\n');
}

/** True when the text holds a character escapeForTerminal would rewrite (tests, assertions). */
export function hasUnsafeCharacter(s: string): boolean {
  UNSAFE.lastIndex = 0;
  const hit = UNSAFE.test(s);
  UNSAFE.lastIndex = 0;
  return hit;
}
