import type { WizardState } from './init-state.js';

/**
 * The wizard's one decision: what happens next, from what is known ("Flow" 1–6). The
 * interactive loop and the scripted run both ask this function, so they cannot drift apart.
 *
 * - `config` … `org`: the answers every run needs.
 * - `rotation`: the config already holds Okta metadata; interactive runs ask whether to replace it
 *   (certificate rotation). Scripted runs go on, but passing --metadata is not consent to a trust
 *   change: a new signing certificate needs a --fingerprint pin (or --allow-idp-change), another IdP
 *   needs --allow-idp-change, else the run stops before writing (docs/design.md §8, "Trust changes").
 * - `okta`: show the "Create SAML Integration" values; skipped on rotation (the app exists).
 * - `terraform` / `write-terraform`: interactive runs write the Terraform as soon as it is asked for,
 *   because the admin needs it to create the app that yields the metadata; scripted runs write it
 *   with the config, after every input has been checked.
 * - `fingerprint`: compare the SHA-256 with Okta's screen, unless a --fingerprint pin matched.
 * - `up-to-date`: patch would change nothing and nothing else is pending.
 * - `confirm`: interactive only (scripted runs have no one to ask; --yes means scripted).
 */
export type Step =
  | 'config'
  | 'host'
  | 'org'
  | 'rotation'
  | 'okta'
  | 'terraform'
  | 'write-terraform'
  | 'metadata'
  | 'fingerprint'
  | 'preview'
  | 'up-to-date'
  | 'confirm'
  | 'write'
  | 'done';

export function nextStep(s: WizardState): Step {
  const interactive = s.mode === 'interactive';
  if (s.config === undefined) return 'config';
  if (s.host === undefined) return 'host';
  if (s.org === undefined) return 'org';
  const configured = s.config.okta?.xml !== undefined;
  if (configured && s.replace === undefined && interactive) return 'rotation';
  const rotating = configured && s.replace !== false;
  if (!rotating && !s.oktaShown) return 'okta';
  if (s.terraform === undefined) return 'terraform';
  const terraformPending = typeof s.terraform === 'string' && !s.terraformWritten;
  if (terraformPending && interactive) return 'write-terraform';
  if (s.metadata === undefined) return 'metadata';
  if (interactive && !s.metadata.pinned && s.fingerprintConfirmed !== true) return 'fingerprint';
  if (s.preview === undefined) return 'preview';
  if (!s.preview.changed && !terraformPending) return s.written ? 'done' : 'up-to-date';
  if (s.preview.changed && interactive && s.confirmed !== true) return 'confirm';
  if (!s.written) return 'write';
  return 'done';
}
