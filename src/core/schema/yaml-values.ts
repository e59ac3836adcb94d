import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import type { ValueKind } from './coercions.js';

/** A key of a mapping with its nodes (aliases followed), as the schema walker visits them. */
export interface MapEntry {
  key: string;
  keyNode: Node;
  value: Node | null;
}

export function deref(node: unknown, doc: Document.Parsed): Node | null {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return (node.resolve(doc) as Node | undefined) ?? null;
  return node as Node;
}

/**
 * The entries PyYAML's constructor ends up with: a YAML 1.1 merge key (`<<: *base`, or a list of
 * them) contributes the merged maps' keys unless the map sets them itself; the last duplicate wins.
 */
export function mapEntries(map: YAMLMap, doc: Document.Parsed, depth = 0): MapEntry[] {
  const own: MapEntry[] = [];
  const merged: MapEntry[] = [];
  for (const pair of map.items) {
    const keyNode = deref(pair.key, doc);
    if (isScalar(keyNode) && typeof keyNode.value === 'symbol') {
      const value = deref(pair.value, doc);
      const sources = isSeq(value) ? value.items.map((i) => deref(i, doc)) : [value];
      if (depth < 32) for (const s of sources) if (isMap(s)) merged.push(...mapEntries(s, doc, depth + 1));
      continue;
    }
    if (!keyNode) continue;
    own.push({ key: isScalar(keyNode) ? String(keyNode.value) : String(keyNode), keyNode, value: deref(pair.value, doc) });
  }
  const byKey = new Map<string, MapEntry>();
  for (const e of [...merged, ...own]) {
    byKey.delete(e.key);
    byKey.set(e.key, e);
  }
  return [...byKey.values()];
}

/** What PyYAML would construct from the node: its kind and plain value. */
export function classify(node: Node | null): { kind: ValueKind; value: unknown } {
  if (node === null) return { kind: 'null', value: null };
  if (isMap(node)) return { kind: 'map', value: undefined };
  if (isSeq(node)) return { kind: 'list', value: undefined };
  if (!isScalar(node)) return { kind: 'other', value: undefined };
  const v = node.value;
  if (v === null || v === undefined) return { kind: 'null', value: null };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (typeof v === 'string') return { kind: 'string', value: v };
  if (typeof v === 'bigint') return { kind: 'int', value: v };
  if (typeof v === 'number') {
    const src = node.source ?? String(v);
    // PyYAML's YAML 1.1 float needs a dot: `1e3` is the string "1e3" there.
    if (node.format === 'EXP' && !src.includes('.')) return { kind: 'string', value: src };
    const float = !Number.isInteger(v) || /[.]/.test(src) || /^[-+]?\.(inf|nan)$/i.test(src);
    return { kind: float ? 'float' : 'int', value: v };
  }
  return { kind: 'other', value: v };
}

export function describeKind(kind: ValueKind, value: unknown): string {
  switch (kind) {
    case 'string':
      return `the string ${JSON.stringify(value)}`;
    case 'int':
    case 'float':
      return `the number ${String(value)}`;
    case 'bool':
      return `the boolean ${String(value)}`;
    case 'map':
      return 'a mapping';
    case 'list':
      return 'a list';
    case 'null':
      return 'null';
    default:
      return value instanceof Date
        ? `the date ${JSON.stringify(value.toISOString().slice(0, 10))} (PyYAML reads a date, not a string)`
        : 'a value of another type';
  }
}
