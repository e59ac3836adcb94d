import { REPORT_FORMAT_FLAGS, SHARED_FLAGS, type FlagTable, type OptionsOf } from '../../cli/flags.js';

/** This command's flags, declared once: main.ts declares them, run.ts reads their derived type (docs/design.md §4). */
export const DRIFT_FLAGS = {
  now: SHARED_FLAGS.now,
  maxSize: SHARED_FLAGS.maxSize,
  metadataUrl: { spec: '--metadata-url <url>', help: "Okta's metadata URL (default: derived from the stored entityID and SSO host)" },
  caFile: { spec: '--ca-file <pem>', help: 'also trust this CA (PEM) for the https connection (private PKI)' },
  timeout: { spec: '--timeout <seconds>', help: 'give up on the download after this many seconds', default: '15' },
  /** Same flag as the shared one; the help says what it means for the served metadata. */
  minDays: { ...SHARED_FLAGS.minDays, help: 'report a certificate Okta publishes that expires within n days' },
  ...REPORT_FORMAT_FLAGS,
} as const satisfies FlagTable;

export type DriftCliOptions = OptionsOf<typeof DRIFT_FLAGS>;
