import { usageError } from '../../core/errors.js';
import { missingFlags, missingFlagsMessage } from '../../core/init/missing-flags.js';
import { buildSpUrls } from '../../core/urls/sp-urls.js';
import type { BadMetadata } from './ask-metadata.js';
import type { TrustRefused } from './trust-summary.js';
import type { WizardCtx } from './wizard-context.js';

/** The two pieces only scripted runs (no TTY, or --yes) need ("Modes"). */

/** What every --json document of a stopped run starts with: nothing written, nothing changed. */
function stoppedResult(ctx: WizardCtx) {
  const { config, host, org } = ctx.state;
  return {
    schemaVersion: 1,
    config: config?.path ?? ctx.flags.config,
    written: ctx.written,
    ...(host && org ? { urls: buildSpUrls(host, org) } : {}),
    changed: false,
  };
}

/** The --json document of a run stopped by bad metadata: the findings why. */
export function failedResult(ctx: WizardCtx, e: BadMetadata) {
  return { ...stoppedResult(ctx), findings: e.findings };
}

/**
 * The --json document of a run that would have changed trust without a pin or --allow-idp-change:
 * the change (as patch's `change`), and the metadata's findings.
 */
export function refusedResult(ctx: WizardCtx, e: TrustRefused) {
  return {
    ...stoppedResult(ctx),
    outcome: 'trust-change-refused' as const,
    change: e.change,
    findings: ctx.state.metadata?.findings ?? [],
  };
}

/** Scripted: read the config (it may supply the host), then report every missing flag at once. */
export async function preflight(ctx: WizardCtx): Promise<void> {
  const { flags } = ctx;
  if (flags.config !== undefined) ctx.state.config = await ctx.services.loadConfig(flags.config);
  const missing = missingFlags({ ...flags, host: flags.host?.host }, ctx.state.config?.host);
  if (missing.length > 0)
    throw usageError(missingFlagsMessage(missing), 'INIT_MISSING_FLAGS', missing.map((m) => `${m.flag}: ${m.why}`).join('; '));
  if (ctx.state.config) {
    // The wizard's config step still runs (and prints what it found), from this one read: the
    // snapshot the safe writer checks against must be the text the plan was made from.
    const c = ctx.state.config;
    delete ctx.state.config;
    ctx.flags.config = c.path;
    ctx.services = { ...ctx.services, loadConfig: async () => c };
  }
}
