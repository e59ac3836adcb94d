import type { Chalk } from 'chalk';
import type { Finding } from '../core/findings.js';
import type { PatchPlan } from '../core/patch/types.js';
import type { MetadataInput } from './patch-inputs.js';

/** Human and JSON output of `patch`. The XML itself is never printed (it is in the file). */
export function renderChanges(plan: PatchPlan, c: InstanceType<typeof Chalk>): string {
  return plan.changes
    .map((ch) => `  ${c.green(ch.action.padEnd(8))} ${ch.path}${ch.line !== undefined ? c.dim(` (line ${ch.line})`) : ''}\n`)
    .join('');
}

export interface PatchJsonInput {
  config: string;
  mode: 'enable' | 'disable';
  meta?: MetadataInput;
  findings: Finding[];
  /** written | up-to-date | would-change | printed | metadata-invalid */
  outcome: string;
  written: boolean;
  plan?: PatchPlan;
  forced?: boolean;
  [extra: string]: unknown;
}

/** One JSON document, schemaVersion 1 (schemas/patch.schema.json). */
export function patchJson(r: PatchJsonInput): string {
  const { config, mode, meta, findings, outcome, written, plan, forced, ...extra } = r;
  const json = {
    schemaVersion: 1,
    file: config,
    mode,
    outcome,
    changed: plan?.changed ?? false,
    written,
    forced: forced === true,
    changes: plan?.changes ?? [],
    findings,
    metadata: meta
      ? {
          source: meta.source,
          entityId: meta.entityId ?? null,
          sha256: meta.sha256 ?? null,
          signingCertSha256: meta.signingCertSha256,
        }
      : null,
    config: plan ? { eol: plan.eol, bom: plan.bom, indentStep: plan.indentStep } : null,
    ...extra,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
