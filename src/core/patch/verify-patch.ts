import { isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import { parseConfig, type ParsedConfig } from '../config/parse-config.js';
import { sameNodes } from '../config/same-nodes.js';
import { inputError } from '../errors.js';
import type { WalkCtx } from './walk-ctx.js';

/**
 * The plan's own proof before anything is written: the new text parses (YAML 1.1, one document,
 * nothing PyYAML would read differently) and reads back as the old data with only the okta values
 * changed. A splice that would do anything else is a bug, reported instead of written. Also fills
 * in the new line of every change. The comparison goes node by node (config/same-nodes.ts), never
 * through expanded values: an alias bomb elsewhere in the file must not make it exponential.
 */
export function verifyPatch(old: ParsedConfig, newText: string, ctx: WalkCtx): void {
  const next = parseConfig(newText);
  const fail = (why: string) =>
    inputError(
      `internal check failed, nothing written: ${why}`,
      'PATCH_SELF_CHECK_FAILED',
      'Please report this with the config (secrets removed); edit the okta block by hand meanwhile.',
    );
  if (next.findings.length > 0 || !next.doc) throw fail(next.findings[0]?.message ?? 'the result is not one YAML document');
  if (!sameOutsideOkta(old.doc?.contents ?? null, next.doc.contents, 0, ctx))
    throw fail('the result does not read back as the old config plus the okta block');
  for (const c of ctx.changes) {
    const pos = keyPosition(next.doc, c.path.split('.'));
    if (pos !== undefined) c.line = next.lineCounter.linePos(pos).line;
  }
}

const PATH = ['externalServices', 'auth', 'okta', 'options'];
type Items = Array<{ key: unknown; value: unknown }>;

/**
 * Along root → externalServices → auth → okta → options (each absent or null before, a mapping
 * after) every other key holds the same nodes; okta.enabled is the mode's boolean and, when
 * metadata is written, options.xml is exactly the stored XML.
 */
function sameOutsideOkta(before: unknown, after: unknown, depth: number, ctx: WalkCtx): boolean {
  if (!isMap(after)) return false;
  if (!isMap(before) && !(before === null || (isScalar(before) && before.value === null && before.anchor === undefined))) return false;
  const oldItems: Items = isMap(before) ? before.items : [];
  const newItems: Items = after.items;
  const next = PATH[depth];
  const descend = next !== undefined && !(depth === 3 && ctx.xml === undefined);
  const own = depth === 3 ? 'enabled' : depth === 4 ? 'xml' : undefined;
  const name = (p: Items[number]) => (isScalar(p.key) && typeof p.key.value === 'string' ? p.key.value : undefined);
  const special = (p: Items[number]) => {
    const k = name(p);
    return k !== undefined && ((descend && k === next) || k === own);
  };
  const get = (items: Items, key: string) => items.find((p) => name(p) === key)?.value ?? null;
  const a = oldItems.filter((p) => !special(p));
  const b = newItems.filter((p) => !special(p));
  if (a.length !== b.length || !a.every((p, i) => sameNodes(p.key, b[i]?.key) && sameNodes(p.value, b[i]?.value))) return false;
  if (depth === 3) {
    const enabled = get(newItems, 'enabled');
    if (!isScalar(enabled) || enabled.value !== (ctx.mode === 'enable')) return false;
  }
  if (depth === 4) {
    const xml = get(newItems, 'xml');
    return isScalar(xml) && xml.value === ctx.xml;
  }
  return descend ? sameOutsideOkta(get(oldItems, next as string), get(newItems, next as string), depth + 1, ctx) : true;
}

function keyPosition(doc: Document.Parsed, path: string[]): number | undefined {
  let node: Node | null | undefined = doc.contents;
  let pos: number | undefined;
  for (const key of path) {
    if (!isMap(node)) return undefined;
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
    if (!pair) return undefined;
    pos = (pair.key as Node).range?.[0];
    node = pair.value as Node | null;
  }
  return pos;
}
