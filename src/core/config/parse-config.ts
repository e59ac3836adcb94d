import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { syntaxErrorOffset } from './syntax-position.js';
import { finding, type Finding, type Location } from '../findings.js';
import { hazard, type Hazard } from './hazard.js';
import { mergesOnAuthPath, topLevelKeys } from './merge-keys.js';
import { nodeHazards } from './node-hazards.js';
import { notUtf8, textHazards } from './text-hazards.js';
import { tokenHazards } from './token-hazards.js';

/**
 * A deployment config as PyYAML reads it: YAML 1.1 (docs/design.md §8), so `yes`/`on` are booleans and
 * `0012` is octal. `yaml` keeps node ranges, which patch splices by and lint reports with.
 * Wherever PyYAML's `safe_load` could read the text differently from `yaml`, or refuse it, there
 * is an error finding (docs/design.md, "read what the consumers read").
 */
export interface ParsedConfig {
  text: string;
  /** The text starts with a UTF-8 BOM (kept on write). */
  bom: boolean;
  /** Present when the text holds exactly one document (possibly empty). */
  doc?: Document.Parsed;
  documentCount: number;
  lineCounter: LineCounter;
  /** Syntax errors, PyYAML differences and duplicate keys, with line:col. */
  findings: Finding[];
  /**
   * A syntax error or a difference that changes the node tree: `doc` is not what PyYAML builds
   * (or PyYAML cannot build anything), so nothing beyond `findings` may be read from it.
   */
  unreadable: boolean;
  /** Top-level keys as PyYAML would see them (merged keys included), even when unreadable. */
  topLevelKeys: string[];
}

const BOM = '\uFEFF';

/** Where Polyaxon reads the Okta settings (docs/design.md §2): one spelling for every command. */
export const OKTA_PATH = ['externalServices', 'auth', 'okta'] as const;
export const OKTA_XML_PATH = [...OKTA_PATH, 'options', 'xml'] as const;

/** `bytes`: the file as read, when `rawText` was decoded from it (to tell bytes that are not UTF-8). */
export function parseConfig(rawText: string, file?: string, bytes?: Uint8Array): ParsedConfig {
  const bom = rawText.startsWith(BOM);
  const text = bom ? rawText.slice(1) : rawText;
  const lineCounter = new LineCounter();
  // Before `yaml` reads anything: characters PyYAML reads differently or refuses.
  const charHazards = textHazards(text);
  const bad = bytes === undefined ? undefined : notUtf8(rawText, bytes);
  if (bad !== undefined)
    charHazards.unshift(
      hazard(
        'YAML_FORBIDDEN_CHAR',
        Math.max(0, bad - (bom ? 1 : 0)),
        "bytes that are not UTF-8 (read as U+FFFD here): Python's UTF-8 decoder, which Polyaxon reads the file with, refuses them",
        true,
      ),
    );
  // uniqueKeys off: `yaml`'s check compares each key with every earlier one (quadratic);
  // nodeHazards does it with one Map per mapping, and reads the CST kept by keepSourceTokens.
  const docs = parseAllDocuments(text, { version: '1.1', lineCounter, uniqueKeys: false, prettyErrors: false, keepSourceTokens: true });
  const list = Array.isArray(docs) ? docs : [];
  const at = (offset: number) => positionAt(lineCounter, offset, file);
  const asFinding = (h: Hazard) => finding(h.code, 'error', h.message, h.hint, at(h.offset));
  const result: ParsedConfig = { text, bom, documentCount: list.length, lineCounter, findings: [], unreadable: false, topLevelKeys: [] };
  if (list.length <= 1 && list[0]) result.doc = list[0];
  result.topLevelKeys = topLevelKeys(result.doc);

  // One layer at a time: each reports only its own problems, so none cascades into the next.
  const early = charHazards.length > 0 ? charHazards : tokenHazards(text);
  if (early.length > 0) return { ...result, findings: early.map(asFinding), unreadable: true };
  // PyYAML stops at the first syntax error, and `yaml`'s later ones are mostly its echoes.
  const errors = list.flatMap((doc) => doc.errors).sort((a, b) => a.pos[0] - b.pos[0]);
  const syntax = errors[0];
  if (syntax)
    return {
      ...result,
      findings: [finding('YAML_SYNTAX', 'error', firstLine(syntax.message), yamlHint(), at(syntaxErrorOffset(text, syntax.pos[0])))],
      unreadable: true,
    };

  const findings: Finding[] = [];
  if (list.length > 1) {
    const second = list[1];
    findings.push(
      finding(
        'YAML_MULTI_DOCUMENT',
        'error',
        `the file holds ${list.length} YAML documents; a deployment config is one`,
        'Split the file: `polyaxon admin deploy -f` reads a single document.',
        second ? at(second.range[0]) : undefined,
      ),
    );
  }
  const hazards: Hazard[] = [];
  for (const doc of list) hazards.push(...nodeHazards(doc, text).hazards, ...mergesOnAuthPath(doc));
  hazards.sort((a, b) => a.offset - b.offset);
  findings.push(...hazards.map(asFinding));
  result.topLevelKeys = topLevelKeys(result.doc);
  return { ...result, findings, unreadable: hazards.some((h) => h.fatal) };
}

export function positionAt(lc: LineCounter, offset: number, file?: string): Location {
  const { line, col } = lc.linePos(offset);
  return file === undefined ? { line, column: col } : { file, line, column: col };
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

function yamlHint(): string {
  return 'Fix the YAML syntax at this position (indentation and `key: value` pairs are the usual culprits).';
}
