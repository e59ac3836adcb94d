import { isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { CheckCtx } from './path-checks.js';
import type { LineCtx } from './okta-lines.js';
import type { PatchChange } from './types.js';
import { lineEndAt, type Edit } from './yaml-text.js';

/** Everything the walkers share: the source, the plan's edits so far, and how lines are written. */
export interface WalkCtx extends CheckCtx, LineCtx {
  eol: string;
  edits: Edit[];
  changes: PatchChange[];
}

export type AnyPair = Pair<Node | null, Node | null>;

export function findPair(map: YAMLMap, key: string): AnyPair | undefined {
  return (map.items as AnyPair[]).find((p) => isScalar(p.key) && p.key.value === key);
}

export function keyName(pair: AnyPair): string | undefined {
  return isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : undefined;
}

/** New lines after the line that holds `pos` (after any trailing comment on it). */
export function insertLinesAfter(ctx: WalkCtx, pos: number, lines: string[]): void {
  if (lines.length === 0) return;
  if (pos > 0 && ctx.text[pos - 1] === '\n') {
    ctx.edits.push({ start: pos, end: pos, text: lines.join(ctx.eol) + ctx.eol });
    return;
  }
  const at = lineEndAt(ctx.text, pos);
  ctx.edits.push({ start: at, end: at, text: ctx.eol + lines.join(ctx.eol) });
}

export function change(ctx: WalkCtx, path: string, action: PatchChange['action']): void {
  ctx.changes.push({ path, action });
}
