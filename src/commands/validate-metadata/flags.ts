import { SHARED_FLAGS, type FlagTable, type OptionsOf } from '../../cli/flags.js';

/** This command's flags, declared once: main.ts declares them, run.ts reads their derived type (docs/design.md §4). */
export const VALIDATE_METADATA_FLAGS = {
  now: SHARED_FLAGS.now,
  minDays: SHARED_FLAGS.minDays,
  maxSize: SHARED_FLAGS.maxSize,
  strict: SHARED_FLAGS.strict,
  fingerprint: SHARED_FLAGS.fingerprint,
  entityId: { spec: '--entity-id <id>', help: 'pick one entity from an EntitiesDescriptor aggregate' },
  signerCert: { spec: '--signer-cert <pem>', help: 'certificate trusted to sign the metadata document (repeatable)', repeatable: true },
  requireSignature: { spec: '--require-signature', help: 'an unsigned document is an error' },
  json: { spec: '--json', help: 'one JSON document on stdout' },
} as const satisfies FlagTable;

export type ValidateMetadataOptions = OptionsOf<typeof VALIDATE_METADATA_FLAGS>;
