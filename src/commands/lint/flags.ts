import { REPORT_FORMAT_FLAGS, SHARED_FLAGS, type FlagTable, type OptionsOf } from '../../cli/flags.js';

/** This command's flags, declared once: main.ts declares them, run.ts reads their derived type (docs/design.md §4). */
export const LINT_FLAGS = {
  now: SHARED_FLAGS.now,
  minDays: SHARED_FLAGS.minDays,
  maxSize: SHARED_FLAGS.maxSize,
  strict: SHARED_FLAGS.strict,
  fingerprint: SHARED_FLAGS.fingerprint,
  allowHttp: SHARED_FLAGS.allowHttp,
  ...REPORT_FORMAT_FLAGS,
  maxWarnings: { spec: '--max-warnings <n>', help: 'fail when there are more warnings than this' },
  host: { spec: '--host <host>', help: 'expected Polyaxon host' },
  org: { spec: '--org <org>', help: 'expected organization' },
  requireOkta: { spec: '--require-okta', help: 'a config without an okta block fails' },
  /** pre-commit passes every changed YAML file by name: skip those that are not configs. */
  skipNonPolyaxon: { spec: '--skip-non-polyaxon', help: 'skip YAML files that are not Polyaxon configs even when named (for pre-commit)' },
  target: {
    spec: '--target <target>',
    help: 'who reads the file: polyaxon-cli (`polyaxon admin deploy`: unknown keys fail) or helm (unknown keys warn)',
    choices: ['polyaxon-cli', 'helm'],
    default: 'polyaxon-cli',
  },
  secretWarnings: SHARED_FLAGS.secretWarnings,
} as const satisfies FlagTable;

export type LintCliOptions = OptionsOf<typeof LINT_FLAGS>;
