import type { Chalk } from 'chalk';
import type { Finding } from '../../core/findings.js';
import type { PatchPlan } from '../../core/patch/types.js';
import type { TrustChange } from '../../core/trust/types.js';
import type { MetadataInput } from '../../cli/patch-inputs.js';

/** Human and JSON output of `patch`. The XML itself is never printed (it is in the file). */
export function renderChanges(plan: PatchPlan, c: InstanceType<typeof Chalk>): string {
  return plan.changes
    .map((ch) => `  ${c.green(ch.action.padEnd(8))} ${ch.path}${ch.line !== undefined ? c.dim(` (line ${ch.line})`) : ''}\n`)
    .join('');
}

export type PatchOutcome = 'written' | 'up-to-date' | 'would-change' | 'printed' | 'metadata-invalid' | 'trust-change-refused';

export interface PatchJsonInput {
  config: string;
  mode: 'enable' | 'disable';
  meta?: MetadataInput;
  findings: Finding[];
  outcome: PatchOutcome;
  written: boolean;
  plan?: PatchPlan;
  forced?: boolean;
  /** --diff / --dry-run: the unified diff. */
  diff?: string;
  /** --output <file>: the real path written. */
  output?: string;
  backup?: string;
  cleanedTempFiles?: string[];
  /** The process exit code; by default 1 for metadata-invalid, else 0 (--check passes its own). */
  exitCode?: number;
  /** What the SP trusts before and after, when stored metadata is replaced (core/trust). */
  change?: TrustChange;
}

/** One JSON document, schemaVersion 1: schemas/patch.schema.json. */
export function patchJson(r: PatchJsonInput): string {
  const json: Record<string, unknown> = {
    schemaVersion: 1,
    exitCode: r.exitCode ?? (r.outcome === 'metadata-invalid' || r.outcome === 'trust-change-refused' ? 1 : 0),
    file: r.config,
    mode: r.mode,
    outcome: r.outcome,
    changed: r.plan?.changed ?? false,
    written: r.written,
    forced: r.forced === true,
    changes: r.plan?.changes ?? [],
    findings: r.findings,
    warnings: r.findings.filter((f) => f.severity === 'warning'),
    metadata: r.meta
      ? {
          source: r.meta.source,
          entityId: r.meta.entityId ?? null,
          sha256: r.meta.sha256 ?? null,
          sourceSha256: r.meta.sourceSha256,
          signingCertSha256: r.meta.signingCertSha256,
        }
      : null,
    config: r.plan ? { eol: r.plan.eol, bom: r.plan.bom, indentStep: r.plan.indentStep } : null,
  };
  json.change = r.change ?? null;
  if (r.diff !== undefined) json.diff = r.diff;
  if (r.output !== undefined) json.output = r.output;
  if (r.backup !== undefined) json.backup = r.backup;
  if (r.cleanedTempFiles?.length) json.cleanedTempFiles = r.cleanedTempFiles;
  return `${JSON.stringify(json, null, 2)}\n`;
}
