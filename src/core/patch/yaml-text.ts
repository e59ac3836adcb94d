import { isAlias, isMap, isScalar, isSeq, visit, type Document, type Node, type Pair } from 'yaml';

/**
 * Text helpers for splicing into the original source (docs/design.md §8: `yaml`'s own round trip
 * rewrites lines outside any edit in 25 of 30 real configs, so we only use it to locate nodes).
 */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** CRLF when the file already uses it (its first line break decides), else LF. */
export function detectEol(text: string): '\r\n' | '\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

export function lineStartAt(text: string, pos: number): number {
  const nl = text.lastIndexOf('\n', pos - 1);
  return nl + 1;
}

/** Position of the line break ending the line that holds `pos` (before a CR of CRLF). */
export function lineEndAt(text: string, pos: number): number {
  let nl = text.indexOf('\n', pos);
  if (nl < 0) nl = text.length;
  return nl > 0 && text[nl - 1] === '\r' && nl - 1 >= pos ? nl - 1 : nl;
}

/** Spaces at the start of the line holding `pos`: the indentation of a block key there. */
export function indentAt(text: string, pos: number): number {
  const start = lineStartAt(text, pos);
  let i = start;
  while (text[i] === ' ') i++;
  return i - start;
}

/** Position just after the `:` that follows a block or flow key. */
export function colonAfter(text: string, keyEnd: number): number {
  let i = keyEnd;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text[i] === ':' ? i + 1 : -1;
}

/** End of the last non-blank character before `pos`. */
export function trimBack(text: string, from: number, pos: number): number {
  let i = pos;
  while (i > from && /\s/.test(text[i - 1] ?? '')) i--;
  return i;
}

/** Where a node's content ends, ignoring trailing comments and blank lines `yaml` puts in its range. */
export function contentEnd(text: string, node: Node | null | undefined): number | undefined {
  if (node == null) return undefined;
  if (isMap(node) || isSeq(node)) {
    if (node.flow) return node.range?.[1];
    const last = node.items[node.items.length - 1];
    if (last === undefined) return undefined;
    if (isSeq(node)) return contentEnd(text, last as Node) ?? (last as Node).range?.[1];
    const pair = last as Pair<Node | null, Node | null>;
    return contentEnd(text, pair.value) ?? pair.key?.range?.[1];
  }
  if (isScalar(node)) {
    const range = node.range ?? [0, 0];
    const start = range[0];
    const end = range[1];
    if (start === end) return undefined;
    // keep-chomped block scalars own their trailing blank lines: inserting before them would move them
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
      const header = text.slice(start, lineEndAt(text, start));
      if (header.includes('+')) return end;
    }
    return trimBack(text, start, end);
  }
  return node.range?.[1];
}

/** The file's own indentation step: the most common key-to-child indent, 2 when there is none. */
export function detectIndentStep(doc: Document.Parsed, text: string): number {
  const counts = new Map<number, number>();
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (!key?.range || !isMap(value) || value.flow) return;
      const first = value.items[0]?.key as Node | null | undefined;
      if (!first?.range) return;
      const diff = indentAt(text, first.range[0]) - indentAt(text, key.range[0]);
      if (diff > 0 && lineStartAt(text, first.range[0]) !== lineStartAt(text, key.range[0])) counts.set(diff, (counts.get(diff) ?? 0) + 1);
    },
  });
  let best = 2;
  let bestCount = 0;
  for (const [step, n] of counts)
    if (n > bestCount || (n === bestCount && step < best)) {
      best = step;
      bestCount = n;
    }
  return Math.min(best, 9);
}

/** Anchor names that some alias refers to: editing such a node would change the alias too. */
export function referencedAnchors(doc: Document.Parsed): Set<string> {
  const names = new Set<string>();
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node)) names.add(node.source);
    },
  });
  return names;
}

/**
 * Applies edits from the end of the text backwards. Two insertions at one position keep the order
 * they were planned in (a nested key's lines come before a sibling appended after its map).
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) throw new Error(`overlapping edits at ${e.start}`);
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    limit = e.start;
  }
  return out;
}
