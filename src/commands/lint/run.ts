import { normalizeFingerprint } from '../../core/cert/fingerprint.js';
import { EXIT, isOperationalError } from '../../core/errors.js';
import { finding } from '../../core/findings.js';
import { LINT_CODES, lintCodeInfo, type LintCode } from '../../core/lint/codes.js';
import { lintConfig, type FileReport, type LintOptions } from '../../core/lint/lint-config.js';
import { memoValidator } from '../../core/lint/memo-validator.js';
import { nothingLinted } from '../../core/lint/nothing-linted.js';
import { validateMetadata } from '../../core/metadata/validate-metadata.js';
import { escapeForTerminal } from '../../cli/escape-terminal.js';
import { expandInputs, type InputFile } from './expand-inputs.js';
import { wantsColor, type Io } from '../../cli/io.js';
import { buildReport, type LintReport } from '../../cli/lint-formats/report.js';
import { renderGithub } from '../../cli/lint-formats/render-github.js';
import { renderJson } from '../../cli/lint-formats/render-json.js';
import { renderJunit } from '../../cli/lint-formats/render-junit.js';
import { renderSarif } from '../../cli/lint-formats/render-sarif.js';
import { renderText } from '../../cli/lint-formats/render-text.js';
import { formatOption, hostOption, intOption, nowOption, orgOption } from '../../cli/options.js';
import { preloadIfSigned } from '../../cli/preload-if-signed.js';
import { maxBytes, readLocalFile, readSource } from '../../cli/read-source.js';
import { VERSION } from '../../version.js';
import { LINT_FLAGS, type LintCliOptions } from './flags.js';

type Format = 'auto' | 'text' | 'json' | 'github' | 'sarif' | 'junit';

/** Files read at once: enough to hide I/O latency, bounded so a big monorepo never exhausts fds. */
const PARALLEL = 8;

/** `lint`: deployment configs in CI. Options → expand → read + lint → render → exit. */
export async function run(io: Io, inputs: string[], opts: LintCliOptions): Promise<number> {
  let format = formatOption(opts.format, opts.json, LINT_FLAGS.format.default);
  if (format === 'auto') format = io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'text';
  const maxWarnings = opts.maxWarnings === undefined ? undefined : intOption(opts.maxWarnings, '--max-warnings');
  const minDays = intOption(opts.minDays, '--min-days');
  const now = nowOption(opts.now, io);
  const expectedHost = opts.host === undefined ? undefined : hostOption(opts.host, opts.allowHttp).host;
  if (opts.org !== undefined) orgOption(opts.org);
  const limit = maxBytes(opts.maxSize);
  const fingerprints = (opts.fingerprint ?? []).map((f) => normalizeFingerprint(f).value);

  const validateXml = memoValidator((xml) => validateMetadata(xml, { now, minDays, ...(fingerprints.length > 0 ? { fingerprints } : {}) }));
  const base: Omit<LintOptions, 'skipNonPolyaxon'> = {
    validateXml,
    requireOkta: opts.requireOkta === true,
    secretWarnings: opts.secretWarnings !== false,
    target: opts.target === 'helm' ? 'helm' : 'polyaxon-cli',
    ...(expectedHost ? { expectedHost } : {}),
  };

  const { files, problems, skipped } = await expandInputs(inputs, io.cwd);
  const reports: FileReport[] = problems.map((p) => unreadable(p.input, p.code, p.message));
  reports.push(...skipped.map((s) => ({ file: s.display, findings: [], skipped: s.reason })));
  const skipNamed = opts.skipNonPolyaxon === true;
  reports.push(...(await pool(files, PARALLEL, (f) => lintOne(f, io, limit, base, skipNamed))));
  reports.push(...nothingLinted(reports, inputs, opts.requireOkta === true));
  const report = buildReport(reports);

  const code = exitCode(report, opts.strict === true, maxWarnings);
  for (const f of report.files)
    // The message names the file: escaped, so a name cannot start a line of its own (a workflow command).
    if (f.unreadable)
      io.stderr.write(
        `polyaxon-sso: ${escapeForTerminal(f.findings[0]?.message ?? `cannot read ${f.file}`)}\n  hint: ${escapeForTerminal(f.findings[0]?.hint ?? 'Check the path.')}\n`,
      );
  if (maxWarnings !== undefined && report.summary.warning > maxWarnings)
    io.stderr.write(`polyaxon-sso: ${report.summary.warning} warnings, more than --max-warnings ${maxWarnings}\n`);
  io.stdout.write(render(format, report, { color: wantsColor(io, opts.color), strict: opts.strict === true, exitCode: code }));
  return code;
}

async function lintOne(
  f: InputFile,
  io: Io,
  limit: number,
  base: Omit<LintOptions, 'skipNonPolyaxon'>,
  skipNamed: boolean,
): Promise<FileReport> {
  let bytes: Buffer;
  try {
    bytes =
      f.path === '-'
        ? (await readSource('-', io, { maxSizeMb: limit / 1024 / 1024, what: 'config' })).bytes
        : await readLocalFile(f.path, f.display, limit, 'config');
  } catch (e) {
    if (!isOperationalError(e)) throw e;
    return unreadable(f.display, e.code, e.message);
  }
  await preloadIfSigned(bytes);
  return lintConfig(bytes.toString('utf8'), f.display, { ...base, skipNonPolyaxon: f.expanded || skipNamed, bytes });
}

function unreadable(file: string, code: string, message: string): FileReport {
  const known = (lintCodeInfo(code) ? code : 'INPUT_UNREADABLE') as LintCode;
  return { file, unreadable: true, findings: [finding(known, 'error', message, LINT_CODES[known].help)] };
}

/** 2 when an input could not be read (after linting the rest, docs/design.md §8), else 1 or 0. */
export function exitCode(report: LintReport, strict: boolean, maxWarnings: number | undefined): number {
  const s = report.summary;
  if (s.unreadable > 0) return EXIT.CANNOT_RUN;
  if (s.error > 0) return EXIT.FINDINGS;
  if (s.warning > 0 && (strict || (maxWarnings !== undefined && s.warning > maxWarnings))) return EXIT.FINDINGS;
  return EXIT.OK;
}

function render(format: Exclude<Format, 'auto'>, report: LintReport, o: { color: boolean; strict: boolean; exitCode: number }): string {
  switch (format) {
    case 'json':
      return renderJson(report, { version: VERSION, exitCode: o.exitCode });
    case 'github':
      return renderGithub(report);
    case 'sarif':
      return renderSarif(report, { version: VERSION });
    case 'junit':
      return renderJunit(report, { strict: o.strict });
    default:
      return renderText(report, { color: o.color });
  }
}

/** Runs `fn` over `items` with at most `n` in flight; results keep the input order. */
async function pool<T, R>(items: readonly T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}
