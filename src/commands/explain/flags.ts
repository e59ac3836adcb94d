import type { FlagTable, OptionsOf } from '../../cli/flags.js';

/** This command's flags, declared once: main.ts declares them, run.ts reads their derived type (docs/design.md §4). */
export const EXPLAIN_FLAGS = {
  json: { spec: '--json', help: 'one JSON document on stdout' },
} as const satisfies FlagTable;

export type ExplainOptions = OptionsOf<typeof EXPLAIN_FLAGS>;
