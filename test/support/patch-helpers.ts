import { spawnSync } from 'node:child_process';
import { isMap, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { expect } from 'vitest';
import { findPython } from './python.js';

export { findPython };

/**
 * Checks shared by the patch suites: PyYAML read-back (the reader Polyaxon uses), and a line diff
 * proving that only the okta block changed.
 */
export interface PyReadBack {
  xml: unknown;
  enabled: unknown;
  /** Everything except okta.enabled and okta.options.xml reads the same before and after. */
  restEqual: boolean;
}

const SCRIPT = String.raw`
import json, sys, yaml
def strip(d):
    d = d if isinstance(d, dict) else {}
    es = d.get('externalServices') if isinstance(d.get('externalServices'), dict) else {}
    auth = es.get('auth') if isinstance(es.get('auth'), dict) else {}
    okta = auth.get('okta') if isinstance(auth.get('okta'), dict) else {}
    opts = okta.get('options') if isinstance(okta.get('options'), dict) else {}
    xml = opts.pop('xml', None)
    enabled = okta.pop('enabled', None)
    for parent, key, child in ((okta, 'options', opts), (auth, 'okta', okta), (es, 'auth', auth), (d, 'externalServices', es)):
        if child == {} or parent.get(key, 0) is None: parent.pop(key, None)
        elif child is not parent.get(key): parent[key] = child
    return d, xml, enabled
out = []
for item in json.load(sys.stdin):
    old, _, _ = strip(yaml.safe_load(item['old']))
    new, xml, enabled = strip(yaml.safe_load(item['new']))
    out.append({'xml': xml, 'enabled': enabled, 'restEqual': old == new})
print(json.dumps(out))
`;

export function pyReadBack(py: string, items: { old: string; new: string }[]): PyReadBack[] {
  const r = spawnSync(py, ['-c', SCRIPT], { input: JSON.stringify(items), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as PyReadBack[];
}

/** LCS line diff: indexes of deleted lines of `a` and inserted lines of `b` (0-based). */
export function lineDiff(a: string[], b: string[]): { deleted: number[]; inserted: number[] } {
  const n = a.length;
  const m = b.length;
  const dp = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      (dp[i] as Uint32Array)[j] =
        a[i] === b[j] ? (dp[i + 1] as Uint32Array)[j + 1]! + 1 : Math.max((dp[i + 1] as Uint32Array)[j]!, (dp[i] as Uint32Array)[j + 1]!);
  const deleted: number[] = [];
  const inserted: number[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < m && (i === n || (dp[i] as Uint32Array)[j + 1]! >= (dp[i + 1] as Uint32Array)[j]!)) inserted.push(j++);
    else deleted.push(i++);
  }
  return { deleted, inserted };
}

const PATH = ['externalServices', 'auth', 'okta'];

/** Line span (0-based, inclusive) of key `path` and its value; undefined when absent. */
function span(text: string, path: string[]): [number, number] | undefined {
  const doc = parseDocument(text, { version: '1.1' });
  let node: Node | null | undefined = doc.contents as Node | null;
  let keyPos = 0;
  let valueEnd = 0;
  for (const key of path) {
    if (!isMap(node)) return undefined;
    const pair: Pair<Node, Node> | undefined = (node as YAMLMap<Node, Node>).items.find(
      (p) => (p.key as { value?: unknown }).value === key,
    );
    if (!pair) return undefined;
    keyPos = pair.key.range?.[0] ?? 0;
    valueEnd = pair.value?.range?.[1] ?? pair.key.range?.[1] ?? 0;
    while (valueEnd > keyPos && /\s/.test(text[valueEnd - 1] ?? '')) valueEnd--;
    node = pair.value;
  }
  const line = (pos: number) => text.slice(0, pos).split('\n').length - 1;
  return [line(keyPos), line(Math.max(keyPos, valueEnd - 1))];
}

/** The shallowest key on the okta path that was not already a block mapping: where changes may happen. */
function changedKeyPath(before: string): string[] {
  const doc = parseDocument(before, { version: '1.1' });
  for (let d = 1; d <= 3; d++) {
    const v = doc.getIn(PATH.slice(0, d), true) as Node | undefined;
    if (!isMap(v) || v.flow || v.items.length === 0) return PATH.slice(0, d);
  }
  return PATH;
}

/** Every deleted line lies in the old okta region and every inserted one in the new. */
export function expectConfinedToOkta(before: string, after: string): void {
  const a = before.replace(/^\uFEFF/, '');
  const b = after.replace(/^\uFEFF/, '');
  const root = parseDocument(a, { version: '1.1' }).contents;
  // a top-level flow mapping is rewritten whole, by design (flow-rewrite.ts): no line stays
  if (isMap(root) && root.flow) return void expect(span(b, PATH)).toBeDefined();
  const path = changedKeyPath(a);
  const oldSpan = span(a, path);
  const newSpan = span(b, path);
  expect(newSpan).toBeDefined();
  const { deleted, inserted } = lineDiff(a.split('\n'), b.split('\n'));
  const inside = (s: [number, number] | undefined, i: number) => s !== undefined && i >= s[0] && i <= s[1];
  expect(deleted.filter((i) => !inside(oldSpan, i))).toEqual([]);
  expect(inserted.filter((i) => !inside(newSpan, i))).toEqual([]);
}
