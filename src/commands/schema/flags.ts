import type { FlagTable, OptionsOf } from '../../cli/flags.js';

/** This command's flags, declared once: main.ts declares them, run.ts reads their derived type (docs/design.md §4). */
export const SCHEMA_FLAGS = {
  draft: { spec: '--draft <draft>', help: 'JSON Schema dialect', choices: ['2020-12', '07'], default: '2020-12' },
  target: {
    spec: '--target <target>',
    help: 'polyaxon-cli (unknown keys invalid) or helm (unknown keys allowed)',
    choices: ['polyaxon-cli', 'helm'],
    default: 'polyaxon-cli',
  },
} as const satisfies FlagTable;

export type SchemaOptions = OptionsOf<typeof SCHEMA_FLAGS>;
