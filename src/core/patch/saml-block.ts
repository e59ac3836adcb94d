import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { contentEnd, lineEndAt, lineStartAt } from './yaml-text.js';

/**
 * `externalServices.auth.saml` was removed in Polyaxon 2.0.1: the schema now rejects the key
 * (docs/design.md §2). Configs carried over from 1.x often still hold it switched off and empty; such a
 * block says nothing, so patch removes it as part of its edit (shown in the diff) instead of
 * refusing. A block that is enabled or still holds a value is the user's to move by hand: that
 * stays a refusal (path-checks.ts, PATCH_SAML_REMOVED).
 *
 * Returns the span to delete (whole lines: the key's line through the value's last line and its
 * line break), or undefined when there is no such block or it must not be removed silently.
 */
export function removableSamlSpan(doc: Document.Parsed | undefined, text: string): { start: number; end: number } | undefined {
  const auth = doc?.getIn(['externalServices', 'auth'], true) as Node | undefined;
  if (!isMap(auth) || auth.flow) return undefined;
  const pair = (auth.items as Pair<Node | null, Node | null>[]).find((p) => isScalar(p.key) && p.key.value === 'saml');
  const key = pair?.key;
  if (!pair || !isScalar(key) || key.type !== 'PLAIN' || !key.range) return undefined;
  if (!isEmptyAndDisabled(pair.value)) return undefined;
  const start = lineStartAt(text, key.range[0]);
  if (text.slice(start, key.range[0]).trim() !== '') return undefined; // not at the start of its own line
  const last = contentEnd(text, pair.value) ?? key.range[1];
  const eol = lineEndAt(text, last);
  // after the value (or after `saml:` when it has none): nothing but a comment on that line
  const rest = text.slice(last, eol).replace(/^[ \t]*:/, last === key.range[1] ? '' : ':');
  if (rest.trim() !== '' && !/^\s*#/.test(rest)) return undefined;
  const nl = text.indexOf('\n', eol);
  return { start, end: nl < 0 ? text.length : nl + 1 };
}

/** null, `{}`, or a mapping whose only values are `enabled: false` and empty ones. No anchors, tags or aliases. */
function isEmptyAndDisabled(v: Node | null): boolean {
  if (v == null) return true;
  if (v.anchor !== undefined || v.tag !== undefined) return false;
  if (isScalar(v)) return v.value === null;
  if (!isMap(v)) return false;
  return (v as YAMLMap<Node | null, Node | null>).items.every((p) => {
    const k = p.key;
    const val = p.value;
    if (!isScalar(k) || typeof k.value !== 'string') return false;
    if (k.value === 'enabled') return isScalar(val) && val.value === false && val.tag === undefined;
    return isEmptyValue(val);
  });
}

function isEmptyValue(v: Node | null): boolean {
  if (v == null) return true;
  if (v.anchor !== undefined || v.tag !== undefined) return false;
  if (isScalar(v)) return v.value === null || v.value === '';
  if (isMap(v) || isSeq(v)) return v.items.length === 0;
  return false;
}
