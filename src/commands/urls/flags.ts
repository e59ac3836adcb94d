import { ATTR_FLAGS, SHARED_FLAGS, type FlagTable, type OptionsOf } from '../../cli/flags.js';

/** This command's flags, declared once: main.ts declares them, run.ts reads their derived type (docs/design.md §4). */
export const URLS_FLAGS = {
  allowHttp: SHARED_FLAGS.allowHttp,
  host: { spec: '--host <host>', help: 'Polyaxon host, e.g. polyaxon.acme.com' },
  org: { spec: '--org <org>', help: 'Polyaxon organization (URL slug; required)' },
  config: { spec: '--config <file>', help: 'take the host from this deployment config' },
  format: { spec: '--format <format>', help: 'output format', choices: ['text', 'json', 'terraform'], default: 'text' },
  json: { spec: '--json', help: 'same as --format json' },
  label: { spec: '--label <label>', help: 'Okta app label (terraform)', default: 'Polyaxon' },
  ...ATTR_FLAGS,
} as const satisfies FlagTable;

export type UrlsOptions = OptionsOf<typeof URLS_FLAGS>;
