import { formatLocation, type Finding } from '../../core/findings.js';
import { checkOf, LINT_CHECKS, type LintCheck } from '../../core/lint/codes.js';
import type { FileReport } from '../../core/lint/lint-config.js';
import { escapeForTerminal as t } from '../escape-terminal.js';
import type { LintReport } from './report.js';

/**
 * JUnit XML for GitLab (artifacts:reports:junit) and Jenkins: one testsuite per file, one
 * testcase per check. A check fails on an error (or on a warning under --strict);
 * warnings and info notes go to system-out. An unreadable file is a testcase `read` in error.
 * Values from the input (file names, messages) are escaped for a terminal first (escape-terminal.ts),
 * since CI shows them in logs, then for XML.
 */
export function renderJunit(report: LintReport, opts: { strict?: boolean } = {}): string {
  const suites = report.files.map((f) => suite(f, opts.strict === true));
  const totals = suites.reduce(
    (t, s) => ({
      tests: t.tests + s.tests,
      failures: t.failures + s.failures,
      errors: t.errors + s.errors,
      skipped: t.skipped + s.skipped,
    }),
    { tests: 0, failures: 0, errors: 0, skipped: 0 },
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="polyaxon-sso lint" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

interface Suite {
  xml: string;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function suite(file: FileReport, strict: boolean): Suite {
  const name = esc(t(file.file));
  const open = (t: number, f: number, e: number, s: number) =>
    `  <testsuite name="${name}" tests="${t}" failures="${f}" errors="${e}" skipped="${s}">`;
  if (file.unreadable) {
    const f = file.findings[0];
    const body = `    <testcase name="read" classname="${name}">\n      <error type="${esc(t(f?.code ?? 'INPUT_UNREADABLE'))}" message="${esc(t(f?.message ?? ''))}"/>\n    </testcase>`;
    return { xml: `${open(1, 0, 1, 0)}\n${body}\n  </testsuite>`, tests: 1, failures: 0, errors: 1, skipped: 0 };
  }
  if (file.input) {
    // Nothing was linted under this input: one `read` testcase, failing like any check would.
    const failing = file.findings.filter((f) => f.severity === 'error' || (strict && f.severity === 'warning'));
    const f = failing.length > 0 ? 1 : 0;
    return {
      xml: `${open(1, f, 0, 0)}\n${testcase(name, 'read', file.file, file.findings, failing)}\n  </testsuite>`,
      tests: 1,
      failures: f,
      errors: 0,
      skipped: 0,
    };
  }
  if (file.skipped !== undefined) {
    const body = `    <testcase name="lint" classname="${name}">\n      <skipped message="${esc(t(file.skipped))}"/>\n    </testcase>`;
    return { xml: `${open(1, 0, 0, 1)}\n${body}\n  </testsuite>`, tests: 1, failures: 0, errors: 0, skipped: 1 };
  }
  const checks = LINT_CHECKS.filter((c) => c !== 'read');
  let failures = 0;
  const cases = checks.map((check) => {
    const found = file.findings.filter((f) => checkOf(f.code) === check);
    const failing = found.filter((f) => f.severity === 'error' || (strict && f.severity === 'warning'));
    if (failing.length > 0) failures += 1;
    return testcase(name, check, file.file, found, failing);
  });
  return {
    xml: `${open(checks.length, failures, 0, 0)}\n${cases.join('\n')}\n  </testsuite>`,
    tests: checks.length,
    failures,
    errors: 0,
    skipped: 0,
  };
}

function testcase(name: string, check: LintCheck, file: string, found: Finding[], failing: Finding[]): string {
  const open = `    <testcase name="${check}" classname="${name}"`;
  if (found.length === 0) return `${open}/>`;
  const lines = [`${open}>`];
  if (failing.length > 0) {
    const first = failing[0] as Finding;
    const text = failing.map((f) => line(file, f)).join('\n');
    lines.push(
      `      <failure type="${esc(t(first.code))}" message="${esc(t(failing.length === 1 ? first.message : `${failing.length} problems, first: ${first.message}`))}">${esc(text)}</failure>`,
    );
  }
  const rest = found.filter((f) => !failing.includes(f));
  if (rest.length > 0) lines.push(`      <system-out>${esc(rest.map((f) => line(file, f)).join('\n'))}</system-out>`);
  lines.push('    </testcase>');
  return lines.join('\n');
}

function line(file: string, f: Finding): string {
  const at = f.location ? formatLocation(f.location, file) : file;
  return `${t(at)}  ${f.severity}  ${t(f.message)}  [${t(f.code)}]${f.hint ? `\n    hint: ${t(f.hint)}` : ''}`;
}

/** XML 1.0 text/attribute escaping; characters XML 1.0 cannot hold at all are dropped. */
export function esc(s: string): string {
  return s

    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
