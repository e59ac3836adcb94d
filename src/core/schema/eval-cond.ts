import { isTruthy } from './coercions.js';
import type { Cond, Path } from './types.js';

/** The value at `path` in a plain (toJS) config, or undefined when a step is missing or not a map. */
export function valueAt(root: unknown, path: Path): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.prototype.hasOwnProperty.call(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** A cross-field condition on the config's values, with Python's truthiness (coercions.ts). */
export function evalCond(c: Cond, root: unknown): boolean {
  if ('present' in c) {
    const v = valueAt(root, c.present);
    return v !== undefined && v !== null;
  }
  if ('truthy' in c) return isTruthy(valueAt(root, c.truthy));
  if ('is' in c) {
    const v = valueAt(root, c.is);
    return c.values.some((x) => x === v);
  }
  if ('not' in c) return !evalCond(c.not, root);
  if ('all' in c) return c.all.every((x) => evalCond(x, root));
  return c.any.some((x) => evalCond(x, root));
}
