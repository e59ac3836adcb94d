import { cancelled, isOperationalError, usageError } from '../../core/errors.js';
import { finding } from '../../core/findings.js';
import { parseHost } from '../../core/urls/parse-host.js';
import { parseOrg } from '../../core/urls/parse-org.js';
import { renderFindingLines } from '../render-finding-lines.js';
import { renderExisting } from './render-init.js';
import { prompterOf, type WizardCtx } from './wizard-context.js';

/**
 * Steps 1–2 and the rotation offer (issue 6): config path, host, org. A flag answers its prompt;
 * a bad typed answer shows the reason and the prompt stays open (inquirer's `validate`).
 */
export async function askConfig(ctx: WizardCtx): Promise<void> {
  let path = ctx.flags.config;
  for (;;) {
    path ??= await prompterOf(ctx).input({
      message: 'Deployment config (the file you pass to `polyaxon admin deploy -f`):',
      default: 'values.yaml',
      validate: (v) => (v.trim() === '' ? 'Give a file path; it is created when it does not exist.' : true),
    });
    try {
      ctx.state.config = await ctx.services.loadConfig(path.trim());
      break;
    } catch (e) {
      // Scripted runs stop here (exit 2); a person gets the reason and another try.
      if (!isOperationalError(e) || ctx.state.mode === 'scripted') throw e;
      ctx.say(`${e.message}\n${e.hint ? `  hint: ${e.hint}\n` : ''}`);
      path = undefined;
    }
  }
  const config = ctx.state.config;
  if (!config.exists) ctx.say(`${config.path} does not exist yet: init will create a minimal config there.\n`);
  else if (config.host) ctx.say(`Read ${config.path}: Polyaxon host ${config.host} (from ${config.hostSource}).\n`);
  else ctx.say(`Read ${config.path}: it sets no host (ingress.hostName or hostName).\n`);
  if (config.okta?.xml !== undefined) ctx.say(renderExisting(config.path, config.okta, ctx.color));
}

export async function askHost(ctx: WizardCtx): Promise<void> {
  const allowHttp = ctx.flags.allowHttp;
  const config = ctx.state.config;
  let host = ctx.flags.host;
  if (!host && ctx.state.mode === 'scripted') {
    // Scripted and no --host: missingFlags() already made sure the config has one.
    const r = parseHost(config?.host ?? '', { allowHttp });
    if (!r.ok) throw usageError(`host from ${config?.path} (${config?.hostSource}): ${r.message}`, r.code, r.hint);
    host = r.value;
  }
  if (!host) {
    const answer = await prompterOf(ctx).input({
      message: 'Polyaxon host (where your users open Polyaxon):',
      ...(config?.host !== undefined ? { default: config.host } : {}),
      validate: (v) => {
        const r = parseHost(v.trim(), { allowHttp });
        return r.ok ? true : `${r.message}. ${r.hint}`;
      },
    });
    const r = parseHost(answer.trim(), { allowHttp });
    if (!r.ok) throw usageError(r.message, r.code, r.hint);
    host = r.value;
  }
  const findings = [...host.findings];
  const fromConfig = config?.host !== undefined ? parseHost(config.host, { allowHttp: true }) : undefined;
  // The URLs typed into Okta must name the host users open; the config's is what gets deployed.
  if (fromConfig?.ok && fromConfig.value.host !== host.host)
    findings.push(
      finding('INIT_HOST_DIFFERS', 'warning', `${config?.path} serves Polyaxon at ${fromConfig.value.host} (${config?.hostSource}), but the Okta URLs will use ${host.host}`, 'Use the host your users open; change the config or the answer if they differ by mistake.'),
    );
  if (findings.length > 0) ctx.say(renderFindingLines(findings, ctx.color));
  ctx.state.host = host;
}

export async function askOrg(ctx: WizardCtx): Promise<void> {
  const answer =
    ctx.flags.org ??
    (await prompterOf(ctx).input({
      message: 'Polyaxon organization (as in your Polyaxon URLs):',
      validate: (v) => {
        const r = parseOrg(v.trim());
        return r.ok ? true : `${r.message}. ${r.hint}`;
      },
    }));
  const r = parseOrg(answer.trim());
  if (!r.ok) throw usageError(`--org: ${r.message}`, r.code, r.hint);
  ctx.state.org = r.value;
}

/** Re-run on a configured file: replacing the metadata is a choice; keeping it ends the wizard. */
export async function askRotation(ctx: WizardCtx): Promise<void> {
  const replace = await prompterOf(ctx).confirm({
    message: `Replace the Okta metadata in ${ctx.state.config?.path} (certificate rotation, or another app: the change is shown before writing)?`,
    default: true,
  });
  if (!replace) throw cancelled();
  ctx.state.replace = true;
}
