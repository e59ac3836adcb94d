import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import { bodyLines, desiredLines, enabledLiteral, isMapTarget, pathOf, targets, xmlContent, xmlHeader } from './okta-lines.js';
import { checkPathMap, checkPathNode, isNullish, notAMap, refuse } from './path-checks.js';
import { change, findPair, insertLinesAfter, type AnyPair, type WalkCtx } from './walk-ctx.js';
import { flowToBlock } from './flow-rewrite.js';
import { colonAfter, contentEnd, indentAt, lineEndAt, trimBack } from './yaml-text.js';

/**
 * Edits inside block mappings that already exist: keys we need are appended after the mapping's
 * last content line (never after trailing comments, which usually introduce the next key), in the
 * mapping's own indentation; values are replaced in place. Nothing outside these spans is touched.
 */
export function walkBlockMap(ctx: WalkCtx, map: YAMLMap, d: number): void {
  checkPathMap(ctx, map, pathOf(d, '').replace(/\.$/, ''), d === 2);
  const first = map.items[0]?.key as Node | null | undefined;
  const childCol = first?.range ? indentAt(ctx.text, first.range[0]) : 0;
  const missing: string[] = [];
  for (const key of targets(ctx, d)) {
    const pair = findPair(map, key);
    if (pair) handlePair(ctx, pair, d, key);
    else missing.push(key);
  }
  if (missing.length === 0) return;
  const end = contentEnd(ctx.text, map) ?? map.range?.[1] ?? ctx.text.length;
  insertLinesAfter(
    ctx,
    end,
    missing.flatMap((k) => desiredLines(ctx, d, k, childCol)),
  );
  for (const k of missing) change(ctx, pathOf(d, k), 'added');
}

function handlePair(ctx: WalkCtx, pair: AnyPair, d: number, key: string): void {
  const path = pathOf(d, key);
  const v = pair.value;
  const keyNode = pair.key as Node;
  checkPathNode(ctx, v, path, keyNode.range?.[0]);
  const keyIndent = indentAt(ctx.text, keyNode.range?.[0] ?? 0);
  const colon = colonAfter(ctx.text, keyNode.range?.[1] ?? 0);
  if (colon < 0)
    throw refuse(
      ctx,
      keyNode.range?.[0],
      'PATCH_UNSUPPORTED_KEY',
      `${path} is written as a complex key (?)`,
      `Write it as a plain "${key}:" key.`,
    );
  if (isMapTarget(d, key)) {
    if (isNullish(v)) {
      fillNull(ctx, colon, v, bodyLines(ctx, d + 1, keyIndent + ctx.step));
      change(ctx, path, 'added');
    } else if (isMap(v) && !v.flow) walkBlockMap(ctx, v, d + 1);
    else if (isMap(v)) flowToBlock(ctx, colon, keyIndent, v, d + 1, path);
    else throw notAMap(ctx, v, path);
  } else if (key === 'enabled') setEnabled(ctx, colon, v, path);
  else setXml(ctx, colon, keyIndent, v, path);
}

/** `okta:`, `okta: ~` or `okta: null` count as absent (docs/design.md §8): drop the null, add the body below. */
function fillNull(ctx: WalkCtx, colon: number, v: Node | null, lines: string[]): void {
  const tokenEnd = v?.range && v.range[1] > v.range[0] ? v.range[1] : colon;
  if (tokenEnd > colon) ctx.edits.push({ start: colon, end: tokenEnd, text: '' });
  insertLinesAfter(ctx, Math.max(colon, tokenEnd), lines);
}

const TRUE = /^(true|True|TRUE)$/;
const FALSE = /^(false|False|FALSE)$/;

/** A real boolean: `"true"` is a string Helm treats as true even when it says "false" (docs/design.md §8). */
function setEnabled(ctx: WalkCtx, colon: number, v: Node | null, path: string): void {
  if (v != null && !isScalar(v))
    throw refuse(ctx, v.range?.[0], 'PATCH_BAD_VALUE', `${path} is a collection, not a boolean`, 'Set it to true or false.');
  const src = v?.range ? ctx.text.slice(v.range[0], v.range[1]) : '';
  const ok = ctx.mode === 'enable' ? TRUE : FALSE;
  if (isScalar(v) && v.type === 'PLAIN' && v.tag === undefined && ok.test(src)) return;
  const end = v?.range && v.range[1] > v.range[0] ? v.range[1] : colon;
  ctx.edits.push({ start: colon, end, text: ` ${enabledLiteral(ctx)}` });
  change(ctx, path, 'updated');
}

/** Replace the xml value (any scalar style) by a literal block; keep it when it already equals ours. */
function setXml(ctx: WalkCtx, colon: number, keyIndent: number, v: Node | null, path: string): void {
  if (v != null && !isScalar(v))
    throw refuse(
      ctx,
      v.range?.[0],
      'PATCH_BAD_VALUE',
      `${path} is a collection, not the metadata text`,
      'Replace it with the metadata XML (patch writes it for you once it is a string or empty).',
    );
  if (isScalar(v) && v.value === ctx.xml) return;
  const empty = v == null || !v.range || v.range[1] === v.range[0];
  const tokenEnd = empty ? colon : trimBack(ctx.text, colon, v.range?.[1] ?? colon);
  const header = ` ${xmlHeader(ctx)}`;
  const content = xmlContent(ctx, keyIndent + ctx.step);
  if (!ctx.text.slice(colon, tokenEnd).includes('\n')) {
    ctx.edits.push({ start: colon, end: tokenEnd, text: header });
    insertLinesAfter(ctx, tokenEnd, content);
  } else {
    const end = lineEndAt(ctx.text, tokenEnd);
    ctx.edits.push({ start: colon, end, text: [header, ...content].join(ctx.eol) });
  }
  change(ctx, path, empty || (isScalar(v) && v.value === null) ? 'added' : 'updated');
}
