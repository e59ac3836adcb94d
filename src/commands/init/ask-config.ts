import { isOperationalError, usageError } from '../../core/errors.js';
import { expandHome } from '../../core/init/expand-home.js';
import type { ConfigState } from '../../core/init/init-state.js';
import { escapeForTerminal as esc } from '../../cli/escape-terminal.js';
import { renderExisting } from './render-init.js';
import { prompterOf, type WizardCtx } from './wizard-context.js';

/**
 * Step 1: the deployment config. A typed path gets `~` expanded as a shell would (expand-home.ts).
 * A path that does not exist is never created silently: the wizard asks (default No, which goes
 * back to the path prompt), --create says yes in advance, and a scripted run without --create
 * stops with exit 2 (README "init"). A file that cannot be used shows the reason and the path is
 * asked again; scripted runs stop there.
 */
export async function askConfig(ctx: WizardCtx): Promise<void> {
  let path = ctx.flags.config;
  let config: ConfigState;
  for (;;) {
    path ??= expandHome(
      (
        await prompterOf(ctx).input({
          message: 'Deployment config (the file you pass to `polyaxon admin deploy -f`):',
          default: 'values.yaml',
          validate: (v) => (v.trim() === '' ? 'Give a file path.' : true),
        })
      ).trim(),
      ctx.flags.home,
    );
    try {
      config = await ctx.services.loadConfig(path.trim());
    } catch (e) {
      // Scripted runs stop here (exit 2); a person gets the reason and another try.
      if (!isOperationalError(e) || ctx.state.mode === 'scripted') throw e;
      ctx.say(`${esc(e.message)}\n${e.hint ? `  hint: ${esc(e.hint)}\n` : ''}`);
      path = undefined;
      continue;
    }
    if (config.exists || ctx.flags.create || (await confirmCreate(ctx, config.path))) break;
    path = undefined;
  }
  ctx.state.config = config;
  if (!config.exists) ctx.say(`${esc(config.path)} does not exist yet: init will create a minimal config there.\n`);
  else if (config.host) ctx.say(`Read ${esc(config.path)}: Polyaxon host ${esc(config.host)} (from ${config.hostSource}).\n`);
  else ctx.say(`Read ${esc(config.path)}: it sets no host (ingress.hostName or hostName).\n`);
  if (config.okta?.xml !== undefined) ctx.say(renderExisting(config.path, config.okta, ctx.color));
}

async function confirmCreate(ctx: WizardCtx, path: string): Promise<boolean> {
  if (ctx.state.mode === 'scripted')
    throw usageError(
      `config file not found: ${path}`,
      'INIT_CONFIG_NOT_FOUND',
      'Check the path, or add --create to start a new minimal config there (as patch --create does).',
    );
  return prompterOf(ctx).confirm({ message: `Create a new minimal config at ${esc(path)}?`, default: false });
}
