import { finding } from '../findings.js';
import type { FileReport } from './lint-config.js';
import { LINT_CODES } from './codes.js';

/**
 * A run that checked no file is not a pass (a false green, like CONFIG_EMPTY): a directory or glob
 * whose YAML files were all skipped as "not a Polyaxon config", or a named file skipped with
 * --skip-non-polyaxon, would otherwise exit 0 while nothing was checked. One finding per input as
 * given, so every output format (and SARIF's artifact) names what was searched. Unreadable inputs
 * are reported on their own (exit 2); this adds nothing then.
 */
export function nothingLinted(reports: readonly FileReport[], inputs: readonly string[], requireOkta: boolean): FileReport[] {
  if (reports.some((r) => r.skipped === undefined)) return [];
  const skipped = reports.length;
  const severity = requireOkta ? 'error' : 'warning';
  const what =
    skipped === 0 ? 'no file was found' : skipped === 1 ? 'the one file found was skipped' : `all ${skipped} files found were skipped`;
  return inputs.map((input) => ({
    file: input === '-' ? '<stdin>' : input,
    input: true as const,
    findings: [
      finding(
        'NOTHING_LINTED',
        severity,
        `nothing was linted: ${what}${requireOkta ? ' (--require-okta needs a config with an okta block)' : ''}`,
        LINT_CODES.NOTHING_LINTED?.help,
      ),
    ],
  }));
}
