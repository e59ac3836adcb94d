import type { Scalar } from 'yaml';
import { positionAt, type ParsedConfig } from '../config/parse-config.js';
import type { Location } from '../findings.js';

/**
 * Maps a line:col inside the XML held by `options.xml` to the real line:col in the YAML file
 *. Exact for a literal block scalar (`|`, `|-`, `|2-`: what `patch` writes, docs/design.md §8):
 * XML line n sits n lines below the header, shifted by the block's indentation. Best effort for
 * the rest: a single-line quoted or plain scalar without escapes maps exactly; any other quoted,
 * plain or folded scalar rewrites line breaks and escapes, so positions fall back to the scalar's
 * start (and lint says so with OKTA_XML_NOT_BLOCK).
 */
export interface XmlPosition {
  /** Where the scalar starts in the YAML file. */
  start: Location;
  /** true when map() returns exact positions. */
  exact: boolean;
  map(line: number, column: number): Location;
}

export function xmlPosition(cfg: ParsedConfig, node: Scalar, file: string): XmlPosition {
  const offset = node.range?.[0] ?? 0;
  const start = positionAt(cfg.lineCounter, offset, file);
  const value = typeof node.value === 'string' ? node.value : '';
  const fallback: XmlPosition = { start, exact: false, map: () => start };
  if (node.type === 'BLOCK_LITERAL') {
    const indent = blockIndent(cfg, start.line, value);
    return {
      start,
      exact: true,
      map: (line, column) => ({ file, line: start.line + line, column: indent + column }),
    };
  }
  if ((node.type === 'PLAIN' || node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && !value.includes('\n')) {
    const end = node.range?.[1] ?? offset;
    const raw = cfg.text.slice(offset, end);
    const inner = node.type === 'PLAIN' ? raw : raw.slice(1, -1);
    if (inner === value) {
      const shift = node.type === 'PLAIN' ? 0 : 1;
      return {
        start,
        exact: true,
        map: (line, column) => (line === 1 ? { file, line: start.line, column: start.column + shift + column - 1 } : start),
      };
    }
  }
  return fallback;
}

/**
 * The content indentation of a literal block: leading spaces of its first non-empty source line
 * minus those the value keeps (an explicit indicator like `|2-` keeps extra leading spaces).
 */
function blockIndent(cfg: ParsedConfig, headerLine: number, value: string): number {
  const lines = value.split('\n');
  const k = lines.findIndex((l) => l.length > 0);
  if (k < 0) return 0;
  const src = sourceLine(cfg, headerLine + 1 + k);
  const kept = (lines[k] ?? '').length - (lines[k] ?? '').trimStart().length;
  const lead = src.length - src.trimStart().length;
  return Math.max(0, lead - kept);
}

function sourceLine(cfg: ParsedConfig, line: number): string {
  const starts = cfg.lineCounter.lineStarts;
  const from = starts[line - 1];
  if (from === undefined) return '';
  const to = starts[line] ?? cfg.text.length;
  return cfg.text.slice(from, to).replace(/\r?\n$/, '');
}
