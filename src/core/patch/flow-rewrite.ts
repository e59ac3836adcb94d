import { isMap, isScalar, type YAMLMap } from 'yaml';
import { bodyLines, desiredLines, enabledLiteral, isMapTarget, pad, pathOf, targets, xmlLines } from './okta-lines.js';
import { checkPathMap, checkPathNode, isNullish, notAMap, refuse } from './path-checks.js';
import { change, insertLinesAfter, keyName, type AnyPair, type WalkCtx } from './walk-ctx.js';
import { colonAfter, lineEndAt, lineStartAt, trimBack } from './yaml-text.js';

/**
 * A flow mapping on the path (`auth: {}`, `okta: {enabled: false}`) cannot hold a literal block
 * scalar (YAML 1.2 §7: flow content is flow only), so that one mapping is rewritten in block
 * style: each of its pairs becomes a line with the pair's own source text (quoting, anchors and
 * nested flow values kept verbatim). Only one-line flow mappings are rewritten; a multi-line one
 * may hold comments we would lose, so patch refuses it.
 */
export function flowToBlock(ctx: WalkCtx, colon: number, keyIndent: number, flow: YAMLMap, d: number, path: string): void {
  assertOneLine(ctx, flow, path);
  const [start, end] = flow.range ?? [colon, colon];
  const lines = genRestyled(ctx, flow, d, keyIndent + ctx.step, path);
  if (lines === undefined) return;
  ctx.edits.push({ start: trimBack(ctx.text, colon, start), end, text: '' });
  insertLinesAfter(ctx, end, lines);
}

/** The whole document is a flow mapping (`{}` or `{a: 1}`): same rewrite at column 0. */
export function rootFlowToBlock(ctx: WalkCtx, flow: YAMLMap): void {
  assertOneLine(ctx, flow, 'the top level');
  const [start, end] = flow.range ?? [0, 0];
  const ls = lineStartAt(ctx.text, start);
  if (ctx.text.slice(ls, start).trim() !== '')
    throw refuse(
      ctx,
      start,
      'PATCH_FLOW_UNSUPPORTED',
      'the top-level flow mapping shares its line with other content (a --- marker, an anchor or a tag)',
      'Put the top-level mapping on its own line, then run patch again.',
    );
  const lines = genRestyled(ctx, flow, 0, 0, '(top level)');
  if (lines === undefined) return;
  const le = lineEndAt(ctx.text, end);
  if (ctx.text.slice(end, le).trim() === '') ctx.edits.push({ start: ls, end: le, text: lines.join(ctx.eol) });
  else {
    ctx.edits.push({ start: ls, end, text: '' });
    insertLinesAfter(ctx, end, lines);
  }
}

function assertOneLine(ctx: WalkCtx, flow: YAMLMap, path: string): void {
  const [start, end] = flow.range ?? [0, 0];
  if (ctx.text.slice(start, end).includes('\n'))
    throw refuse(
      ctx,
      start,
      'PATCH_FLOW_UNSUPPORTED',
      `${path} is a flow mapping ({…}) over several lines; patch rewrites only one-line flow mappings into block style`,
      `Rewrite ${path} in block style (one key per line), then run patch again.`,
    );
}

/** Block lines for `flow`, or undefined when nothing inside it changes (then it stays as written). */
function genRestyled(ctx: WalkCtx, flow: YAMLMap, d: number, col: number, path: string): string[] | undefined {
  const before = ctx.changes.length;
  change(ctx, path, 'restyled');
  const lines = genMap(ctx, flow, d, col);
  if (ctx.changes.length > before + 1) return lines;
  ctx.changes.length = before;
  return undefined;
}

/** Block lines for a flow mapping at depth d. */
function genMap(ctx: WalkCtx, flow: YAMLMap, d: number, col: number): string[] {
  checkPathMap(ctx, flow, pathOf(d, '').replace(/\.$/, ''), d === 2);
  const wanted = targets(ctx, d);
  const seen = new Set<string>();
  const lines: string[] = [];
  let cursor = (flow.range?.[0] ?? 0) + 1; // just after '{'
  for (const pair of flow.items as AnyPair[]) {
    const start = skipSeparator(ctx.text, cursor);
    const key = pair.key;
    if (key == null || !key.range)
      throw refuse(ctx, start, 'PATCH_FLOW_UNSUPPORTED', `a pair without a key in ${pathOf(d, '')}`, 'Rewrite the mapping in block style.');
    const colon = colonAfter(ctx.text, key.range[1]);
    const valueEnd = pair.value?.range?.[1] ?? key.range[1];
    cursor = Math.max(valueEnd, key.range[1]);
    const keyText = ctx.text.slice(start, key.range[1]);
    const name = keyName(pair);
    if (name !== undefined && wanted.includes(name)) {
      seen.add(name);
      lines.push(...genPair(ctx, pair, d, name, col, keyText, colon));
    } else {
      const valueText = colon < 0 ? '' : ctx.text.slice(colon, valueEnd).trim();
      lines.push(`${pad(col)}${keyText}:${valueText === '' ? '' : ` ${valueText}`}`);
    }
  }
  for (const k of wanted.filter((k) => !seen.has(k))) {
    lines.push(...desiredLines(ctx, d, k, col));
    change(ctx, pathOf(d, k), 'added');
  }
  return lines;
}

function genPair(ctx: WalkCtx, pair: AnyPair, d: number, key: string, col: number, keyText: string, colon: number): string[] {
  const path = pathOf(d, key);
  const v = pair.value;
  checkPathNode(ctx, v, path, pair.key?.range?.[0]);
  if (isMapTarget(d, key)) {
    if (isNullish(v)) {
      change(ctx, path, 'added');
      return [`${pad(col)}${keyText}:`, ...bodyLines(ctx, d + 1, col + ctx.step)];
    }
    if (!isMap(v)) throw notAMap(ctx, v, path);
    const props = colon < 0 || !v.range ? '' : ctx.text.slice(colon, v.range[0]).trim();
    const lines = genRestyled(ctx, v, d + 1, col + ctx.step, path);
    if (lines === undefined) return [`${pad(col)}${keyText}: ${ctx.text.slice(colon, v.range?.[1]).trim()}`];
    return [`${pad(col)}${keyText}:${props === '' ? '' : ` ${props}`}`, ...lines];
  }
  if (v != null && !isScalar(v))
    throw refuse(
      ctx,
      v.range?.[0],
      'PATCH_BAD_VALUE',
      `${path} is a collection, not a ${key === 'enabled' ? 'boolean' : 'string'}`,
      'Fix the value by hand.',
    );
  if (key === 'enabled') {
    const src = v?.range ? ctx.text.slice(v.range[0], v.range[1]) : '';
    if (src !== enabledLiteral(ctx) || v?.tag !== undefined) change(ctx, path, 'updated');
    return [`${pad(col)}${keyText}: ${enabledLiteral(ctx)}`];
  }
  if (isScalar(v) && v.value === ctx.xml && v.range) return [`${pad(col)}${keyText}: ${ctx.text.slice(colon, v.range[1]).trim()}`];
  change(ctx, path, isNullish(v) ? 'added' : 'updated');
  return xmlLines(ctx, col);
}

function skipSeparator(text: string, pos: number): number {
  let i = pos;
  while (/[ \t]/.test(text[i] ?? '')) i++;
  if (text[i] === ',') i++;
  while (/[ \t]/.test(text[i] ?? '')) i++;
  return i;
}
