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
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
