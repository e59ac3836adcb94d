import type { ParsedConfig } from '../config/parse-config.js';
import { inputError } from '../errors.js';
import { formatLocation } from '../findings.js';

/**
 * `patch` cannot run on a config it cannot read exactly as PyYAML would (DESIGN.md §8: a YAML
 * syntax error is "could not run", exit 2, in `patch`), so the first such finding becomes the
 * refusal, with its line:col.
 */
export function refuseInvalidConfig(parsed: ParsedConfig, file?: string): void {
  const first = parsed.findings.find((f) => f.code === 'YAML_MULTI_DOCUMENT')
    ?? parsed.findings.find((f) => f.code === 'YAML_SYNTAX')
    ?? parsed.findings.find((f) => f.code === 'YAML_DUPLICATE_KEY');
  if (!first) return;
  const shown = file ?? first.location?.file;
  const at = first.location ? `${formatLocation(first.location, shown)}: ` : '';
  const code = {
    YAML_MULTI_DOCUMENT: 'PATCH_MULTI_DOCUMENT',
    YAML_DUPLICATE_KEY: 'PATCH_DUPLICATE_KEY',
  }[first.code] ?? 'PATCH_NOT_YAML';
  const what = code === 'PATCH_NOT_YAML' ? 'not valid YAML: ' : '';
  throw inputError(`${at}${what}${first.message}`, code, first.hint);
}
