import { createHash } from 'node:crypto';
import type { Finding, Severity } from '../../core/findings.js';
import { lintCodeInfo } from '../../core/lint/codes.js';
import type { LintReport } from './report.js';
import { ruleInfo } from './rules.js';

/**
 * SARIF 2.1.0 (OASIS) as GitHub code scanning reads it: one rule per code with id,
 * shortDescription and help; results with relative URIs under %SRCROOT% (the checkout root on
 * upload); partialFingerprints that survive lines moving (code + file + message, numbered when
 * the same finding repeats), so alerts are not re-opened on every edit.
 */
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
export const FINGERPRINT_KEY = 'polyaxonSsoFinding/v1';

export function renderSarif(report: LintReport, meta: { version: string }): string {
  const rules = collectRules(report);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: object[] = [];
  for (const file of report.files) {
    const seen = new Map<string, number>();
    for (const f of file.findings) {
      const base = createHash('sha256').update(`${f.code}\0${file.file}\0${f.message}`).digest('hex').slice(0, 32);
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      results.push({
        ruleId: f.code,
        ruleIndex: index.get(f.code) ?? 0,
        level: LEVEL[f.severity],
        message: { text: f.hint ? `${f.message}\nhint: ${f.hint}` : f.message },
        locations: [{ physicalLocation: physical(file.file, f) }],
        partialFingerprints: { [FINGERPRINT_KEY]: `${base}:${n}` },
      });
    }
  }
  const unreadable = report.files.filter((f) => f.unreadable);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'polyaxon-sso', semanticVersion: meta.version, version: meta.version, rules } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: unreadable.length === 0,
            toolExecutionNotifications: unreadable.map((f) => ({
              level: 'error',
              message: { text: f.findings[0]?.message ?? `cannot read ${f.file}` },
              locations: [{ physicalLocation: { artifactLocation: artifact(f.file) } }],
            })),
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function collectRules(report: LintReport) {
  const first = new Map<string, Finding>();
  for (const file of report.files) for (const f of file.findings) if (!first.has(f.code)) first.set(f.code, f);
  return [...first.keys()].sort().map((id) => {
    const info = ruleInfo(id);
    const f = first.get(id) as Finding;
    const level = LEVEL[lintCodeInfo(id)?.severity ?? f.severity];
    return {
      id,
      shortDescription: { text: info?.title ?? id },
      help: { text: info?.help ?? f.hint ?? f.message },
      defaultConfiguration: { level },
    };
  });
}

function physical(file: string, f: Finding) {
  const loc: Record<string, unknown> = { artifactLocation: artifact(file) };
  if (f.location) loc.region = { startLine: f.location.line, startColumn: f.location.column };
  return loc;
}

/** Relative paths under %SRCROOT%; absolute ones as file:// URIs; stdin as a bare name. */
function artifact(file: string): { uri: string; uriBaseId?: string } {
  if (file === '<stdin>') return { uri: 'stdin' };
  if (file.startsWith('/')) return { uri: `file://${encodePath(file)}` };
  return { uri: encodePath(file), uriBaseId: '%SRCROOT%' };
}

const encodePath = (p: string): string => p.split('/').map(encodeURIComponent).join('/');
