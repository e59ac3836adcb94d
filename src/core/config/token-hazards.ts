import { Lexer } from 'yaml';
import { hazard, type Hazard } from './hazard.js';

/**
 * Token-level differences, from one pass of `yaml`'s lexer (whose lexemes, minus its control
 * markers, are the source text in order).
 *
 * Tabs: PyYAML's scanner skips only spaces between tokens and ends a plain scalar at a tab, so a
 * tab is read only inside quoted scalars, comments and block scalar content past the block's
 * indentation (YAML 1.1 §4.2.2, §9.1); anywhere else (`key:<TAB>value`, indentation, inside flow
 * collections, inside a plain scalar, after a value) `safe_load` fails. `yaml` accepts several of
 * these.
 *
 * Directives: PyYAML reads every document as YAML 1.1, whatever `%YAML` says, and `yaml` would
 * switch to 1.2 on `%YAML 1.2`; `%TAG` prefixes are refused rather than resolved twice. Only
 * `%YAML 1.1` reads the same in both.
 *
 * Expects text without the characters textHazards reports (the lexer's markers are C0 controls).
 */
const MARKERS = new Set(['\x02', '\x18', '\x1f']);
const YAML_11 = /^%YAML {1,}1\.1(?: +#.*)?$/;

export function tokenHazards(text: string): Hazard[] {
  const out: Hazard[] = [];
  let offset = 0;
  let header: { offset: number; digit: number } | undefined;
  let scalarNext = false;
  let yamlDirectives = 0;
  const tabAt = (lexeme: string, at: number): void => {
    const tab = lexeme.indexOf('\t');
    if (tab >= 0)
      out.push(
        hazard(
          'YAML_TAB',
          at + tab,
          'a tab here is refused by PyYAML (tabs may appear only inside quoted strings, block scalar content and comments)',
          true,
        ),
      );
  };
  // A quoted scalar the lexer cut at an under-indented line (PyYAML folds it; `yaml` reports a
  // missing quote, YAML_SYNTAX): its pieces are quoted text, where PyYAML takes tabs.
  let openQuote: string | undefined;
  for (const lexeme of new Lexer().lex(text)) {
    if (openQuote !== undefined && !MARKERS.has(lexeme)) {
      if (lexeme.includes(openQuote)) openQuote = undefined;
      offset += lexeme.length;
      continue;
    }
    if (MARKERS.has(lexeme)) {
      if (lexeme === '\x02') yamlDirectives = 0;
      scalarNext = lexeme === '\x1f';
      continue;
    }
    const first = lexeme[0];
    if (scalarNext) {
      if (header) out.push(...blockBodyTabs(text, lexeme, offset, header));
      else tabAt(lexeme, offset);
      header = undefined;
    } else if (first === '|' || first === '>') {
      header = { offset, digit: Number(/[1-9]/.exec(lexeme)?.[0] ?? 0) };
      tabAt(lexeme, offset);
    } else if (first === '%') {
      // a second %YAML before the same document is an error in PyYAML ("found duplicate YAML directive")
      if (YAML_11.test(lexeme) && (yamlDirectives += 1) > 1)
        out.push(hazard('YAML_DIRECTIVE', offset, 'a second %YAML directive for the same document: PyYAML refuses it', true));
      if (!YAML_11.test(lexeme))
        out.push(
          hazard(
            'YAML_DIRECTIVE',
            offset,
            `the directive ${JSON.stringify(lexeme.split(/[ \t]/)[0])} is not read the same by PyYAML (always YAML 1.1) and this tool`,
            true,
          ),
        );
    } else if ((first === '"' || first === "'") && !closed(lexeme)) {
      openQuote = first;
    } else if (first !== '#' && first !== '"' && first !== "'") {
      tabAt(lexeme, offset);
      if (lexeme !== '\n' && lexeme.trim() !== '') header = undefined;
    }
    scalarNext = false;
    offset += lexeme.length;
  }
  return out;
}

/** A quoted scalar lexeme that ends with its own closing quote (`''` and `\"` are escapes). */
function closed(lexeme: string): boolean {
  const q = lexeme[0] as string;
  if (lexeme.length < 2 || !lexeme.endsWith(q)) return false;
  if (q === "'") return /^'(?:[^']|'')*'$/s.test(lexeme);
  return /^"(?:[^"\\]|\\.)*"$/s.test(lexeme);
}

/**
 * Inside a block scalar a tab is content only past the block's indentation: PyYAML ends the
 * scalar at a less-indented line, where the tab then starts a token. With an indentation
 * indicator the indentation is the parent's plus the digit; the parent's is taken from the
 * header's line, which is never less than PyYAML's (so this is never more lenient).
 */
function blockBodyTabs(text: string, body: string, offset: number, header: { offset: number; digit: number }): Hazard[] {
  if (!body.includes('\t')) return [];
  let indent: number;
  if (header.digit > 0) indent = parentColumn(text, header.offset) + header.digit;
  else {
    // auto-detected: the spaces before the first line with any other character (a tab counts)
    const firstLine = body.split('\n').find((l) => /[^ \r]/.test(l)) ?? '';
    indent = /^ */.exec(firstLine)?.[0].length ?? 0;
  }
  const out: Hazard[] = [];
  let lineStart = 0;
  for (const line of body.split('\n')) {
    const tab = line.indexOf('\t');
    const spaces = /^ */.exec(line)?.[0].length ?? 0;
    if (tab >= 0 && (indent < 1 || spaces < indent)) {
      out.push(
        hazard('YAML_TAB', offset + lineStart + tab, 'a tab before the indentation of this block scalar is refused by PyYAML', true),
      );
      break;
    }
    lineStart += line.length + 1;
  }
  return out;
}

function parentColumn(text: string, headerOffset: number): number {
  const lineStart = text.lastIndexOf('\n', headerOffset - 1) + 1;
  const line = text.slice(lineStart, headerOffset);
  let i = /^ */.exec(line)?.[0].length ?? 0;
  let col = i;
  while (line[i] === '-' && (line[i + 1] === ' ' || i + 1 === line.length)) {
    col = i;
    i += 1;
    while (line[i] === ' ') i += 1;
  }
  return i < line.length ? i : col;
}
