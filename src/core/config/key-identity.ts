/**
 * A key as PyYAML's dict sees it after construction: Python compares keys by value across
 * types, so `1`, `1.0` and `true` are one key, as are `0`, `0.0` and `false`; `null` and `~` are
 * one key (None). Returns undefined for a key that never equals another (NaN).
 */
export function keyIdentity(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'n:1' : 'n:0';
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : `n:${value === 0 ? 0 : value}`;
  if (typeof value === 'bigint') return `n:${value}`;
  if (typeof value === 'string') return `s:${value}`;
  if (value instanceof Date) return `d:${value.getTime()}`;
  return `o:${String(value)}`;
}
