import type { InitMode } from './init-state.js';

/**
 * Scripted runs (no TTY, or --yes) never prompt: every answer the wizard would ask for must be a
 * flag, and all missing ones are reported in ONE usage error ("Modes": never a hang in CI,
 * never a fix-one-rerun-fix-the-next loop).
 */
export interface GivenFlags {
  config?: string;
  host?: string;
  org?: string;
  metadata?: string;
}

export interface MissingFlag {
  flag: '--config' | '--host' | '--org' | '--metadata';
  why: string;
}

/**
 * `configHost` is the host read from an existing --config: it stands in for --host. Call it once
 * the config (if any) has been read; `configExists` false means --host cannot come from it.
 */
export function missingFlags(given: GivenFlags, configHost: string | undefined): MissingFlag[] {
  const missing: MissingFlag[] = [];
  if (given.config === undefined) missing.push({ flag: '--config', why: 'the deployment config to patch (created when missing)' });
  if (given.host === undefined && configHost === undefined)
    missing.push({
      flag: '--host',
      why: given.config === undefined ? 'the Polyaxon host' : 'the Polyaxon host (the config sets no ingress.hostName or hostName)',
    });
  if (given.org === undefined) missing.push({ flag: '--org', why: 'the Polyaxon organization (it is never in the config)' });
  if (given.metadata === undefined) missing.push({ flag: '--metadata', why: 'the IdP metadata from Okta: a file or an https URL' });
  return missing;
}

/** Interactive only when a person can answer: stdin and stdout are terminals and --yes is absent. */
export function initMode(stdinTty: boolean | undefined, stdoutTty: boolean | undefined, yes: boolean | undefined): InitMode {
  return stdinTty === true && stdoutTty === true && yes !== true ? 'interactive' : 'scripted';
}

export function missingFlagsMessage(missing: MissingFlag[]): string {
  const list = missing.map((m) => m.flag).join(', ');
  return `missing ${list} (no prompts without a terminal or with --yes)`;
}
