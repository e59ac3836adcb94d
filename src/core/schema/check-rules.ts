import { isMap, isScalar, type Document, type Node, type YAMLMap } from 'yaml';
import type { Violation } from './check-schema.js';
import { isTruthy } from './coercions.js';
import { evalCond, type ValueLookup } from './eval-cond.js';
import type { Target } from './to-json-schema.js';
import type { DeploymentSchema, Path, Rule } from './types.js';
import { mapEntries } from './yaml-values.js';

/**
 * The cross-field rules (rules.ts) on the config's values, each reported at the first of its
 * `at` paths that holds a true value (else the first that exists), e.g. the `enabled: true` of the
 * service that needs a broker.
 * The rules read a few short paths, so they walk the node tree instead of expanding the whole
 * config: a config with thousands of aliases (which PyYAML reads) is checked like any other.
 */
export function checkRules(schema: DeploymentSchema, root: YAMLMap, doc: Document.Parsed, target: Target): Violation[] {
  const values: ValueLookup = (path) => {
    const entry = entryAt(root, doc, path);
    return entry === undefined ? undefined : plainValue(entry.value);
  };
  const out: Violation[] = [];
  for (const rule of schema.rules) {
    if (!evalCond(rule.when, values)) continue;
    const severity = target === 'helm' ? 'warning' : 'error';
    out.push({ code: rule.code, severity, message: `${rule.message} (Polyaxon's ${rule.source})`, node: where(rule, root, doc, values) });
  }
  return out;
}

function where(rule: Rule, root: YAMLMap, doc: Document.Parsed, values: ValueLookup): Node | null {
  const found = rule.at.map((p) => ({ p, entry: entryAt(root, doc, p) })).filter((x) => x.entry !== undefined);
  const best = found.find((x) => isTruthy(values(x.p))) ?? found[0];
  if (!best?.entry) return root;
  return rule.atKey ? best.entry.keyNode : (best.entry.value ?? best.entry.keyNode);
}

function entryAt(root: YAMLMap, doc: Document.Parsed, path: Path) {
  let map: YAMLMap | undefined = root;
  let entry: ReturnType<typeof mapEntries>[number] | undefined;
  for (const key of path) {
    if (!map) return undefined;
    entry = mapEntries(map, doc).find((e) => e.key === key);
    if (!entry) return undefined;
    map = isMap(entry.value) ? entry.value : undefined;
  }
  return entry;
}

/**
 * What the rules need of a value as PyYAML constructs it: a scalar's value; a mapping or list only
 * as "set, and true" (a model instance is true even when empty, coercions.ts), never expanded.
 */
function plainValue(node: Node | null): unknown {
  if (node === null) return null;
  if (isScalar(node)) return node.value ?? null;
  return node;
}
