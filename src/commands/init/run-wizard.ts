import { cancelled, isOperationalError } from '../../core/errors.js';
import { escapeFileText, escapeForTerminal as esc } from '../../cli/escape-terminal.js';
import { initResult, nextSteps, type InitResult } from '../../core/init/init-result.js';
import { nextStep, type Step } from '../../core/init/next-step.js';
import { buildSpUrls } from '../../core/urls/sp-urls.js';
import { renderWithSecretSummary } from '../../cli/secret-summary.js';
import { askConfig } from './ask-config.js';
import { askHost, askOrg, askRotation } from './ask-setup.js';
import { askFingerprint, askMetadata } from './ask-metadata.js';
import { renderHeading, renderNextSteps, renderOktaSteps } from './render-init.js';
import { askTerraform, oktaForm, writeTerraform } from './terraform-step.js';
import { prompterOf, type WizardCtx } from './wizard-context.js';

/**
 * The wizard loop: ask core's nextStep() what comes next, do it, repeat. Interactive and
 * scripted runs share it; only the answers' origin differs (prompts or flags).
 */
export async function runWizard(ctx: WizardCtx): Promise<InitResult> {
  for (let step = nextStep(ctx.state); step !== 'done'; step = nextStep(ctx.state)) {
    if (step === 'up-to-date') {
      ctx.say(`\n${esc(ctx.state.config?.path ?? '')} is already up to date: it holds this metadata. Nothing written.\n`);
      break;
    }
    await perform(ctx, step);
  }
  const { config, host, org, metadata, preview } = ctx.state;
  if (!config || !host || !org || !metadata) throw new Error('init: the wizard ended without its answers');
  const urls = buildSpUrls(host, org);
  if (ctx.written.length > 0) ctx.say(`\nWrote ${esc(ctx.written.join(' and '))}.\n`);
  ctx.say(renderNextSteps(nextSteps(config.path, host, org, urls), ctx.color));
  return initResult(config.path, ctx.written, urls, metadata.cert, preview?.changed === true && ctx.written.includes(config.path));
}

async function perform(ctx: WizardCtx, step: Exclude<Step, 'done' | 'up-to-date'>): Promise<void> {
  const { state } = ctx;
  switch (step) {
    case 'config':
      ctx.say(renderHeading(1, 'Deployment config', ctx.color));
      return askConfig(ctx);
    case 'host':
      ctx.say(renderHeading(2, 'Polyaxon host and organization', ctx.color));
      return askHost(ctx);
    case 'org':
      return askOrg(ctx);
    case 'rotation':
      return askRotation(ctx);
    case 'okta': {
      ctx.say(renderHeading(3, 'Create the app in Okta', ctx.color));
      const hostSource = ctx.flags.host
        ? '--host'
        : state.config?.host === state.host?.host
          ? `${state.config?.path}, ${state.config?.hostSource}`
          : 'your answer';
      ctx.say(renderOktaSteps(oktaForm(ctx), hostSource, ctx.color));
      state.oktaShown = true;
      return;
    }
    case 'terraform':
      state.terraform = ctx.flags.terraformOut ?? (state.mode === 'interactive' ? await askTerraform(ctx) : null);
      return;
    case 'write-terraform':
      return writeTerraform(ctx);
    case 'metadata':
      ctx.say(renderHeading(4, 'IdP metadata from Okta', ctx.color));
      return askMetadata(ctx);
    case 'fingerprint':
      return askFingerprint(ctx);
    case 'preview':
      return preview(ctx);
    case 'confirm': {
      const path = state.config?.path ?? '';
      // Another app or org is trusted only on an explicit yes (the default is No).
      const replacing = state.trustChange?.kind === 'replacement';
      const message = replacing
        ? `Write this to ${path}? It replaces the trusted IdP (${state.trustChange?.entityId.after ?? 'another entityID'})`
        : `Write this to ${path}?`;
      const yes = await prompterOf(ctx).confirm({ message, default: !replacing });
      if (!yes) throw cancelledNothing(ctx);
      state.confirmed = true;
      return;
    }
    case 'write':
      return write(ctx);
  }
}

function preview(ctx: WizardCtx): void {
  const { config, metadata } = ctx.state;
  if (!config || !metadata) throw new Error('init: preview needs the config and the metadata');
  const p = ctx.services.planPatch(config, metadata.xml);
  ctx.state.preview = p;
  if (p.findings.length > 0) ctx.say(renderWithSecretSummary(p.findings, config.path, ctx.color));
  if (!p.changed) return;
  ctx.say(renderHeading(5, config.exists ? `Changes to ${esc(config.path)}` : `New file ${esc(config.path)}`, ctx.color));
  ctx.say(escapeFileText(p.diff));
}

async function write(ctx: WizardCtx): Promise<void> {
  const { config, preview: p } = ctx.state;
  if (!config || !p) throw new Error('init: write needs a plan');
  if (typeof ctx.state.terraform === 'string' && !ctx.state.terraformWritten) await writeTerraform(ctx);
  if (p.changed) {
    try {
      await ctx.services.writeFile(config.path, p.newText);
    } catch (e) {
      if (ctx.state.mode !== 'interactive' || !isOperationalError(e) || e.code !== 'WRITE_FILE_CHANGED') throw e;
      return replan(ctx, e);
    }
    ctx.written.push(config.path);
  }
  ctx.state.written = true;
}

/**
 * Someone changed the config since it was read (the write was refused, or put back: safe-write.ts).
 * Offer to read it again and plan anew with every answer kept: the loop then shows the new diff
 * and asks to confirm it before writing.
 */
async function replan(ctx: WizardCtx, e: { message: string; hint?: string | undefined }): Promise<void> {
  const path = ctx.state.config?.path ?? '';
  ctx.say(`${esc(e.message)}\n`);
  const again = await prompterOf(ctx).confirm({
    message: `Read ${esc(path)} again and show the changes for its new content? (your answers are kept)`,
    default: true,
  });
  if (!again) throw cancelledNothing(ctx);
  ctx.state.config = await ctx.services.loadConfig(path);
  delete ctx.state.preview;
  delete ctx.state.confirmed;
}

/**
 * Declining the write is a cancel like Ctrl-C (docs/design.md §8). The message says "nothing written"
 * only when that is true: a Terraform file written at step 3 is named.
 */
export function cancelledNothing(ctx: WizardCtx) {
  if (ctx.written.length === 0) return cancelled();
  return cancelled(
    `cancelled, nothing written to ${ctx.state.config?.path ?? 'the config'} (${ctx.written.join(', ')} was written earlier)`,
  );
}
