import { cancelled } from '../../core/errors.js';
import { parseConfig } from '../../core/config/parse-config.js';
import type { ParsedMetadata } from '../../core/metadata/types.js';
import { validateMetadata } from '../../core/metadata/validate-metadata.js';
import { compareMetadata } from '../../core/trust/compare-metadata.js';
import { storedOktaMetadata } from '../../core/trust/stored-metadata.js';
import { trustGate, type GateVerdict } from '../../core/trust/trust-gate.js';
import type { TrustChange } from '../../core/trust/types.js';
import type { Io } from '../../cli/io.js';
import { preloadIfSigned } from '../../cli/preload-if-signed.js';

/**
 * patch's trust check (docs/design.md §8, "Trust changes"): the okta metadata already in the config
 * against the new document, and whether this run may write the difference without asking.
 */
export interface TrustCheck {
  /** Absent when the config holds no okta metadata yet (nothing is replaced). */
  change?: TrustChange;
  verdict: GateVerdict;
}

export interface TrustOptions {
  now: Date;
  pins: string[];
  allowIdpChange: boolean;
  /** --yes: never ask, the same as a run without a terminal. */
  yes: boolean;
}

export async function checkTrust(
  io: Io,
  configText: string,
  file: string,
  after: ParsedMetadata | undefined,
  o: TrustOptions,
): Promise<TrustCheck> {
  const stored = storedOktaMetadata(parseConfig(configText, file), file);
  if (!stored || !after) return { verdict: { action: 'write' } };
  await preloadIfSigned(stored.xml);
  const before = validateMetadata(stored.xml, { now: o.now }).metadata;
  const change = compareMetadata(before, after);
  const interactive = io.stdin.isTTY === true && !o.yes;
  return { change, verdict: trustGate({ change, certs: after.signingCerts, pins: o.pins, allowIdpChange: o.allowIdpChange, interactive }) };
}

/** A yes/no question on stderr (stdout may carry --json); tests inject their own. */
export type Confirm = (message: string, defaultYes: boolean) => Promise<boolean>;

export async function askTrustChange(io: Io, change: TrustChange, defaultYes: boolean, confirm?: Confirm): Promise<void> {
  const ask: Confirm =
    confirm ??
    (async (message, dflt) => {
      // loaded only when a terminal run has to ask: inquirer stays out of every other start-up
      const { inquirerPrompter } = await import('../../cli/prompter.js');
      return inquirerPrompter(io, io.stderr as unknown as NodeJS.WritableStream).confirm({ message, default: dflt });
    });
  const what = change.kind === 'replacement' ? 'Trust another IdP (entityID or host changes)' : 'Trust the new signing certificate(s)';
  if (!(await ask(`${what} and write the config?`, defaultYes))) throw cancelled('declined the trust change, nothing written');
}
