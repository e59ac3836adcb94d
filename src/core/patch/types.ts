import type { Finding } from '../findings.js';

/** `enable` writes `enabled: true` and the metadata; `disable` writes `enabled: false` and keeps it. */
export type PatchMode = 'enable' | 'disable';

export interface PatchOptions {
  mode: PatchMode;
  /** The metadata as read (normalised here with normalizeStoredXml). Optional for `disable` when the file already holds one. */
  xml?: string;
  /** Shown in locations and messages. */
  file?: string;
  /** Report values that look like plain-text secrets (PLAINTEXT_SECRET); default true. */
  secretWarnings?: boolean;
}

/**
 * One edit, by YAML path. `added`: the key (and everything below it) did not exist or was null;
 * `updated`: its value was replaced; `restyled`: a flow mapping on the path was rewritten in block
 * style because a literal block scalar cannot live inside a flow collection (YAML 1.2 §8.1);
 * `removed`: a disabled, empty `auth.saml` block of Polyaxon 1.x was deleted (saml-block.ts).
 */
export interface PatchChange {
  path: string;
  action: 'added' | 'updated' | 'restyled' | 'removed';
  /** 1-based line of the key in the new text. */
  line?: number;
}

export interface PatchPlan {
  /** The complete new file text, BOM included when the original had one. */
  text: string;
  changed: boolean;
  changes: PatchChange[];
  /** Warnings about the config (never values of secrets). */
  findings: Finding[];
  /** The XML as stored (after normalizeStoredXml), when the plan writes one. */
  storedXml?: string;
  /** The XML the file held before, when there was one. */
  previousXml?: string;
  indentStep: number;
  eol: 'LF' | 'CRLF';
  bom: boolean;
}
