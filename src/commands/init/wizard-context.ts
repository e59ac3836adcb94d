import type { WizardState } from '../../core/init/init-state.js';
import type { AttributeNames } from '../../core/urls/okta-form.js';
import type { Host } from '../../core/urls/parse-host.js';
import type { Prompter } from '../../cli/prompter.js';
import type { InitServices } from './services.js';

/** init's flags after parsing: every prompt has one ("every prompt also a flag"). */
export interface InitFlags {
  config?: string;
  host?: Host;
  org?: string;
  metadata?: string;
  terraformOut?: string;
  fingerprints: string[];
  now: Date;
  maxSizeMb: string;
  attrs: AttributeNames;
  allowHttp: boolean;
  yes: boolean;
  /** --allow-idp-change: a scripted run may replace the trusted IdP or certificates unpinned. */
  allowIdpChange: boolean;
  json: boolean;
  /** --create: a config path that does not exist is created without asking. */
  create: boolean;
  /** --no-secret-warnings turns PLAINTEXT_SECRET off (as in patch and lint). */
  secretWarnings: boolean;
  /** $HOME, for `~` in typed paths (expand-home.ts). */
  home?: string;
}

export interface WizardCtx {
  flags: InitFlags;
  /** Absent in scripted runs: asking anything there is a bug, not a hang. */
  prompter?: Prompter;
  services: InitServices;
  /** Human text: stdout, or stderr under --json (stdout then holds only the JSON document). */
  say: (s: string) => void;
  color: boolean;
  state: WizardState;
  /** Files written so far, as given. */
  written: string[];
}

export function prompterOf(ctx: WizardCtx): Prompter {
  if (!ctx.prompter) throw new Error('init: a prompt was reached in a scripted run');
  return ctx.prompter;
}
