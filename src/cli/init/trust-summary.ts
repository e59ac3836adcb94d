import { validateMetadata } from '../../core/metadata/validate-metadata.js';
import { compareMetadata } from '../../core/trust/compare-metadata.js';
import type { TrustChange } from '../../core/trust/types.js';
import { preloadIfSigned } from '../preload-if-signed.js';
import type { WizardCtx } from './wizard-context.js';

/**
 * Re-run on a configured file: the stored metadata against the new one, through the same
 * validateMetadata path and the same comparison as patch, so "rotation" is said only when the
 * entityID and IdP host stay the same (another app or org is a replacement).
 */
export async function initTrustChange(ctx: WizardCtx): Promise<TrustChange | undefined> {
  const stored = ctx.state.config?.okta?.xml;
  const next = ctx.state.metadata?.xml;
  if (stored === undefined || next === undefined) return undefined;
  await preloadIfSigned(stored);
  await preloadIfSigned(next);
  const after = validateMetadata(next, { now: ctx.flags.now }).metadata;
  if (!after) return undefined;
  return compareMetadata(validateMetadata(stored, { now: ctx.flags.now }).metadata, after);
}
