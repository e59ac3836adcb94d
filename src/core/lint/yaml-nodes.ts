import { isAlias, isMap, isScalar, type Document, type Node, type YAMLMap } from 'yaml';
import { flatPairs } from '../config/merge-keys.js';
import { positionAt, type ParsedConfig } from '../config/parse-config.js';
import type { Location } from '../findings.js';

/** Small helpers to walk a parsed config by node, keeping source positions for findings. */
export interface Entry {
  key: string;
  keyNode: Node | null;
  value: Node | null;
}

/** Follows an alias (`*ref`) to its anchor so a reused block is checked like an inline one. */
export function deref(node: unknown, doc: Document.Parsed): Node | null {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return (node.resolve(doc) as Node | undefined) ?? null;
  return node as Node;
}

/**
 * The pairs PyYAML's dict holds: merge keys (`<<`) resolved as its SafeConstructor does
 * (config/merge-keys.ts), never listed as a key themselves.
 */
export function entries(map: YAMLMap, doc: Document.Parsed): Entry[] {
  return flatPairs(map, doc).map(({ key: keyNode, value }) => {
    // never String(node) for a collection key: yaml's toString expands aliases (and throws on bad merges)
    const key = isScalar(keyNode) ? String(keyNode.value) : keyNode === null ? 'null' : `[${isMap(keyNode) ? 'mapping' : 'list'} key]`;
    return { key, keyNode, value };
  });
}

export function getEntry(map: YAMLMap, key: string, doc: Document.Parsed): Entry | undefined {
  // Duplicate keys are reported by parseConfig; like PyYAML, the last one wins.
  return entries(map, doc)
    .filter((e) => e.key === key)
    .pop();
}

/** Null or an empty plain scalar (`okta:`) counts as absent (docs/design.md §8). */
export function isNullish(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

export function asMap(node: Node | null): YAMLMap | undefined {
  return isMap(node) ? node : undefined;
}

export function locate(cfg: ParsedConfig, node: Node | null | undefined, file: string): Location {
  const offset = node?.range?.[0];
  return offset === undefined ? { file, line: 1, column: 1 } : positionAt(cfg.lineCounter, offset, file);
}

/** The source text of a scalar as written (quotes included), to tell `yes` from `true`. */
export function sourceOf(cfg: ParsedConfig, node: Node): string {
  const r = node.range;
  return r ? cfg.text.slice(r[0], r[1]) : '';
}
