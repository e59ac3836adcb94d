import type { KnownCode } from '../finding-codes.js';
import type { ParsedConfig } from '../config/parse-config.js';
import { inputError } from '../errors.js';
import { formatLocation, type Finding } from '../findings.js';

/**
 * `patch` cannot run on a config it cannot read exactly as PyYAML would (docs/design.md §8: a YAML
 * syntax error is "could not run", exit 2, in `patch`), so the first such finding becomes the
 * refusal, with its line:col. Every parseConfig finding is an error that PyYAML's `safe_load`
 * either refuses or reads differently from us; writing into such a file would hand Polyaxon a
 * config nobody checked.
 */
const PATCH_CODE: Partial<Record<string, KnownCode>> = {
  YAML_MULTI_DOCUMENT: 'PATCH_MULTI_DOCUMENT',
  YAML_SYNTAX: 'PATCH_NOT_YAML',
  YAML_DUPLICATE_KEY: 'PATCH_DUPLICATE_KEY',
  YAML_UNSAFE_TAG: 'PATCH_CUSTOM_TAG',
  YAML_TAG_UNSUPPORTED: 'PATCH_CUSTOM_TAG',
  YAML_MERGE_KEY: 'PATCH_MERGE_KEY',
};
// Reported before the others: the problems that change or break the whole reading.
const FIRST = ['YAML_MULTI_DOCUMENT', 'YAML_LINE_BREAK', 'YAML_FORBIDDEN_CHAR', 'YAML_TAB', 'YAML_DIRECTIVE', 'YAML_SYNTAX'];

export function refuseInvalidConfig(parsed: ParsedConfig, file?: string): void {
  const errors = parsed.findings.filter((f) => f.severity === 'error');
  const first: Finding | undefined = FIRST.map((c) => errors.find((f) => f.code === c)).find((f) => f !== undefined) ?? errors[0];
  if (!first) return;
  const shown = file ?? first.location?.file;
  const at = first.location ? `${formatLocation(first.location, shown)}: ` : '';
  const code = PATCH_CODE[first.code] ?? 'PATCH_PYYAML_MISMATCH';
  const what =
    code === 'PATCH_NOT_YAML'
      ? 'not valid YAML: '
      : code === 'PATCH_PYYAML_MISMATCH'
        ? 'PyYAML (which Polyaxon uses) would not read this as we do: '
        : '';
  throw inputError(`${at}${what}${first.message}`, code, first.hint);
}
