import { inputError } from '../errors.js';
import { formatLocation } from '../findings.js';
import type { ParsedConfig } from './parse-config.js';

/**
 * A command that takes something from the config (the host, the trusted IdP metadata) may take it
 * only from a config PyYAML reads as we do (docs/design.md §5, "read what the consumers read"):
 * every parseConfig finding is an error where PyYAML's `safe_load` refuses the text or could read it
 * differently (a line break, a merge key, a duplicate key, a tab, a directive), so what `yaml` read
 * is not what Polyaxon would trust. The first one, at its line:col, becomes the refusal (exit 2).
 * `fallback`: what the user can do instead, after the finding's own hint.
 */
export function refuseMisreadConfig(parsed: ParsedConfig, file: string, use: string, fallback: string): void {
  const first = parsed.findings.find((f) => f.severity === 'error');
  if (!first) return;
  const at = first.location ? formatLocation(first.location, file) : file;
  const hint = [first.hint, fallback].filter((h) => h !== undefined && h !== '').join(' ');
  throw inputError(
    `${at}: ${first.message}; ${use} is not taken from a config that PyYAML (which Polyaxon uses) could read differently`,
    first.code,
    hint,
  );
}
