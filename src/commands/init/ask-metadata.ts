import { Chalk } from 'chalk';
import { escapeForTerminal as esc } from '../../cli/escape-terminal.js';
import { isOperationalError } from '../../core/errors.js';
import type { Finding } from '../../core/findings.js';
import { expandHome } from '../../core/init/expand-home.js';
import { judgeMetadata, rotationRows } from '../../core/init/judge-metadata.js';
import { renderFindingLines } from '../../cli/render-finding-lines.js';
import { renderTrustChange } from '../../cli/render-trust-change.js';
import { renderCert, renderRotation } from './render-init.js';
import { gateScripted, initTrustChange } from './trust-summary.js';
import { askPaste, backToMenu, type Got } from './ask-paste.js';
import { prompterOf, type WizardCtx } from './wizard-context.js';

/** Thrown in scripted runs when the metadata has errors: the command exits 1 (like patch). */
export class BadMetadata extends Error {
  constructor(
    message: string,
    readonly findings: Finding[],
  ) {
    super(message);
  }
}

type Kind = 'file' | 'url' | 'editor' | 'paste';

/**
 * Step 4: the metadata from a file, an https URL, an editor or a terminal paste, checked
 * by the shared validateMetadata path. The wizard never continues with bad metadata. A wrong
 * answer asks the same question again (another file, another URL); an empty answer, or a paste
 * ended by a lone "." or Ctrl-D, goes back to the menu. Every earlier answer is kept.
 */
export async function askMetadata(ctx: WizardCtx): Promise<void> {
  const spec = ctx.flags.metadata;
  if (spec !== undefined) {
    const got = await readGiven(ctx, spec);
    if (got && accept(ctx, got)) return showCert(ctx);
  }
  let kind: Kind = 'file';
  for (;;) {
    kind = await askKind(ctx, kind);
    for (;;) {
      const got = await askOnce(ctx, kind);
      if (got === 'menu') break;
      if (got === 'again') continue;
      if (accept(ctx, got)) return showCert(ctx);
    }
  }
}

/** --metadata: scripted runs stop at any problem; a person gets the menu after the reason. */
async function readGiven(ctx: WizardCtx, spec: string): Promise<Got | undefined> {
  try {
    return { ...(await ctx.services.readMetadata(spec)), source: spec };
  } catch (e) {
    if (!isOperationalError(e) || ctx.state.mode === 'scripted' || e.kind === 'cancelled') throw e;
    sayError(ctx, e);
    return undefined;
  }
}

/** Judged like validate-metadata; errors are shown (scripted: BadMetadata, exit 1). */
function accept(ctx: WizardCtx, got: Got): boolean {
  const verdict = judgeMetadata(got.report, got.text ?? '', got.source);
  if (verdict.ok) {
    ctx.state.metadata = verdict.metadata;
    // Warnings matter here; infos (Okta recognised, unsigned as usual) are validate-metadata's detail.
    const warnings = verdict.metadata.findings.filter((f) => f.severity === 'warning');
    if (warnings.length > 0) ctx.say(renderFindingLines(warnings, ctx.color));
    return true;
  }
  ctx.say(renderFindingLines([...verdict.errors, ...verdict.warnings], ctx.color));
  if (ctx.state.mode === 'scripted')
    throw new BadMetadata(`${got.source}: the metadata has errors; nothing written`, [...verdict.errors, ...verdict.warnings]);
  ctx.say('This metadata cannot be used. In Okta: your app → Sign On tab → "View IdP metadata"; try again.\n');
  return false;
}

function askKind(ctx: WizardCtx, previous: Kind): Promise<Kind> {
  return prompterOf(ctx).select<Kind>({
    message: 'Where is the IdP metadata?',
    default: previous,
    choices: [
      { name: 'A file I saved from "View IdP metadata"', value: 'file' },
      { name: 'The metadata URL (https://…/sso/saml/metadata)', value: 'url' },
      { name: 'Paste the XML in my editor', value: 'editor' },
      { name: 'Paste the XML here (ends at the closing </…EntityDescriptor> tag)', value: 'paste' },
    ],
  });
}

/** One answer to the question of `kind`: the metadata read, 'again' (same question) or 'menu'. */
async function askOnce(ctx: WizardCtx, kind: Kind): Promise<Got | 'again' | 'menu'> {
  const p = prompterOf(ctx);
  try {
    if (kind === 'file' || kind === 'url') {
      const answer = (
        await p.input({
          message: kind === 'file' ? 'Metadata file (empty: back to the menu):' : 'Metadata URL (empty: back to the menu):',
          validate: (v) =>
            kind === 'file' || v.trim() === '' || /^https:\/\//i.test(v.trim())
              ? true
              : 'Give the https:// URL Okta shows for the metadata.',
        })
      ).trim();
      if (answer === '') return 'menu';
      const spec = kind === 'file' ? expandHome(answer, ctx.flags.home) : answer;
      return { ...(await ctx.services.readMetadata(spec)), source: spec };
    }
    if (kind === 'editor') {
      const text = await p.editor({ message: 'Paste the metadata XML, save and close the editor:' });
      if (text.trim() === '') return backToMenu(ctx, 'The editor was closed without any XML: back to the menu.');
      return { ...(await ctx.services.checkMetadata(text, '<pasted>')), source: '<pasted>' };
    }
    return await askPaste(ctx);
  } catch (e) {
    if (!isOperationalError(e) || e.kind === 'cancelled') throw e;
    sayError(ctx, e);
    return 'again';
  }
}

function sayError(ctx: WizardCtx, e: { message: string; hint?: string | undefined }): void {
  ctx.say(`${esc(e.message)}\n${e.hint ? `  hint: ${esc(e.hint)}\n` : ''}`);
}

async function showCert(ctx: WizardCtx): Promise<void> {
  const md = ctx.state.metadata;
  if (!md) return;
  ctx.say(`Metadata OK: ${esc(md.entityId)}\nSigning certificate:\n${renderCert(md.cert, ctx.color)}`);
  if (ctx.state.mode === 'interactive' && !md.pinned)
    ctx.say(
      '   To compare: in Okta, your app → Sign On tab → SAML Signing Certificates → Actions →\n' +
        '   Download certificate, then: openssl x509 -in <file> -noout -fingerprint -sha256\n',
    );
  // Compared whenever the config holds metadata: unreadable stored metadata is a replacement too.
  if (ctx.state.config?.okta?.xml === undefined) return;
  const trust = await initTrustChange(ctx);
  const change = trust?.change;
  if (change) ctx.state.trustChange = change;
  const current = ctx.state.config.okta.certs;
  if (current.length > 0) {
    const { rows, sameCerts } = rotationRows(current, md.certs);
    ctx.say(renderRotation(rows, sameCerts, ctx.color, change?.kind));
  }
  if (change && change.kind !== 'same') ctx.say(renderTrustChange(change, new Chalk({ level: ctx.color ? 1 : 0 })));
  if (trust) gateScripted(ctx, trust.change, trust.certs);
}

/** Ask the admin to compare with Okta's screen; "no" means this is not their app's metadata. */
export async function askFingerprint(ctx: WizardCtx): Promise<void> {
  const same = await prompterOf(ctx).confirm({
    message: "Does this SHA-256 match your Okta app's signing certificate?",
    default: true,
  });
  if (same) {
    ctx.state.fingerprintConfirmed = true;
    return;
  }
  delete ctx.state.metadata;
  ctx.say('Then this is not the metadata of your Okta app: download it again from its Sign On tab ("View IdP metadata").\n');
}
