import type { KnownCode } from '../finding-codes.js';
import type { Document, Node, YAMLMap } from 'yaml';
import { isMap, isSeq } from 'yaml';
import type { Severity } from '../findings.js';
import { didYouMean } from '../lint/did-you-mean.js';
import { boolVerdict } from './coercions.js';
import type { Target } from './to-json-schema.js';
import type { DeploymentSchema, Field, FieldType, Model } from './types.js';
import { classify, deref, describeKind, mapEntries } from './yaml-values.js';

/** One schema violation, at the node to point at (a key or a value). */
export interface Violation {
  code: KnownCode;
  severity: Severity;
  message: string;
  hint?: string;
  node: Node | null;
}

interface Walk {
  schema: DeploymentSchema;
  doc: Document.Parsed;
  target: Target;
  out: Violation[];
}

/**
 * Walks a parsed config against the schema: unknown keys, wrong types and values, missing required
 * keys. Blocks a model hands to the okta/auth checks (`checkedBy: 'auth'`) are skipped here so
 * nothing is reported twice. Cross-field rules are in check-rules.ts.
 */
export function checkSchema(schema: DeploymentSchema, root: YAMLMap, doc: Document.Parsed, target: Target): Violation[] {
  const w: Walk = { schema, doc, target, out: [] };
  walkModel(w, schema.root, root, root, '');
  return w.out;
}

function walkModel(w: Walk, name: string, map: YAMLMap, owner: Node, path: string): void {
  const m = w.schema.models[name] as Model;
  if (m.checkedBy === 'auth') return;
  const entries = mapEntries(map, w.doc);
  for (const e of entries) {
    const field = fieldFor(m, e.key);
    const where = join(path, e.key);
    if (field) checkField(w, field, e.value, e.keyNode, where);
    else if (m.extra === 'forbid') unknownKey(w, m, e.key, e.keyNode, e.value, where);
  }
  for (const [alias, f] of Object.entries(m.fields)) {
    if (f.required && !entries.some((e) => e.key === alias || e.key === f.python))
      add(w, 'SCHEMA_REQUIRED', `${path || 'the config'} needs "${alias}" (${m.name})`, owner);
  }
}

/**
 * The field a key names: its alias, or its Python name (clipped's models set pydantic's
 * populate_by_name / allow_population_by_field_name, so `image_tag` is accepted like `imageTag`).
 */
function fieldFor(m: Model, key: string): Field | undefined {
  if (Object.prototype.hasOwnProperty.call(m.fields, key)) return m.fields[key];
  return Object.values(m.fields).find((f) => f.python === key);
}

function unknownKey(w: Walk, m: Model, key: string, keyNode: Node, value: Node | null, where: string): void {
  const suggestion = didYouMean(key, Object.keys(m.fields));
  const orgKey = where === 'api' && isMap(value) && mapEntries(value, w.doc).some((e) => e.key === 'organizationKey');
  const hint = orgKey
    ? 'organizationKey belongs at the top level of the config, not under api:.'
    : suggestion
      ? `Rename "${key}" to "${suggestion}".`
      : undefined;
  const how = w.target === 'helm' ? 'the chart ignores it' : '`polyaxon admin deploy` refuses it';
  add(
    w,
    'SCHEMA_UNKNOWN_KEY',
    `unknown key "${where}" in ${m.name}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: ${how}`,
    keyNode,
    {
      severity: w.target === 'helm' ? 'warning' : 'error',
      ...(hint ? { hint } : {}),
    },
  );
}

/** Tags of the YAML 1.1 schema; any other is YAML_UNSAFE_TAG (parse-config.ts), not a type error. */
const SAFE_TAGS = /^tag:yaml\.org,2002:(str|int|float|bool|null|map|seq|omap|pairs|set|binary|timestamp|merge|value)$/;

function checkField(w: Walk, f: Field, node: Node | null, keyNode: Node, where: string): void {
  if (node?.tag !== undefined && !SAFE_TAGS.test(node.tag)) return;
  const { kind } = classify(node);
  if (kind === 'null') {
    if (f.required) add(w, 'SCHEMA_REQUIRED', `${where} must be set`, keyNode);
    return;
  }
  const lenient = f.helmLenient === true && w.target === 'helm';
  checkValue(w, f.type, node, where, lenient, keyNode);
}

/** `owner` is where a missing required key is reported: the key of the block (or the list item). */
function checkValue(w: Walk, t: FieldType, node: Node | null, where: string, lenient = false, owner: Node | null = node): void {
  const { kind, value } = classify(node);
  const wrong = (expected: string, code: KnownCode = 'SCHEMA_TYPE'): void =>
    add(w, code, `${where} must be ${expected}, not ${describeKind(kind, value)}`, node, lenient ? { severity: 'warning' } : {});
  switch (t.kind) {
    case 'bool':
      return checkBool(w, node, where, kind, value);
    case 'strictBool':
      if (kind !== 'bool') wrong('true or false');
      return;
    case 'strictStr':
    case 'str':
      if (kind === 'string') {
        if (t.pattern && !new RegExp(t.pattern).test(String(value)))
          wrong(t.patternName ?? `a string matching ${t.pattern}`, 'SCHEMA_PATTERN');
      } else if (t.kind === 'str' && !t.pattern && (kind === 'int' || kind === 'float' || kind === 'bool')) {
        add(
          w,
          'SCHEMA_COERCED',
          `${where} is ${describeKind(kind, value)}; Polyaxon expects a string (pydantic v1 converts it, v2 refuses it)`,
          node,
        );
      } else wrong(t.kind === 'strictStr' ? 'a string (quote it: the field is a StrictStr)' : 'a string');
      return;
    case 'strictInt':
      if (kind !== 'int') wrong(kind === 'string' ? 'an integer (unquoted: the field is a StrictInt)' : 'an integer');
      return;
    case 'enum': {
      if (kind === 'string' && t.values.includes(String(value))) return;
      const near = kind === 'string' ? didYouMean(String(value), t.values) : undefined;
      wrong(
        `one of ${t.values.map((v) => JSON.stringify(v)).join(', ')}${near ? ` (did you mean ${JSON.stringify(near)}?)` : ''}`,
        'SCHEMA_ENUM',
      );
      return;
    }
    case 'map':
    case 'k8s':
      if (kind !== 'map') wrong(t.kind === 'k8s' ? `a mapping (a Kubernetes ${t.object})` : 'a mapping');
      return;
    case 'stringMap':
      if (kind !== 'map') return wrong('a mapping of strings');
      for (const e of mapEntries(node as YAMLMap, w.doc)) {
        const c = classify(e.value).kind;
        if (c !== 'string')
          add(
            w,
            'SCHEMA_TYPE',
            `${join(where, e.key)} must be a string, not ${describeKind(c, classify(e.value).value)} (quote it)`,
            e.value ?? e.keyNode,
          );
      }
      return;
    case 'list':
      if (kind !== 'list' || !isSeq(node)) return wrong('a list');
      node.items.forEach((item, i) => checkValue(w, t.items, deref(item, w.doc), `${where}[${i}]`));
      return;
    case 'model':
      // externalServices and its auth block not being mappings is reported by the okta/auth checks.
      if (kind !== 'map')
        return w.schema.models[t.ref]?.shapeCheckedBy === 'auth'
          ? undefined
          : wrong(`a mapping (${w.schema.models[t.ref]?.name ?? t.ref})`);
      return walkModel(w, t.ref, node as YAMLMap, owner ?? (node as Node), where);
    case 'orRef':
      if (kind === 'string') return;
      return checkValue(w, t.of, node, where, lenient, owner);
  }
}

function checkBool(w: Walk, node: Node | null, where: string, kind: ReturnType<typeof classify>['kind'], value: unknown): void {
  const v = boolVerdict(kind, value);
  const shown = describeKind(kind, value);
  if (v.ok) {
    if (v.coerced) add(w, 'SCHEMA_COERCED', `${where} is ${shown}; Polyaxon reads ${String(v.value)}, write ${String(v.value)}`, node);
    return;
  }
  if (v.falseString) {
    add(
      w,
      'SCHEMA_BOOL_STRING_FALSE',
      `${where} is ${shown}: Polyaxon's check reads false, but Helm treats any non-empty string as true and turns it ON`,
      node,
    );
    return;
  }
  const helm = kind === 'string' && value !== '' ? '; Helm would even turn it on (any non-empty string is true)' : '';
  add(w, 'SCHEMA_TYPE', `${where} must be true or false, not ${shown}${helm}`, node, { hint: 'Write true or false, without quotes.' });
}

function add(w: Walk, code: KnownCode, message: string, node: Node | null, extra: { severity?: Severity; hint?: string } = {}): void {
  w.out.push({
    code,
    severity: extra.severity ?? (code === 'SCHEMA_COERCED' ? 'warning' : 'error'),
    message,
    node,
    ...(extra.hint ? { hint: extra.hint } : {}),
  });
}

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);
