import { isMap, type Document, type Node, type YAMLMap } from 'yaml';
import type { Violation } from './check-schema.js';
import { isTruthy } from './coercions.js';
import { evalCond, valueAt } from './eval-cond.js';
import type { Target } from './to-json-schema.js';
import type { DeploymentSchema, Path, Rule } from './types.js';
import { mapEntries } from './yaml-values.js';

/**
 * The cross-field rules (rules.ts) on the config's values, each reported at the first of its
 * `at` paths that holds a true value (else the first that exists), e.g. the `enabled: true` of the
 * service that needs a broker.
 */
export function checkRules(schema: DeploymentSchema, root: YAMLMap, doc: Document.Parsed, target: Target): Violation[] {
  let values: unknown;
  try {
    values = doc.toJS({ maxAliasCount: 1000 });
  } catch {
    return []; // an alias bomb: parseConfig already reports the document
  }
  const out: Violation[] = [];
  for (const rule of schema.rules) {
    if (!evalCond(rule.when, values)) continue;
    const severity = target === 'helm' ? 'warning' : 'error';
    out.push({ code: rule.code, severity, message: `${rule.message} (Polyaxon's ${rule.source})`, node: where(rule, root, doc, values) });
  }
  return out;
}

function where(rule: Rule, root: YAMLMap, doc: Document.Parsed, values: unknown): Node | null {
  const found = rule.at.map((p) => ({ p, entry: entryAt(root, doc, p) })).filter((x) => x.entry !== undefined);
  const best = found.find((x) => isTruthy(valueAt(values, x.p))) ?? found[0];
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
