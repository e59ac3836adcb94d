import { Chalk } from 'chalk';
import { isOperationalError } from '../../core/errors.js';
import type { Finding } from '../../core/findings.js';
import { judgeMetadata, rotationRows } from '../../core/init/judge-metadata.js';
import type { MetadataReport } from '../../core/metadata/types.js';
import { renderFindingLines } from '../render-finding-lines.js';
import { renderTrustChange } from '../render-trust-change.js';
import { renderCert, renderRotation } from './render-init.js';
import { initTrustChange } from './trust-summary.js';
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
/** The root's closing tag ends a terminal paste: `</md:EntityDescriptor>`, any prefix or none. */
const CLOSING = /<\/(?:[A-Za-z_][\w.-]*:)?Entit(?:y|ies)Descriptor\s*>/;

/**
 * Step 4 (issue 6): the metadata from a file, an https URL, an editor or a terminal paste, checked
 * by the shared validateMetadata path. Errors are explained and the question asked again; the
 * wizard never continues with bad metadata.
 */
export async function askMetadata(ctx: WizardCtx): Promise<void> {
  let spec = ctx.flags.metadata;
  let kind: Kind = 'file';
  for (;;) {
    let got: { text?: string; report: MetadataReport; source: string };
    try {
      if (spec !== undefined) got = { ...(await ctx.services.readMetadata(spec)), source: spec };
      else ({ got, kind } = await askSource(ctx, kind));
    } catch (e) {
      if (!isOperationalError(e) || ctx.state.mode === 'scripted' || e.kind === 'cancelled') throw e;
      ctx.say(`${e.message}\n${e.hint ? `  hint: ${e.hint}\n` : ''}`);
      spec = undefined;
      continue;
    }
    spec = undefined;
    const verdict = judgeMetadata(got.report, got.text ?? '', got.source);
    if (verdict.ok) {
      ctx.state.metadata = verdict.metadata;
      // Warnings matter here; infos (Okta recognised, unsigned as usual) are validate-metadata's detail.
      const warnings = verdict.metadata.findings.filter((f) => f.severity === 'warning');
      if (warnings.length > 0) ctx.say(renderFindingLines(warnings, ctx.color));
      return showCert(ctx);
    }
    ctx.say(renderFindingLines([...verdict.errors, ...verdict.warnings], ctx.color));
    if (ctx.state.mode === 'scripted') throw new BadMetadata(`${got.source}: the metadata has errors; nothing written`, [...verdict.errors, ...verdict.warnings]);
    ctx.say('This metadata cannot be used. In Okta: your app → Sign On tab → "View IdP metadata"; try again.\n');
  }
}

async function askSource(ctx: WizardCtx, previous: Kind): Promise<{ got: { text?: string; report: MetadataReport; source: string }; kind: Kind }> {
  const p = prompterOf(ctx);
  const kind = await p.select<Kind>({
    message: 'Where is the IdP metadata?',
    default: previous,
    choices: [
      { name: 'A file I saved from "View IdP metadata"', value: 'file' },
      { name: 'The metadata URL (https://…/sso/saml/metadata)', value: 'url' },
      { name: 'Paste the XML in my editor', value: 'editor' },
      { name: 'Paste the XML here (ends at the closing </…EntityDescriptor> tag)', value: 'paste' },
    ],
  });
  const nonEmpty = (v: string) => (v.trim() === '' ? 'Give a value.' : true);
  if (kind === 'file' || kind === 'url') {
    const spec = (
      await p.input({
        message: kind === 'file' ? 'Metadata file:' : 'Metadata URL:',
        validate: kind === 'file' ? nonEmpty : (v) => (/^https:\/\//i.test(v.trim()) ? true : 'Give the https:// URL Okta shows for the metadata.'),
      })
    ).trim();
    return { got: { ...(await ctx.services.readMetadata(spec)), source: spec }, kind };
  }
  const text = kind === 'editor' ? await p.editor({ message: 'Paste the metadata XML, save and close the editor:' }) : await p.paste({ message: 'Paste the metadata XML:', closing: CLOSING });
  return { got: { ...ctx.services.checkMetadata(text, '<pasted>'), source: '<pasted>' }, kind };
}

async function showCert(ctx: WizardCtx): Promise<void> {
  const md = ctx.state.metadata;
  if (!md) return;
  ctx.say(`Metadata OK: ${md.entityId}\nSigning certificate:\n${renderCert(md.cert, ctx.color)}`);
  if (ctx.state.mode === 'interactive' && !md.pinned)
    ctx.say(
      '   To compare: in Okta, your app → Sign On tab → SAML Signing Certificates → Actions →\n' +
        '   Download certificate, then: openssl x509 -in <file> -noout -fingerprint -sha256\n',
    );
  const current = ctx.state.config?.okta?.certs ?? [];
  if (current.length > 0) {
    const { rows, sameCerts } = rotationRows(current, md.certs);
    const change = await initTrustChange(ctx);
    if (change) ctx.state.trustChange = change;
    ctx.say(renderRotation(rows, sameCerts, ctx.color, change?.kind));
    if (change && change.kind !== 'same') ctx.say(renderTrustChange(change, new Chalk({ level: ctx.color ? 1 : 0 })));
  }
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
