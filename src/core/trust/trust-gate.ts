import { matchesFingerprint, parseFingerprint } from '../cert/fingerprint.js';
import type { CertInfo } from '../metadata/types.js';
import type { TrustChange } from './types.js';

/**
 * Whether a run may replace the trusted issuer or certificates without asking (docs/design.md §8,
 * "Trust changes"). Whoever controls the metadata source controls who may log in, so a script
 * (no terminal, or --yes) never changes trust on its own word:
 * - `same` → write;
 * - `rotation` → write when the pins cover every new signing certificate (the SP trusts each one,
 *   SAML metadata §2.4.1.1) or with --allow-idp-change; else refuse;
 * - `replacement` → only with --allow-idp-change, pinned or not (a pin proves the certificate, not
 *   that the other app or org is the intended one).
 * A terminal run asks instead of refusing; the default answer is No for a replacement.
 */
export type GateVerdict = { action: 'write' } | { action: 'ask'; defaultYes: boolean } | { action: 'refuse'; reason: string; hint: string };

export interface GateInput {
  change: TrustChange;
  /** The new document's signing certificates. */
  certs: readonly CertInfo[];
  /** --fingerprint values as given. */
  pins: readonly string[];
  allowIdpChange: boolean;
  /** A terminal is attached and --yes was not given. */
  interactive: boolean;
}

export function pinsCoverAll(certs: readonly CertInfo[], pins: readonly string[]): boolean {
  const parsed = pins.map(parseFingerprint).filter((p) => p !== undefined);
  return certs.length > 0 && parsed.length > 0 && certs.every((c) => parsed.some((p) => matchesFingerprint(c, p)));
}

export function trustGate(g: GateInput): GateVerdict {
  const { change } = g;
  if (change.kind === 'same' || g.allowIdpChange) return { action: 'write' };
  if (change.kind === 'rotation' && pinsCoverAll(g.certs, g.pins)) return { action: 'write' };
  if (g.interactive) return { action: 'ask', defaultYes: change.kind === 'rotation' };
  if (change.kind === 'replacement')
    return {
      action: 'refuse',
      reason: 'the new metadata is from another IdP (entityID or IdP host changes)',
      hint: 'If this really is the app Polyaxon should trust now, run again with --allow-idp-change.',
    };
  return {
    action: 'refuse',
    reason: 'the signing certificates change and no --fingerprint pins the new ones',
    hint: 'Compare with Okta (app → Sign On → SAML Signing Certificates) and pass --fingerprint <SHA-256> for each new certificate.',
  };
}
