import { resolve } from 'node:path';
import { Chalk } from 'chalk';
import { normalizeFingerprint } from '../../core/cert/fingerprint.js';
import { EXIT, usageError } from '../../core/errors.js';
import { countBySeverity, hasErrors, type Finding } from '../../core/findings.js';
import { planPatch } from '../../core/patch/plan-patch.js';
import type { PatchPlan } from '../../core/patch/types.js';
import type { Io } from '../../cli/io.js';
import { wantsColor } from '../../cli/io.js';
import { intOption, nowOption } from '../../cli/options.js';
import { forceCannotOverride, readConfig, readMetadata, type MetadataInput } from '../../cli/patch-inputs.js';
import { patchJson, renderChanges, type PatchJsonInput, type PatchOutcome } from './render-patch.js';
import { askTrustChange, checkTrust, type Confirm, type TrustCheck } from './patch-trust.js';
import { maxBytes } from '../../cli/read-source.js';
import { renderFindingLines } from '../../cli/render-finding-lines.js';
import { renderTrustChange } from '../../cli/render-trust-change.js';
import { escapeFileText, escapeForTerminal } from '../../cli/escape-terminal.js';
import { safeWrite } from '../../cli/safe-write.js';
import { renderWithSecretSummary } from '../../cli/secret-summary.js';
import { unifiedDiff } from '../../cli/unified-diff.js';
import type { PatchCliOptions } from './flags.js';

/**
 * `patch`: metadata → validateMetadata → planPatch (pure) → write, or diff, or check.
 * Exit codes (docs/design.md §8): metadata with errors → 1 (unless --force); --check → 1 when a change
 * is pending; --diff/--dry-run → 0; refusals and write failures → 2 with nothing written.
 */
export async function run(io: Io, config: string, opts: PatchCliOptions, deps: { confirm?: Confirm } = {}): Promise<number> {
  const mode = opts.disable ? 'disable' : 'enable';
  if (opts.backup && opts.output !== undefined)
    throw usageError(
      '--backup keeps <config>.bak when the config is written in place; it does not combine with --output',
      'USAGE',
      'Drop --backup, or drop --output to write the config in place.',
    );
  if (opts.output === '-' && opts.json)
    throw usageError(
      '--output - and --json both want stdout',
      'USAGE',
      'Drop --json to print the patched config, or write it to a file with --output <file> --json.',
    );
  if (mode === 'enable' && opts.metadata === undefined)
    throw usageError(
      'missing --metadata (the IdP metadata to write)',
      'PATCH_METADATA_REQUIRED',
      'Pass --metadata <file|https-url|->: in Okta, Sign On tab → "View IdP metadata".',
    );
  const pins = (opts.fingerprint ?? []).map((f) => normalizeFingerprint(f).value);
  const now = nowOption(opts.now, io);
  const minDays = intOption(opts.minDays, '--min-days');
  const color = wantsColor(io, opts.color);
  const c = new Chalk({ level: color ? 1 : 0 });
  const path = resolve(io.cwd, config);
  const input = await readConfig(path, config, opts.create === true, maxBytes(opts.maxSize));

  let meta: MetadataInput | undefined;
  if (opts.metadata !== undefined) {
    meta = await readMetadata(io, opts.metadata, {
      now,
      minDays,
      maxSize: opts.maxSize,
      fingerprints: pins,
      ...(opts.entityId !== undefined ? { entityId: opts.entityId } : {}),
    });
    const locked = forceCannotOverride(meta);
    if (hasErrors(meta.findings) && (!opts.force || locked)) {
      const why = locked ? `(--force cannot override this: ${locked})` : '(--force writes it anyway)';
      if (opts.json)
        io.stdout.write(patchJson({ config, mode, meta, findings: meta.findings, outcome: 'metadata-invalid', written: false }));
      else
        io.stderr.write(
          renderFindingLines(
            meta.findings.filter((f) => f.severity !== 'info'),
            color,
          ),
        );
      // with --json, stdout is the document alone; a refused --force is still said on stderr
      if (!opts.json || (opts.force && locked)) io.stderr.write(`${c.red('patch: the metadata has errors; nothing written')} ${why}\n`);
      return EXIT.FINDINGS;
    }
  }
  const forced = meta !== undefined && hasErrors(meta.findings);
  const plan = planPatch(input.text, {
    mode,
    file: config,
    secretWarnings: opts.secretWarnings !== false,
    ...(meta?.text !== undefined ? { xml: meta.text } : {}),
  });
  const findings: Finding[] = [...(meta?.findings ?? []), ...plan.findings];
  // Replacing the trusted IdP or its certificates is shown, and a script must be told to (below).
  const trust: TrustCheck =
    mode === 'enable' && plan.changed
      ? await checkTrust(io, input.text, config, meta?.parsed, {
          now,
          pins,
          allowIdpChange: opts.allowIdpChange === true,
          yes: opts.yes === true,
        })
      : { verdict: { action: 'write' } };
  const summary = trust.change && !opts.json ? renderTrustChange(trust.change, c) : '';
  const report = (outcome: PatchOutcome, written: boolean, extra: Partial<PatchJsonInput> = {}) => {
    if (opts.json)
      io.stdout.write(
        patchJson({
          config,
          mode,
          meta,
          findings,
          outcome,
          written,
          plan,
          forced,
          ...(trust.change ? { change: trust.change } : {}),
          ...extra,
        }),
      );
    // info findings (entityID, host) are in --json; the terminal gets what needs attention
    else if (findings.some((f) => f.severity !== 'info'))
      io.stderr.write(
        renderWithSecretSummary(
          findings.filter((f) => f.severity !== 'info'),
          config,
          color,
        ),
      );
    if (!opts.json && forced)
      io.stderr.write(
        c.red.bold(
          `WARNING: --force: writing metadata with ${countBySeverity(meta?.findings ?? []).error} error(s); Okta sign-in is likely to fail.\n`,
        ),
      );
  };

  const wantsDiff = opts.diff === true || opts.dryRun === true;
  if (opts.check || wantsDiff) {
    const diff = unifiedDiff(input.text, plan.text, `a/${config}`, `b/${config}`);
    if (wantsDiff && !opts.json) io.stdout.write(escapeFileText(diff));
    // with --diff, stdout is the diff alone (pipe it to `git apply`); the status goes to stderr
    if (!opts.json) (wantsDiff ? io.stderr : io.stdout).write(checkLine(config, plan, opts.check === true, c) + summary);
    report(plan.changed ? 'would-change' : 'up-to-date', false, {
      ...(wantsDiff ? { diff } : {}),
      exitCode: opts.check && plan.changed ? EXIT.FINDINGS : EXIT.OK,
    });
    return opts.check && plan.changed ? EXIT.FINDINGS : EXIT.OK;
  }
  (opts.output === '-' ? io.stderr : io.stdout).write(summary);
  if (trust.verdict.action === 'refuse') {
    report('trust-change-refused', false);
    io.stderr.write(
      `${c.red(`patch: ${escapeForTerminal(trust.verdict.reason)}; nothing written`)}\n  hint: ${escapeForTerminal(trust.verdict.hint)}\n`,
    );
    return EXIT.FINDINGS;
  }
  if (trust.verdict.action === 'ask' && trust.change) await askTrustChange(io, trust.change, trust.verdict.defaultYes, deps.confirm);
  if (opts.output === '-') {
    io.stdout.write(plan.text);
    report(plan.changed ? 'printed' : 'up-to-date', false);
    return EXIT.OK;
  }
  if (opts.output !== undefined) {
    const res = await safeWrite(resolve(io.cwd, opts.output), Buffer.from(plan.text, 'utf8'), { force: opts.force === true });
    if (!opts.json)
      io.stdout.write(
        `wrote ${escapeForTerminal(opts.output)}${plan.changed ? `\n${renderChanges(plan, c)}` : ' (same content as the config: already up to date)\n'}`,
      );
    report('written', true, { output: res.path });
    return EXIT.OK;
  }
  if (!plan.changed && input.snapshot) {
    if (!opts.json)
      io.stdout.write(
        `${escapeForTerminal(config)}: already up to date${meta?.entityId ? ` (okta metadata ${escapeForTerminal(meta.entityId)})` : ''}\n`,
      );
    report('up-to-date', false);
    return EXIT.OK;
  }
  const res = await safeWrite(path, Buffer.from(plan.text, 'utf8'), {
    backup: opts.backup === true,
    expect: input.snapshot ?? 'absent',
    force: opts.force === true,
  });
  if (!opts.json) {
    io.stdout.write(`${input.snapshot ? 'patched' : 'created'} ${escapeForTerminal(config)}\n${renderChanges(plan, c)}`);
    if (res.backupPath) io.stdout.write(`previous content kept in ${escapeForTerminal(res.backupPath)}\n`);
  }
  report('written', true, {
    ...(res.backupPath ? { backup: res.backupPath } : {}),
    ...(res.cleaned.length ? { cleanedTempFiles: res.cleaned } : {}),
  });
  return EXIT.OK;
}

function checkLine(config: string, plan: PatchPlan, check: boolean, c: InstanceType<typeof Chalk>): string {
  if (!plan.changed) return `${config}: already up to date\n`;
  return check ? `${c.yellow(`${config}: would change`)}\n${renderChanges(plan, c)}` : '';
}
