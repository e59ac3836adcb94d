import type { FlagTable, OptionsOf } from '../../src/cli/flags.js';

/**
 * What commander sets before any flag is read: each flag's default, and true for a negatable
 * `--no-x`. Tests that call a command's run() directly start from this, as main() would.
 */
export function flagDefaults<T extends FlagTable>(table: T): OptionsOf<T> {
  const out: Record<string, unknown> = {};
  for (const [key, flag] of Object.entries(table)) {
    if (flag.default !== undefined) out[key] = flag.default;
    else if (/(^|\s)--no-/.test(flag.spec)) out[key] = true;
  }
  return out as OptionsOf<T>;
}
