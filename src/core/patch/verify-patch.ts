import { isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import { parseConfig, type ParsedConfig } from '../config/parse-config.js';
import { inputError } from '../errors.js';
import type { WalkCtx } from './walk-ctx.js';

/**
 * The plan's own proof before anything is written: the new text parses (YAML 1.1, one document,
 * no duplicate keys) and reads back as the old data with only the okta values changed. A splice
 * that would do anything else is a bug, reported instead of written. Also fills in the new line of
 * every change.
 */
export function verifyPatch(old: ParsedConfig, newText: string, ctx: WalkCtx): void {
  const next = parseConfig(newText);
  const fail = (why: string) =>
    inputError(`internal check failed, nothing written: ${why}`, 'PATCH_SELF_CHECK_FAILED', 'Please report this with the config (secrets removed); edit the okta block by hand meanwhile.');
  if (next.findings.length > 0 || !next.doc) throw fail(next.findings[0]?.message ?? 'the result is not one YAML document');
  const expected = expectedData(old.doc?.toJS({ maxAliasCount: -1 }) ?? null, ctx);
  const actual = next.doc.toJS({ maxAliasCount: -1 }) as unknown;
  if (!deepEqual(expected, actual)) throw fail('the result does not read back as the old config plus the okta block');
  for (const c of ctx.changes) {
    const pos = keyPosition(next.doc, c.path.split('.'));
    if (pos !== undefined) c.line = next.lineCounter.linePos(pos).line;
  }
}

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

function expectedData(data: unknown, ctx: WalkCtx): unknown {
  const root = asObj(data);
  const es = (root.externalServices = asObj(root.externalServices));
  const auth = (es.auth = asObj(es.auth));
  const okta = (auth.okta = asObj(auth.okta));
  okta.enabled = ctx.mode === 'enable';
  if (ctx.xml !== undefined) {
    const options = (okta.options = asObj(okta.options));
    options.xml = ctx.xml;
  }
  return root;
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

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.from(a).equals(Buffer.from(b));
  if (a instanceof Map && b instanceof Map) return deepEqual([...a.entries()], [...b.entries()]);
  if (a instanceof Set && b instanceof Set) return deepEqual([...a], [...b]);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as Obj);
  const kb = Object.keys(b as Obj);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b as Obj, k) && deepEqual((a as Obj)[k], (b as Obj)[k]));
}
