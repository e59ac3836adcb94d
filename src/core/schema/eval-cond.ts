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

/** The value at a path: valueAt on a plain config, or a walk of the node tree (check-rules.ts). */
export type ValueLookup = (path: Path) => unknown;

/**
 * A cross-field condition on the config's values, with Python's truthiness (coercions.ts). The
 * values come through `at`, so a config need not be expanded (its aliases) to be checked.
 */
export function evalCond(c: Cond, at: ValueLookup): boolean {
  if ('present' in c) {
    const v = at(c.present);
    return v !== undefined && v !== null;
  }
  if ('truthy' in c) return isTruthy(at(c.truthy));
  if ('is' in c) {
    const v = at(c.is);
    return c.values.some((x) => x === v);
  }
  if ('not' in c) return !evalCond(c.not, at);
  if ('all' in c) return c.all.every((x) => evalCond(x, at));
  return c.any.some((x) => evalCond(x, at));
}
