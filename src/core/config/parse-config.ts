import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { finding, type Finding, type Location } from '../findings.js';

/**
 * A deployment config as PyYAML reads it: YAML 1.1 (DESIGN.md §8), so `yes`/`on` are booleans and
 * `0012` is octal. `yaml` keeps node ranges, which patch splices by and lint reports with.
 */
export interface ParsedConfig {
  text: string;
  /** The text starts with a UTF-8 BOM (kept on write). */
  bom: boolean;
  /** Present when the text holds exactly one document (possibly empty). */
  doc?: Document.Parsed;
  documentCount: number;
  lineCounter: LineCounter;
  /** Syntax errors and duplicate keys, with line:col. */
  findings: Finding[];
}

const BOM = '\uFEFF';

/** Where Polyaxon reads the Okta settings (DESIGN.md §2): one spelling for every command. */
export const OKTA_PATH = ['externalServices', 'auth', 'okta'] as const;
export const OKTA_XML_PATH = [...OKTA_PATH, 'options', 'xml'] as const;

export function parseConfig(rawText: string, file?: string): ParsedConfig {
  const bom = rawText.startsWith(BOM);
  const text = bom ? rawText.slice(1) : rawText;
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, {
    version: '1.1',
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
  });
  const findings: Finding[] = [];
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    for (const err of doc.errors) {
      const code = err.code === 'DUPLICATE_KEY' ? 'YAML_DUPLICATE_KEY' : 'YAML_SYNTAX';
      const at = positionAt(lineCounter, err.pos[0], file);
      findings.push(
        finding(code, 'error', firstLine(err.message), yamlHint(code), at),
      );
    }
  }
  if (list.length > 1) {
    const second = list[1];
    const at = second ? positionAt(lineCounter, second.range[0], file) : undefined;
    findings.push(
      finding(
        'YAML_MULTI_DOCUMENT',
        'error',
        `the file holds ${list.length} YAML documents; a deployment config is one`,
        'Split the file: `polyaxon admin deploy -f` reads a single document.',
        at,
      ),
    );
  }
  for (const doc of list) findings.push(...unsafeTags(doc, lineCounter, file));
  const result: ParsedConfig = { text, bom, documentCount: list.length, lineCounter, findings };
  if (list.length <= 1 && list[0]) result.doc = list[0];
  return result;
}

/**
 * Polyaxon loads the file with PyYAML's `safe_load`, which refuses every tag outside the YAML 1.1
 * schema (`!!python/object/apply:…` is the classic code-execution payload; a custom `!foo` fails
 * too), so `polyaxon admin deploy` would stop on it. `yaml` reports exactly those as unresolved.
 */
function unsafeTags(doc: Document.Parsed, lc: LineCounter, file?: string): Finding[] {
  return doc.warnings
    .filter((w) => w.code === 'TAG_RESOLVE_FAILED')
    .map((w) => {
      const tag = /Unresolved tag: (\S+)/.exec(w.message)?.[1] ?? 'custom tag';
      return finding(
        'YAML_UNSAFE_TAG',
        'error',
        `the tag ${tag.replace(/^tag:yaml\.org,2002:/, '!!')} is refused by PyYAML's safe_load, which Polyaxon uses to read this file`,
        'Remove the tag and write a plain value: deployment configs hold only strings, numbers, booleans, lists and maps.',
        positionAt(lc, w.pos[0], file),
      );
    });
}

export function positionAt(lc: LineCounter, offset: number, file?: string): Location {
  const { line, col } = lc.linePos(offset);
  return file === undefined ? { line, column: col } : { file, line, column: col };
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

function yamlHint(code: string): string {
  return code === 'YAML_DUPLICATE_KEY'
    ? 'Remove one of the two keys: PyYAML keeps the last one silently, Polyaxon may not see what you meant.'
    : 'Fix the YAML syntax at this position (indentation and `key: value` pairs are the usual culprits).';
}
