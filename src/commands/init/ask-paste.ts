import type { MetadataReport } from '../../core/metadata/types.js';
import { prompterOf, type WizardCtx } from './wizard-context.js';

/** Metadata read by one answer, before it is judged. */
export type Got = { text?: string; report: MetadataReport; source: string };

/** The root's closing tag ends a terminal paste: `</md:EntityDescriptor>`, any prefix or none. */
const CLOSING = /<\/(?:[A-Za-z_][\w.-]*:)?Entit(?:y|ies)Descriptor\s*>/;

/**
 * A terminal paste ends at the root's closing tag, or earlier at a lone "." or Ctrl-D (read-paste.ts).
 * Ended early, it is either nothing (back to the menu), a URL (read as the metadata URL), or a
 * truncated copy (said, back to the menu).
 */
export async function askPaste(ctx: WizardCtx): Promise<Got | 'menu'> {
  const text = await prompterOf(ctx).paste({
    message: 'Paste the metadata XML (a line with only "." or Ctrl-D goes back to the menu):',
    closing: CLOSING,
  });
  if (CLOSING.test(text)) return { ...(await ctx.services.checkMetadata(text, '<pasted>')), source: '<pasted>' };
  const trimmed = text.trim();
  if (trimmed === '') return backToMenu(ctx, 'Nothing pasted: back to the menu.');
  if (/^https?:\/\/\S+$/i.test(trimmed)) {
    ctx.say(`That is a URL, not the XML: reading it as the metadata URL.\n`);
    return { ...(await ctx.services.readMetadata(trimmed)), source: trimmed };
  }
  const opened = /<(?:[A-Za-z_][\w.-]*:)?Entit(?:y|ies)Descriptor[\s>]/.test(trimmed);
  return backToMenu(
    ctx,
    opened
      ? 'The paste ends before the closing </md:EntityDescriptor> tag: an incomplete copy? In Okta, open "View IdP metadata", select all, copy, and paste again.'
      : 'That is not IdP metadata (no <md:EntityDescriptor>). In Okta: your app → Sign On tab → "View IdP metadata".',
  );
}

export function backToMenu(ctx: WizardCtx, why: string): 'menu' {
  ctx.say(`${why}\n`);
  return 'menu';
}
