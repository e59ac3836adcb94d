import type { CertInfo } from '../../core/metadata/types.js';
import { validateMetadata } from '../../core/metadata/validate-metadata.js';
import { compareMetadata } from '../../core/trust/compare-metadata.js';
import { trustGate } from '../../core/trust/trust-gate.js';
import type { TrustChange } from '../../core/trust/types.js';
import { preloadIfSigned } from '../../cli/preload-if-signed.js';
import type { WizardCtx } from './wizard-context.js';

/**
 * Re-run on a configured file: the stored metadata against the new one, through the same
 * validateMetadata path and the same comparison as patch, so "rotation" is said only when the
 * entityID and IdP host stay the same (another app or org is a replacement).
 */
export async function initTrustChange(ctx: WizardCtx): Promise<{ change: TrustChange; certs: CertInfo[] } | undefined> {
  const stored = ctx.state.config?.okta?.xml;
  const next = ctx.state.metadata?.xml;
  if (stored === undefined || next === undefined) return undefined;
  await preloadIfSigned(stored);
  await preloadIfSigned(next);
  const after = validateMetadata(next, { now: ctx.flags.now }).metadata;
  if (!after) return undefined;
  return { change: compareMetadata(validateMetadata(stored, { now: ctx.flags.now }).metadata, after), certs: after.signingCerts };
}

/** A scripted run that would change trust on its own word: exit 1, nothing written (init.ts). */
export class TrustRefused extends Error {
  constructor(
    message: string,
    readonly hint: string,
    readonly change: TrustChange,
  ) {
    super(message);
  }
}

/**
 * patch's rule for scripts (docs/design.md §8, "Trust changes"): without a terminal, or with
 * --yes, passing --metadata is not consent to trust other certificates or another IdP. A rotation
 * needs every new signing certificate pinned (or --allow-idp-change); a replacement always needs
 * --allow-idp-change. Interactive runs ask instead (the write question, default No for a replacement).
 */
export function gateScripted(ctx: WizardCtx, change: TrustChange, certs: readonly CertInfo[]): void {
  if (ctx.state.mode !== 'scripted') return;
  const verdict = trustGate({ change, certs, pins: ctx.flags.fingerprints, allowIdpChange: ctx.flags.allowIdpChange, interactive: false });
  if (verdict.action === 'refuse') throw new TrustRefused(`init: ${verdict.reason}; nothing written`, verdict.hint, change);
}
