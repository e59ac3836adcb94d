import type { Finding } from '../findings.js';
import type { TrustChange } from '../trust/types.js';
import type { Host } from '../urls/parse-host.js';

/**
 * What the init wizard knows so far. The wizard's decisions are pure functions of this
 * state (next-step.ts), so the interactive loop and the scripted run follow one path, and the
 * branches are tested by table without a terminal.
 */
export type InitMode = 'interactive' | 'scripted';

/** The certificate as the wizard shows it: the three values an admin compares with Okta's screen. */
export interface CertSummary {
  subject: string;
  notAfter: string;
  daysLeft: number;
  sha256: string;
}

/** The okta block already in the config, when there is one (re-run, certificate rotation). */
export interface ExistingOkta {
  enabled: boolean;
  /** undefined when options.xml is absent or empty. */
  xml?: string;
  /** Signing certs of the stored metadata (empty when it could not be read). */
  certs: CertSummary[];
  entityId?: string;
}

export interface ConfigState {
  path: string;
  exists: boolean;
  /** The text as read (BOM included): patch plans from it, the writer checks it is unchanged. */
  text?: string;
  /** Host found in the config (ingress.hostName or hostName), offered as the default. */
  host?: string;
  hostSource?: 'ingress.hostName' | 'hostName';
  okta?: ExistingOkta;
}

export interface AcceptedMetadata {
  /** Where it came from, as given (path, URL, or "<pasted>"). */
  source: string;
  /** Decoded text (BOM removed), handed to patch. */
  xml: string;
  entityId: string;
  cert: CertSummary;
  /** Every signing cert (rotation shows them all). */
  certs: CertSummary[];
  /** Warnings and infos shown but not blocking. */
  findings: Finding[];
  /** A --fingerprint pin matched: no need to ask the admin to compare by eye. */
  pinned: boolean;
}

export interface PatchPreview {
  changed: boolean;
  diff: string;
  newText: string;
  /** Warnings from patch (platformSecret set, other providers enabled…). */
  findings: Finding[];
}

export interface WizardState {
  mode: InitMode;
  /** --yes: never ask, take the defaults and write. */
  yes: boolean;
  config?: ConfigState;
  host?: Host;
  org?: string;
  /** The admin chose to replace existing metadata (rotation); undefined: not asked yet. */
  replace?: boolean;
  oktaShown?: boolean;
  /** Terraform decision: a path, or null for "no". undefined: not decided yet. */
  terraform?: string | null;
  terraformWritten?: boolean;
  metadata?: AcceptedMetadata;
  /** Stored against new metadata on a re-run; a replacement is confirmed with default No. */
  trustChange?: TrustChange;
  fingerprintConfirmed?: boolean;
  preview?: PatchPreview;
  confirmed?: boolean;
  written?: boolean;
}
