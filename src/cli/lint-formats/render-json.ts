import type { LintReport } from './report.js';

/** One JSON document (schemas/lint.schema.json), schemaVersion 1. */
export function renderJson(report: LintReport, meta: { version: string; exitCode: number }): string {
  const doc = {
    schemaVersion: 1,
    tool: { name: 'polyaxon-sso', version: meta.version },
    exitCode: meta.exitCode,
    files: report.files.map((f) => ({
      file: f.file,
      ...(f.skipped !== undefined ? { skipped: f.skipped } : {}),
      ...(f.unreadable ? { unreadable: true } : {}),
      findings: f.findings,
    })),
    summary: report.summary,
    ...unreadableError(report, meta.exitCode),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Exit 2 (an input could not be read): `error` says so, as on every command's exit 2 (schemas/error.schema.json). */
function unreadableError(report: LintReport, exitCode: number): { error?: { code: string; message: string; hint: string } } {
  const bad = report.files.filter((f) => f.unreadable);
  const first = bad[0]?.findings[0];
  if (exitCode !== 2 || first === undefined) return {};
  const message = bad.length === 1 ? first.message : `${bad.length} inputs could not be read; the first: ${first.message}`;
  return { error: { code: first.code, message, hint: first.hint ?? 'Check the paths; the other files were linted.' } };
}
