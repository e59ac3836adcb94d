import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import { hazard, type Hazard } from './hazard.js';
import { keyIdentity } from './key-identity.js';

/**
 * YAML 1.1 merge keys (`<<`, yaml.org/type/merge.html) read exactly as PyYAML's SafeConstructor
 * does (`flatten_mapping`): the pairs of every merged mapping come first, in the order of the
 * `<<` keys, a list of mappings contributing its items last-to-first; then the mapping's own
 * pairs; the last occurrence of a key wins. `yaml` differs (its first `<<` wins), so lint reads
 * merges through this, never through `yaml`'s toJS.
 */
export interface FlatPair {
  key: Node | null;
  value: Node | null;
}

const isMergeKey = (n: unknown): boolean => isScalar(n) && typeof n.value === 'symbol';

function deref(node: unknown, doc: Document.Parsed): Node | null {
  if (node === null || node === undefined) return null;
  return isAlias(node) ? ((node.resolve(doc) as Node | undefined) ?? null) : (node as Node);
}

const cache = new WeakMap<YAMLMap, FlatPair[]>();

export function flatPairs(map: YAMLMap, doc: Document.Parsed, busy = new Set<YAMLMap>()): FlatPair[] {
  const hit = cache.get(map);
  if (hit) return hit;
  if (!map.items.some((p) => isPair(p) && isMergeKey(p.key))) {
    const own = map.items.map((p) => ({ key: deref(p.key, doc), value: deref(p.value, doc) }));
    cache.set(map, own);
    return own;
  }
  busy.add(map);
  const merged: FlatPair[] = [];
  const own: FlatPair[] = [];
  for (const p of map.items) {
    if (!isMergeKey(p.key)) {
      own.push({ key: deref(p.key, doc), value: deref(p.value, doc) });
      continue;
    }
    const v = deref(p.value, doc);
    const sources = isSeq(v) ? v.items.map((i) => deref(i, doc)).reverse() : [v];
    for (const s of sources) if (isMap(s) && !busy.has(s)) merged.push(...flatPairs(s, doc, busy));
  }
  busy.delete(map);
  // keep the last occurrence of each key only: what PyYAML's dict ends up with, in bounded size
  const all = [...merged, ...own];
  const id = (p: FlatPair): unknown => (isScalar(p.key) ? keyIdentity(p.key.value) : p.key);
  const last = new Map<unknown, number>();
  all.forEach((p, i) => last.set(id(p), i));
  const out = all.filter((p, i) => last.get(id(p)) === i);
  cache.set(map, out);
  return out;
}

/** The top-level key names PyYAML sees (merged keys included), to tell a Polyaxon config. */
export function topLevelKeys(doc: Document.Parsed | undefined): string[] {
  const root = doc ? deref(doc.contents, doc) : null;
  if (!isMap(root)) return [];
  return flatPairs(root, doc as Document.Parsed)
    .filter((p) => isScalar(p.key))
    .map((p) => String((p.key as { value: unknown }).value));
}

/**
 * The mappings on the way to the okta block (the document, externalServices, auth, every provider
 * and its options) must not take keys from a merge: which provider block and which `enabled`
 * Polyaxon sees would then hang on merge order, and `patch` could not edit them in place.
 */
export function mergesOnAuthPath(doc: Document.Parsed): Hazard[] {
  const out: Hazard[] = [];
  const visit = (node: unknown, depth: number): void => {
    const map = deref(node, doc);
    if (!isMap(map)) return;
    for (const p of map.items) {
      if (isMergeKey(p.key))
        out.push(
          hazard(
            'YAML_MERGE_KEY',
            (p.key as Node).range?.[0] ?? 0,
            `a merge key (<<) ${['at the top level', 'in externalServices', 'in externalServices.auth', 'in an auth provider block', "in a provider's options"][depth]}: the keys Polyaxon reads here would come from a merge`,
            true,
          ),
        );
    }
    const own = map.items.filter((p) => isPair(p) && !isMergeKey(p.key));
    const child = (name: string) => own.filter((p) => isScalar(p.key) && p.key.value === name).pop()?.value;
    if (depth === 0) visit(child('externalServices'), 1);
    else if (depth === 1) visit(child('auth'), 2);
    else if (depth === 2) for (const p of own) visit(p.value, 3);
    else if (depth === 3) visit(child('options'), 4);
  };
  visit(doc.contents, 0);
  return out;
}
