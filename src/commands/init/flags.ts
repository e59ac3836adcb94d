import { ATTR_FLAGS, SHARED_FLAGS, type FlagTable, type OptionsOf } from '../../cli/flags.js';

/** This command's flags, declared once: main.ts declares them, run.ts reads their derived type (docs/design.md §4). */
export const INIT_FLAGS = {
  now: SHARED_FLAGS.now,
  maxSize: SHARED_FLAGS.maxSize,
  fingerprint: SHARED_FLAGS.fingerprint,
  allowHttp: SHARED_FLAGS.allowHttp,
  config: { spec: '--config <file>', help: 'deployment config to patch' },
  create: { spec: '--create', help: 'create a minimal config when --config does not exist, without asking' },
  secretWarnings: SHARED_FLAGS.secretWarnings,
  host: { spec: '--host <host>', help: 'Polyaxon host' },
  org: { spec: '--org <org>', help: 'Polyaxon organization' },
  metadata: { spec: '--metadata <source>', help: 'IdP metadata: file or https URL' },
  terraformOut: { spec: '--terraform-out <file>', help: 'also write the Okta app as Terraform' },
  allowIdpChange: SHARED_FLAGS.allowIdpChange,
  yes: {
    spec: '-y, --yes',
    help: 'no prompts: take every answer from flags; a trust change then needs --fingerprint or --allow-idp-change',
  },
  json: { spec: '--json', help: 'print what was done as JSON at the end' },
  ...ATTR_FLAGS,
} as const satisfies FlagTable;

export type InitOptions = OptionsOf<typeof INIT_FLAGS>;
