import { SHARED_FLAGS, type FlagTable, type OptionsOf } from '../../cli/flags.js';

/** This command's flags, declared once: main.ts declares them, run.ts reads their derived type (docs/design.md §4). */
export const PATCH_FLAGS = {
  now: SHARED_FLAGS.now,
  minDays: SHARED_FLAGS.minDays,
  maxSize: SHARED_FLAGS.maxSize,
  fingerprint: SHARED_FLAGS.fingerprint,
  metadata: { spec: '--metadata <source>', help: 'IdP metadata: file, https URL, or - for stdin' },
  check: { spec: '--check', help: 'exit 1 when the file would change; write nothing' },
  diff: { spec: '--diff', help: 'print the unified diff; write nothing' },
  dryRun: { spec: '--dry-run', help: 'same as --diff' },
  output: { spec: '--output <file>', help: 'write the result here (- for stdout) instead of the config' },
  backup: { spec: '--backup', help: 'keep <config>.bak' },
  disable: { spec: '--disable', help: 'set enabled: false and keep the metadata' },
  create: { spec: '--create', help: 'create a minimal config when the file does not exist' },
  force: {
    spec: '--force',
    help: 'write even when the metadata has errors (not XML the gate rejects), or the config is read-only (mode kept) or has several hard links',
  },
  secretWarnings: SHARED_FLAGS.secretWarnings,
  entityId: { spec: '--entity-id <id>', help: 'pick one entity from an aggregate' },
  allowIdpChange: SHARED_FLAGS.allowIdpChange,
  yes: { spec: '-y, --yes', help: 'never ask; a trust change then needs --fingerprint or --allow-idp-change' },
  json: { spec: '--json', help: 'one JSON document on stdout' },
} as const satisfies FlagTable;

export type PatchCliOptions = OptionsOf<typeof PATCH_FLAGS>;
