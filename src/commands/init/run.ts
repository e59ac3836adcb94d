import { homedir } from 'node:os';
import { normalizeFingerprint } from '../../core/cert/fingerprint.js';
import { EXIT, isOperationalError } from '../../core/errors.js';
import { initMode } from '../../core/init/missing-flags.js';
import type { Io } from '../../cli/io.js';
import { wantsColor } from '../../cli/io.js';
import { escapeForTerminal } from '../../cli/escape-terminal.js';
import { attributeOptions, hostOption, nowOption, orgOption } from '../../cli/options.js';
import { maxBytes } from '../../cli/read-source.js';
import { BadMetadata } from './ask-metadata.js';
import { inquirerPrompter, type Prompter } from '../../cli/prompter.js';
import { cancelledNothing, runWizard } from './run-wizard.js';
import { failedResult, preflight, refusedResult } from './scripted.js';
import { TrustRefused } from './trust-summary.js';
import { defaultServices, type InitServices } from './services.js';
import type { InitFlags, WizardCtx } from './wizard-context.js';
import type { InitOptions } from './flags.js';

/** Test seams: a scripted prompter, replaced services. */
export interface InitDeps {
  prompter?: Prompter;
  services?: (base: InitServices) => InitServices;
}

/**
 * `init`: the guided setup. Interactive only when stdin and stdout are terminals and
 * --yes is absent; otherwise every answer comes from flags, and all missing ones are one usage
 * error (exit 2), never a prompt that hangs in CI.
 */
export async function run(io: Io, opts: InitOptions, deps: InitDeps = {}): Promise<number> {
  const mode = initMode(io.stdin.isTTY, io.stdout.isTTY, opts.yes);
  const interactive = deps.prompter !== undefined ? opts.yes !== true : mode === 'interactive';
  maxBytes(opts.maxSize);
  const flags: InitFlags = {
    fingerprints: (opts.fingerprint ?? []).map((f) => normalizeFingerprint(f).value),
    now: nowOption(opts.now, io),
    maxSizeMb: opts.maxSize,
    attrs: attributeOptions(opts),
    allowHttp: opts.allowHttp === true,
    yes: opts.yes === true,
    allowIdpChange: opts.allowIdpChange === true,
    json: opts.json === true,
    create: opts.create === true,
    secretWarnings: opts.secretWarnings !== false,
    home: io.env.HOME ?? homedir(),
  };
  if (opts.config !== undefined) flags.config = opts.config;
  if (opts.host !== undefined) flags.host = hostOption(opts.host, opts.allowHttp);
  if (opts.org !== undefined) flags.org = orgOption(opts.org);
  if (opts.metadata !== undefined) flags.metadata = opts.metadata;
  if (opts.terraformOut !== undefined) flags.terraformOut = opts.terraformOut;

  const base = defaultServices(io, {
    now: flags.now,
    fingerprints: flags.fingerprints,
    maxSizeMb: flags.maxSizeMb,
    secretWarnings: flags.secretWarnings,
  });
  const services = deps.services ? deps.services(base) : base;
  const out = flags.json ? io.stderr : io.stdout;
  const ctx: WizardCtx = {
    flags,
    services,
    say: (s) => out.write(s),
    color: wantsColor(io, opts.color),
    state: { mode: interactive ? 'interactive' : 'scripted', yes: flags.yes },
    written: [],
  };
  if (interactive)
    ctx.prompter = deps.prompter ?? inquirerPrompter(io, out as unknown as NodeJS.WritableStream, { maxBytes: maxBytes(flags.maxSizeMb) });
  else await preflight(ctx);

  try {
    const result = await runWizard(ctx);
    if (flags.json) io.stdout.write(`${JSON.stringify(withExitCode(result, EXIT.OK), null, 2)}\n`);
    return EXIT.OK;
  } catch (e) {
    if (e instanceof BadMetadata) {
      io.stderr.write(`polyaxon-sso: ${escapeForTerminal(e.message)}\n`);
      // --json promises one document on stdout, also when the run stops at the metadata.
      if (flags.json) io.stdout.write(`${JSON.stringify(withExitCode(failedResult(ctx, e), EXIT.FINDINGS), null, 2)}\n`);
      return EXIT.FINDINGS;
    }
    if (e instanceof TrustRefused) {
      // The change summary is already out (ask-metadata.ts); here the refusal and the way past it.
      io.stderr.write(`polyaxon-sso: ${escapeForTerminal(e.message)}\n  hint: ${escapeForTerminal(e.hint)}\n`);
      if (flags.json) io.stdout.write(`${JSON.stringify(withExitCode(refusedResult(ctx, e), EXIT.FINDINGS), null, 2)}\n`);
      return EXIT.FINDINGS;
    }
    if (isOperationalError(e) && e.kind === 'cancelled' && ctx.written.length > 0) throw cancelledNothing(ctx);
    throw e;
  }
}

/** The --json document with the process exit code after schemaVersion (schemas/init.schema.json). */
function withExitCode<T extends { schemaVersion: number }>(doc: T, exitCode: number): { schemaVersion: number; exitCode: number } & T {
  const { schemaVersion, ...rest } = doc;
  return { schemaVersion, exitCode, ...rest } as { schemaVersion: number; exitCode: number } & T;
}
