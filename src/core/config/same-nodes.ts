import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';

/**
 * Two node trees hold the same data, compared node by node without ever following an alias: an
 * alias equals an alias of the same name (anchors are unique in a config parseConfig accepts), and
 * each anchored node is compared where it is defined. Linear in the size of the text, so an alias
 * bomb ("billion laughs") costs its bytes, not its expansion. Style (flow or block, quoting,
 * comments) is ignored; tags, anchors and key order are not.
 */
export function sameNodes(a: unknown, b: unknown): boolean {
  const stack: [unknown, unknown][] = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop() as [unknown, unknown];
    if (isNullish(x) && isNullish(y)) continue;
    if (x === null || x === undefined || y === null || y === undefined) return false;
    if (isAlias(x) || isAlias(y)) {
      if (!(isAlias(x) && isAlias(y) && x.source === y.source)) return false;
      continue;
    }
    const m = x as Node;
    const n = y as Node;
    if (m.anchor !== n.anchor || m.tag !== n.tag) return false;
    if (isScalar(m) && isScalar(n)) {
      if (!sameValue(m.value, n.value)) return false;
    } else if (isSeq(m) && isSeq(n)) {
      if (m.items.length !== n.items.length) return false;
      m.items.forEach((item, i) => stack.push([item, n.items[i]]));
    } else if (isMap(m) && isMap(n)) {
      if (m.items.length !== n.items.length) return false;
      m.items.forEach((p, i) => {
        const q = n.items[i];
        stack.push([p.key, q?.key], [p.value, q?.value]);
      });
    } else return false;
  }
  return true;
}

function isNullish(v: unknown): boolean {
  return v === null || v === undefined || (isScalar(v) && v.value === null && v.anchor === undefined && v.tag === undefined);
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a === 'symbol' && typeof b === 'symbol') return String(a) === String(b);
  return false;
}
