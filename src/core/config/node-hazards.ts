import { isAlias, isMap, isPair, isScalar, isSeq, type CST, type Document, type Node, type Scalar } from 'yaml';
import { hazard, type Hazard } from './hazard.js';
import { keyIdentity } from './key-identity.js';
import { pyyamlPlain } from './pyyaml-scalars.js';

/**
 * Node-level differences, in one walk over the node tree that never follows an alias (so an
 * alias bomb costs its size, not its expansion):
 * - an anchor defined twice: PyYAML's composer refuses it, `yaml` silently re-points later aliases;
 * - a mapping or list as a key: unhashable, PyYAML's constructor refuses it;
 * - explicit tags: a tag without a SafeConstructor (`!!python/…`, `!custom`, `!!value`,
 *   `!!merge`) makes safe_load fail; of the safe ones, those that only name a type (`!!str`,
 *   `!!map`, `!!binary`, `!!set`, …) on a node of the right kind read the same, while the ones
 *   that convert a scalar (`!!bool`, `!!int`, `!!float`, `!!null`) or sit on the wrong kind of
 *   node are refused: the two resolvers do not convert alike (`!!bool "n"`);
 * - a plain `=` or `<<` value: PyYAML's YAML 1.1 resolver tags it !!value / !!merge, which
 *   safe_load cannot construct;
 * - a merge key whose value is not a mapping or a list of mappings: safe_load fails;
 * - duplicate keys, compared as PyYAML's dict compares the constructed keys (true == 1), with one
 *   Map per mapping, so the check is linear in the number of keys.
 * And one normalisation: every plain scalar gets the value PyYAML's resolver gives it (`y`, `n`,
 * `09`, `1e3` are strings there, booleans or numbers in `yaml`'s YAML 1.1 schema).
 */
const SAME_TAG: Record<string, (n: Node) => boolean> = {
  'tag:yaml.org,2002:str': (n) => isScalar(n),
  'tag:yaml.org,2002:binary': (n) => isScalar(n),
  'tag:yaml.org,2002:timestamp': (n) => isScalar(n),
  'tag:yaml.org,2002:map': (n) => isMap(n),
  'tag:yaml.org,2002:set': (n) => isMap(n),
  'tag:yaml.org,2002:seq': (n) => isSeq(n),
  'tag:yaml.org,2002:omap': (n) => isSeq(n),
  'tag:yaml.org,2002:pairs': (n) => isSeq(n),
};
// PyYAML SafeConstructor's tags (constructor.py, SafeConstructor.add_constructor).
const SAFE_TAGS = new Set(
  ['null', 'bool', 'int', 'float', 'binary', 'timestamp', 'omap', 'pairs', 'set', 'str', 'seq', 'map'].map((t) => `tag:yaml.org,2002:${t}`),
);
// Deeper than any real values file: PyYAML's composer recurses per level and hits Python's
// recursion limit at about 490 levels when called bare, fewer under Polyaxon's own call stack.
const MAX_DEPTH = 100;
// PyYAML's scan_anchor: ASCII letters, digits, - and _ only (`yaml` takes any ns-anchor-char).
const ANCHOR_NAME = /^[0-9A-Za-z_-]+$/;

export interface NodeWalk {
  hazards: Hazard[];
  /** Every merge key pair's key node, for the read-path check. */
  merges: Set<Node>;
}

export function nodeHazards(doc: Document.Parsed, text: string): NodeWalk {
  const hazards: Hazard[] = [];
  const merges = new Set<Node>();
  const anchors = new Set<string>();
  // keys are marked: a plain `=` key is fine for PyYAML (flatten_mapping retags it !!str)
  const keys = new Set<unknown>();
  const stack: unknown[] = [doc.contents];
  const depth = new Map<unknown, number>([[doc.contents, 1]]);
  let deep = false;
  while (stack.length > 0) {
    const node = stack.pop();
    const level = depth.get(node) ?? 1;
    depth.delete(node);
    if (node === null || node === undefined) continue;
    if (isAlias(node)) {
      // PyYAML's composer knows only the anchors before the alias (YAML 1.1 §3.2.2.2)
      if (!ANCHOR_NAME.test(node.source))
        hazards.push(
          hazard(
            'YAML_SYNTAX',
            node.range?.[0] ?? 0,
            `the alias name *${node.source} has characters PyYAML does not allow in one (letters, digits, - and _)`,
            true,
          ),
        );
      else if (!anchors.has(node.source))
        hazards.push(hazard('YAML_SYNTAX', node.range?.[0] ?? 0, `the alias *${node.source} refers to no anchor defined before it`, true));
      continue;
    }
    const n = node as Node;
    const at = n.range?.[0] ?? 0;
    if (n.anchor !== undefined && !ANCHOR_NAME.test(n.anchor))
      hazards.push(
        hazard(
          'YAML_SYNTAX',
          anchorOffset(text, at, n.anchor),
          `the anchor name &${n.anchor} has characters PyYAML does not allow in one (letters, digits, - and _)`,
          true,
        ),
      );
    if (n.anchor !== undefined) {
      if (anchors.has(n.anchor))
        hazards.push(
          hazard(
            'YAML_DUPLICATE_ANCHOR',
            anchorOffset(text, at, n.anchor),
            `the anchor &${n.anchor} is defined a second time; PyYAML refuses the document`,
            true,
          ),
        );
      anchors.add(n.anchor);
    }
    if (n.tag !== undefined && !SAME_TAG[n.tag]?.(n)) hazards.push(tagHazard(n.tag, tagOffset(text, at)));
    if (isScalar(n)) {
      plainScalar(n, at, keys.has(n) ? undefined : hazards);
      continue;
    }
    emptyKeys(n, hazards);
    if ((isSeq(n) || isMap(n)) && level > MAX_DEPTH && !deep) {
      deep = true;
      hazards.push(
        hazard(
          'YAML_TOO_DEEP',
          at,
          `collections nested more than ${MAX_DEPTH} deep: PyYAML builds them recursively and fails a few hundred levels down`,
          true,
        ),
      );
    }
    const push = (child: unknown): void => {
      stack.push(child);
      if (child !== null && typeof child === 'object') depth.set(child, level + 1);
    };
    if (isSeq(n)) {
      for (let i = n.items.length - 1; i >= 0; i -= 1) push(n.items[i]);
      continue;
    }
    if (!isMap(n)) continue;
    const seen = new Map<string, true>();
    for (const pair of n.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      const keyAt = key?.range?.[0] ?? at;
      if (isScalar(key) && typeof key.value === 'symbol') {
        merges.add(key);
        if (!mergeable(pair.value, doc))
          hazards.push(
            hazard('YAML_MERGE_KEY', keyAt, 'the merge key (<<) takes a mapping or a list of mappings; PyYAML refuses anything else', true),
          );
      } else {
        const target = isAlias(key) ? (key.resolve(doc) as Node | undefined) : key;
        if (isScalar(target)) pyyamlBool(target);
        if (isMap(target) || isSeq(target))
          hazards.push(hazard('YAML_COMPLEX_KEY', keyAt, 'a mapping or a list used as a key is refused by PyYAML (unhashable key)', true));
        else {
          const id = keyIdentity(isScalar(target) ? target.value : null);
          if (id !== undefined && seen.has(id))
            hazards.push(hazard('YAML_DUPLICATE_KEY', keyAt, `duplicate key ${describeKey(target)}: PyYAML keeps the last one`, false));
          if (id !== undefined) seen.set(id, true);
        }
      }
    }
    for (let i = n.items.length - 1; i >= 0; i -= 1) {
      const pair = n.items[i];
      if (!isPair(pair)) continue;
      keys.add(pair.key);
      push(pair.value);
      push(pair.key);
    }
  }
  return { hazards, merges };
}

/**
 * `: value` with no key before it: `yaml` reads a null key, PyYAML's parser refuses it unless the
 * empty key is explicit (`? ` on the line before). Seen in the CST kept with keepSourceTokens.
 */
function emptyKeys(n: Node, hazards: Hazard[]): void {
  const src = (n as { srcToken?: CST.Token }).srcToken;
  if (!src || (src.type !== 'block-map' && src.type !== 'flow-collection')) return;
  for (const item of src.items) {
    const ind = item.sep?.find((t) => t.type === 'map-value-ind');
    if (item.key == null && ind && !item.start.some((t) => t.type === 'explicit-key-ind'))
      hazards.push(
        hazard('YAML_SYNTAX', ind.offset, 'a value without a key: PyYAML refuses an empty key that is not written as `? `', true),
      );
  }
}

/** A plain scalar gets the value PyYAML's resolver and constructor give it (pyyaml-scalars.ts). */
function pyyamlBool(n: Scalar): void {
  const src = n.source;
  if (n.type !== 'PLAIN' || n.tag !== undefined || typeof src !== 'string' || typeof n.value === 'symbol') return;
  const py = pyyamlPlain(src);
  if (py !== undefined && !Object.is(py.value, n.value)) n.value = py.value;
}

function plainScalar(n: Scalar, at: number, hazards: Hazard[] | undefined): void {
  pyyamlBool(n);
  if (hazards === undefined || n.type !== 'PLAIN' || n.tag !== undefined) return;
  if (n.value === '=' || n.value === '<<')
    hazards.push(
      hazard(
        'YAML_PLAIN_INDICATOR',
        at,
        `a plain ${n.value} is read by PyYAML as the YAML 1.1 tag !!${n.value === '=' ? 'value' : 'merge'}, which safe_load refuses`,
        false,
      ),
    );
}

function tagHazard(tag: string, offset: number): Hazard {
  const shown = tag.replace(/^tag:yaml\.org,2002:/, '!!');
  // `!` (non-specific): PyYAML resolves the scalar as if untagged (`! yes` is true), `yaml` as a string
  return SAFE_TAGS.has(tag) || tag === '!'
    ? hazard('YAML_TAG_UNSUPPORTED', offset, `the explicit tag ${shown} here may be read differently by PyYAML and this tool`, false)
    : hazard('YAML_UNSAFE_TAG', offset, `the tag ${shown} is refused by PyYAML's safe_load, which Polyaxon uses to read this file`, false);
}

function mergeable(value: unknown, doc: Document.Parsed): boolean {
  const deref = (v: unknown): unknown => (isAlias(v) ? v.resolve(doc) : v);
  const v = deref(value);
  if (isMap(v)) return true;
  // PyYAML: a list of mappings, each possibly an alias (SafeConstructor.flatten_mapping)
  return isSeq(v) && v.items.every((item) => isMap(deref(item)));
}

function describeKey(node: Node | null | undefined): string {
  return isScalar(node) ? JSON.stringify(String(node.source ?? node.value)) : '(null)';
}

/** The tag sits before the node's range: the last `!` that starts a token before it. */
function tagOffset(text: string, at: number): number {
  const from = Math.max(0, at - 1024);
  const re = /(?:^|[\s[{,])(!)/g;
  let found = at;
  const slice = text.slice(from, at);
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) found = from + m.index + m[0].length - 1;
  return found;
}

function anchorOffset(text: string, at: number, name: string): number {
  const i = text.lastIndexOf(`&${name}`, at);
  return i >= 0 ? i : at;
}
