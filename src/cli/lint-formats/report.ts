import { countBySeverity, type Finding } from '../../core/findings.js';
import type { FileReport } from '../../core/lint/lint-config.js';

/** What every lint renderer takes: per-file results sorted by path, and their totals. */
export interface LintSummary {
  files: number;
  linted: number;
  skipped: number;
  unreadable: number;
  error: number;
  warning: number;
  info: number;
}

export interface LintReport {
  files: FileReport[];
  summary: LintSummary;
}

export function buildReport(files: readonly FileReport[]): LintReport {
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const all: Finding[] = sorted.flatMap((f) => f.findings);
  const counts = countBySeverity(all);
  const skipped = sorted.filter((f) => f.skipped !== undefined).length;
  const unreadable = sorted.filter((f) => f.unreadable).length;
  const inputs = sorted.filter((f) => f.input).length;
  return {
    files: sorted,
    summary: { files: sorted.length - inputs, linted: sorted.length - skipped - unreadable - inputs, skipped, unreadable, ...counts },
  };
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summaryLine(s: LintSummary): string {
  const parts = [`${plural(s.linted, 'file')} linted`];
  if (s.skipped > 0) parts.push(`${s.skipped} skipped`);
  if (s.unreadable > 0) parts.push(`${s.unreadable} unreadable`);
  return `${parts.join(', ')}: ${plural(s.error, 'error')}, ${plural(s.warning, 'warning')}, ${s.info} info`;
}
