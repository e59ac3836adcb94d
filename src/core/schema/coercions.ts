/**
 * What pydantic accepts for each primitive, as the Polyaxon CLI runs it. `clipped` runs on pydantic
 * v1 or v2; the CLI's own tests (test_ingress `{"enabled": "sdf"}`, test_service `usePassword:
 * "dsf"`, test_intervals `compatibilityCheck: "dsf"`, test_service_external `port: "user"`) hold
 * under both, and so do these rules, except where noted:
 *
 * - `bool` (lax, both versions): true/false; the numbers 0 and 1; the strings below, any case
 *   (pydantic v1 `BOOL_TRUE`/`BOOL_FALSE`, v2 `str_as_bool`). Anything else fails ("sdf", 2, "").
 *   Helm's `if` is not pydantic: any non-empty string is true there, so `"false"` passes the CLI's
 *   check and then turns the feature ON; `"maybe"` fails the check and Helm alone turns it on too.
 * - `StrictStr`: a string only. `StrictInt`: an integer only (not a float such as 80.0, not a
 *   boolean, not "80").
 * - `str` (lax): v1 converts a number or boolean to its text; v2 refuses it. We warn.
 */
export const BOOL_TRUE_STRINGS = ['1', 'on', 't', 'true', 'y', 'yes'] as const;
export const BOOL_FALSE_STRINGS = ['0', 'off', 'f', 'false', 'n', 'no'] as const;

/** A YAML (or JSON) value as the checks see it. */
export type ValueKind = 'null' | 'bool' | 'int' | 'float' | 'string' | 'map' | 'list' | 'other';

export type BoolVerdict = { ok: true; value: boolean; coerced: boolean } | { ok: false; falseString?: boolean };

export function boolVerdict(kind: ValueKind, value: unknown): BoolVerdict {
  if (kind === 'bool') return { ok: true, value: value as boolean, coerced: false };
  if ((kind === 'int' || kind === 'float') && (value === 0 || value === 1)) return { ok: true, value: value === 1, coerced: true };
  if (kind === 'string') {
    const s = String(value).toLowerCase();
    if ((BOOL_TRUE_STRINGS as readonly string[]).includes(s)) return { ok: true, value: true, coerced: true };
    if ((BOOL_FALSE_STRINGS as readonly string[]).includes(s)) return { ok: false, falseString: true };
  }
  return { ok: false };
}

/** `Tt` `Rr` … : the case-insensitive match as a plain ECMA-262 pattern (JSON Schema has no flags). */
export function anyCase(word: string): string {
  return [...word].map((ch) => (ch.toLowerCase() === ch.toUpperCase() ? ch : `[${ch.toUpperCase()}${ch.toLowerCase()}]`)).join('');
}

/** The strings a bool field accepts without an error (the true ones; see above for the false ones). */
export const BOOL_TRUE_PATTERN = `^(${BOOL_TRUE_STRINGS.map(anyCase).join('|')})$`;

/**
 * The Python truthiness the cross-field rules use (`if postgresql.enabled`, `not agent`): null,
 * false, 0 and "" are false; a model instance, even empty, is true.
 */
export function isTruthy(value: unknown): boolean {
  return !(value === null || value === undefined || value === false || value === 0 || value === '');
}

/** clipped's NAME_REGEX (root user name): letters, digits, `-` and `_`. */
export const NAME_PATTERN = '^[-a-zA-Z0-9_]+$';
/** An email address as far as its shape goes (clipped's EmailStr also checks the domain). */
export const EMAIL_PATTERN = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$';
