import type { Cond, Path } from './types.js';
import type { JsonSchema } from './to-json-schema.js';

/**
 * A cross-field condition as a JSON Schema that holds exactly when the condition does (eval-cond.ts
 * is the same logic on values). A path holds a value when every step is an object with that key.
 */
export function condToJsonSchema(c: Cond): JsonSchema {
  if ('present' in c) return at(c.present, { not: { type: 'null' } });
  if ('truthy' in c) return at(c.truthy, { not: { enum: [null, false, 0, ''] } });
  if ('is' in c) return at(c.is, { enum: [...c.values] });
  if ('not' in c) return { not: condToJsonSchema(c.not) };
  if ('all' in c) return { allOf: c.all.map(condToJsonSchema) };
  return { anyOf: c.any.map(condToJsonSchema) };
}

function at(path: Path, leaf: JsonSchema): JsonSchema {
  return path.reduceRight<JsonSchema>((inner, key) => ({ type: 'object', required: [key], properties: { [key]: inner } }), leaf);
}
