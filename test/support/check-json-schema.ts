/**
 * A small JSON Schema (draft-07) checker for our own tests: enough keywords for the SARIF subset
 * and schemas/*.schema.json ($ref to #/definitions, type, properties, required,
 * additionalProperties, items, minItems, uniqueItems, enum, const, pattern, minimum, maximum,
 * anyOf, oneOf, allOf, format uri / uri-reference / date-time). An unknown keyword throws, so a
 * schema can never silently check less than it says.
 */
type Schema = boolean | { [k: string]: unknown };
const KNOWN = new Set([
  '$schema',
  '$id',
  'title',
  'description',
  'default',
  'definitions',
  '$ref',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'uniqueItems',
  'enum',
  'const',
  'pattern',
  'minimum',
  'maximum',
  'anyOf',
  'oneOf',
  'allOf',
  'format',
  'examples',
]);

export function checkJsonSchema(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const resolve = (ref: string): Schema => {
    const m = /^#\/definitions\/(.+)$/.exec(ref);
    const defs = (typeof root === 'object' ? root.definitions : undefined) as Record<string, Schema> | undefined;
    const s = m && defs ? defs[m[1] as string] : undefined;
    if (s === undefined) throw new Error(`unresolvable $ref ${ref}`);
    return s;
  };
  const visit = (schema: Schema, v: unknown, path: string): void => {
    if (schema === true) return;
    if (schema === false) return void errors.push(`${path}: not allowed`);
    for (const k of Object.keys(schema)) if (!KNOWN.has(k)) throw new Error(`unsupported keyword ${k} at ${path}`);
    if (typeof schema.$ref === 'string') visit(resolve(schema.$ref), v, path);
    if (schema.type !== undefined && !(Array.isArray(schema.type) ? schema.type : [schema.type]).some((t) => isType(v, t as string)))
      return void errors.push(`${path}: expected ${JSON.stringify(schema.type)}`);
    if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(v)))
      errors.push(`${path}: not one of ${JSON.stringify(schema.enum)}`);
    if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(v))
      errors.push(`${path}: expected ${JSON.stringify(schema.const)}`);
    if (typeof v === 'string') {
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(v))
        errors.push(`${path}: does not match ${schema.pattern}`);
      if (schema.format === 'uri' && !/^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(v)) errors.push(`${path}: not a URI`);
      if (schema.format === 'uri-reference' && /[\s<>"{}|\\^`]/.test(v)) errors.push(`${path}: not a URI reference`);
      if (schema.format === 'date-time' && Number.isNaN(Date.parse(v))) errors.push(`${path}: not a date-time`);
    }
    if (typeof v === 'number') {
      if (typeof schema.minimum === 'number' && v < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
      if (typeof schema.maximum === 'number' && v > schema.maximum) errors.push(`${path}: above ${schema.maximum}`);
    }
    if (Array.isArray(v)) {
      if (typeof schema.minItems === 'number' && v.length < schema.minItems) errors.push(`${path}: fewer than ${schema.minItems} items`);
      if (schema.uniqueItems === true && new Set(v.map((x) => JSON.stringify(x))).size !== v.length)
        errors.push(`${path}: items not unique`);
      if (schema.items !== undefined) v.forEach((x, i) => visit(schema.items as Schema, x, `${path}[${i}]`));
    }
    if (isType(v, 'object')) {
      const o = v as Record<string, unknown>;
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      for (const r of (schema.required ?? []) as string[]) if (!(r in o)) errors.push(`${path}: missing ${r}`);
      for (const [k, x] of Object.entries(o)) {
        if (k in props) visit(props[k] as Schema, x, `${path}.${k}`);
        else if (schema.additionalProperties !== undefined) visit(schema.additionalProperties as Schema, x, `${path}.${k}`);
      }
    }
    const branch = (s: Schema) =>
      checkJsonSchema({ ...(typeof root === 'object' ? { definitions: root.definitions } : {}), ...(typeof s === 'object' ? s : {}) }, v)
        .length === 0;
    if (Array.isArray(schema.allOf)) (schema.allOf as Schema[]).forEach((s) => visit(s, v, path));
    if (Array.isArray(schema.anyOf) && !(schema.anyOf as Schema[]).some(branch)) errors.push(`${path}: matches no anyOf branch`);
    if (Array.isArray(schema.oneOf) && (schema.oneOf as Schema[]).filter(branch).length !== 1)
      errors.push(`${path}: must match exactly one oneOf branch`);
  };
  visit(root, value, '$');
  return errors;
}

function isType(v: unknown, t: string): boolean {
  switch (t) {
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'array':
      return Array.isArray(v);
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    case 'null':
      return v === null;
    default:
      return typeof v === t;
  }
}
