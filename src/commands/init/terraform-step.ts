import { isOperationalError } from '../../core/errors.js';
import { expandHome } from '../../core/init/expand-home.js';
import { buildOktaForm, type OktaForm } from '../../core/urls/okta-form.js';
import { renderTerraform } from '../../core/urls/terraform.js';
import { escapeForTerminal as esc } from '../../cli/escape-terminal.js';
import { prompterOf, type WizardCtx } from './wizard-context.js';

/**
 * Step 3's optional Terraform file (okta_app_saml, as `urls --format terraform` writes it). In a
 * terminal it is written as soon as it is asked for: the admin needs it to create the app that
 * yields the metadata. A typed `~/…` is in the home directory (expand-home.ts).
 */
export function oktaForm(ctx: WizardCtx): OktaForm {
  const { host, org } = ctx.state;
  if (!host || !org) throw new Error('init: the Okta form needs host and org');
  return buildOktaForm(host, org, ctx.flags.attrs);
}

export async function askTerraform(ctx: WizardCtx): Promise<string | null> {
  if (!(await prompterOf(ctx).confirm({ message: 'Also write these settings as Terraform (okta_app_saml)?', default: false }))) return null;
  return askTerraformPath(ctx);
}

async function askTerraformPath(ctx: WizardCtx): Promise<string> {
  const answer = await prompterOf(ctx).input({
    message: 'Terraform file:',
    default: 'okta-polyaxon.tf',
    validate: (v) => (v.trim() === '' ? 'Give a file name.' : true),
  });
  return expandHome(answer.trim(), ctx.flags.home);
}

/** A file that cannot be written (no such folder, a directory) asks for the file name again. */
export async function writeTerraform(ctx: WizardCtx): Promise<void> {
  for (;;) {
    try {
      return await writeTerraformOnce(ctx);
    } catch (e) {
      if (ctx.state.mode !== 'interactive' || !isOperationalError(e) || e.kind === 'cancelled') throw e;
      ctx.say(`${esc(e.message)}\n${e.hint ? `  hint: ${esc(e.hint)}\n` : ''}`);
      ctx.state.terraform = await askTerraformPath(ctx);
      ctx.state.terraformWritten = false;
    }
  }
}

async function writeTerraformOnce(ctx: WizardCtx): Promise<void> {
  const path = ctx.state.terraform;
  if (typeof path !== 'string') return;
  const text = renderTerraform(oktaForm(ctx), 'Polyaxon');
  // Same text already there: leave it (and its mtime) alone, like the config on a second run.
  const same = (await ctx.services.readText(path)) === text;
  if (!same) await ctx.services.writeFile(path, text);
  ctx.state.terraformWritten = true;
  if (same) return;
  ctx.written.push(path);
  if (ctx.state.mode === 'interactive')
    ctx.say(`Wrote ${esc(path)}: \`terraform apply\` creates the app; then come back for its metadata.\n`);
}
