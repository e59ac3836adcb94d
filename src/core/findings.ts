import type { KnownCode } from './finding-codes.js';

/**
 * Findings are data (docs/design.md §4.2): a stable `code` that tests and users match on, never the
 * message text. Every check collects all findings; nothing stops at the first.
 */
export type Severity = 'error' | 'warning' | 'info';

/** 1-based line and column. `file` is set when the finding belongs to a file on disk. */
export interface Location {
  file?: string;
  line: number;
  column: number;
}

export interface Finding {
  /** One of the catalogues' codes (src/core/finding-codes.ts); docs/findings.md lists them. */
  code: KnownCode;
  severity: Severity;
  message: string;
  /** The fix, in Okta's or Polyaxon's own words. */
  hint?: string;
  location?: Location;
}

/** `file:line:col` (`line:col` without a file): how every report and error names a position. */
export function formatLocation(loc: Location, file: string | undefined = loc.file): string {
  return `${file ? `${file}:` : ''}${loc.line}:${loc.column}`;
}

export function finding(code: KnownCode, severity: Severity, message: string, hint?: string, location?: Location): Finding {
  const f: Finding = { code, severity, message };
  if (hint !== undefined) f.hint = hint;
  if (location !== undefined) f.location = location;
  return f;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Code-unit order, not localeCompare: the same bytes on every machine whatever its locale (CI
 * diffs reports), and the first localeCompare call builds ICU's collator, ~17 ms of every run
 * (found with --cpu-prof).
 */
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Stable order for reports: by file, then position, then severity, then code. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      byCodeUnit(a.location?.file ?? '', b.location?.file ?? '') ||
      (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
      (a.location?.column ?? 0) - (b.location?.column ?? 0) ||
      ORDER[a.severity] - ORDER[b.severity] ||
      byCodeUnit(a.code, b.code),
  );
}
