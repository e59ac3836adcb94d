import { cancelled, usageError } from '../../core/errors.js';
import { finding } from '../../core/findings.js';
import { parseHost } from '../../core/urls/parse-host.js';
import { parseOrg } from '../../core/urls/parse-org.js';
import { escapeForTerminal as esc } from '../../cli/escape-terminal.js';
import { renderFindingLines } from '../../cli/render-finding-lines.js';
import { prompterOf, type WizardCtx } from './wizard-context.js';

/**
 * Step 2 and the rotation offer: host, org (the config path: ask-config.ts). A flag answers its prompt;
 * a bad typed answer shows the reason and the prompt stays open (inquirer's `validate`).
 */
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
        return r.ok ? true : esc(`${r.message}. ${r.hint}`);
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
      finding(
        'INIT_HOST_DIFFERS',
        'warning',
        `${config?.path} serves Polyaxon at ${fromConfig.value.host} (${config?.hostSource}), but the Okta URLs will use ${host.host}`,
        'Use the host your users open; change the config or the answer if they differ by mistake.',
      ),
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
        return r.ok ? true : esc(`${r.message}. ${r.hint}`);
      },
    }));
  const r = parseOrg(answer.trim());
  if (!r.ok) throw usageError(`--org: ${r.message}`, r.code, r.hint);
  ctx.state.org = r.value;
}

/** Re-run on a configured file: replacing the metadata is a choice; keeping it ends the wizard. */
export async function askRotation(ctx: WizardCtx): Promise<void> {
  const replace = await prompterOf(ctx).confirm({
    message: `Replace the Okta metadata in ${esc(ctx.state.config?.path ?? '')} (certificate rotation, or another app: the change is shown before writing)?`,
    default: true,
  });
  if (!replace) throw cancelled();
  ctx.state.replace = true;
}
