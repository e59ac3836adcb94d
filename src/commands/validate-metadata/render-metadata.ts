import { Chalk } from 'chalk';
import { countBySeverity } from '../../core/findings.js';
import { humanizeDuration } from '../../core/humanize-duration.js';
import type { CertInfo, MetadataReport } from '../../core/metadata/types.js';
import { escapeForTerminal as e } from '../../cli/escape-terminal.js';
import { renderFindings } from '../../cli/render-findings.js';

/**
 * Human report of validate-metadata: a summary line (entity, IdP host, verdict), the
 * signature status, the signing certificates as a small table, then the findings by severity.
 */
export function renderMetadataReport(source: string, report: MetadataReport, ok: boolean, opts: { color: boolean }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const m = report.metadata;
  const n = countBySeverity(report.findings);
  const verdict = ok ? c.green.bold('OK') : c.red.bold('FAILED');
  const counts = `${n.error} error${n.error === 1 ? '' : 's'}, ${n.warning} warning${n.warning === 1 ? '' : 's'}`;
  // Values from the document are escaped (escape-terminal.ts): an entityID cannot draw a verdict.
  const host = m?.idpHost ? `IdP host ${e(m.idpHost)} (${m.idpHostKind})` : 'IdP host unknown';
  let out = `${e(source)}: ${e(m?.entityId || 'no entity')} · ${host} · ${verdict} (${counts})\n`;
  if (m) out += `signature: ${signatureLine(report, c)}\n`;
  if (m && m.signingCerts.length > 0) out += `\nSigning certificates\n${certTable(m.signingCerts)}`;
  out += renderFindings(report.findings, opts);
  return out;
}

function signatureLine(r: MetadataReport, c: InstanceType<typeof Chalk>): string {
  if (r.signatureValid === undefined) return 'none (unsigned document)';
  if (!r.signatureValid) return c.red('DOES NOT VERIFY');
  return r.signatureTrust === 'signer-cert'
    ? c.green('verified with --signer-cert')
    : c.yellow('verified against its own embedded key only: proves integrity, not origin');
}

/** The CN keeps the table small (the full subject is in --json); else the subject, shortened. */
function shortName(subject: string): string {
  const cn = /(?:^|,\s*)CN=([^,]+)/.exec(subject)?.[1];
  if (cn) return `CN=${cn}`;
  return subject.length > 40 ? `${subject.slice(0, 39)}…` : subject;
}

const DAY_MS = 86_400_000;

/** `expires` as people say it ("in 8.6 years", "2.6 years ago"); the exact daysLeft is in --json. */
function certTable(certs: CertInfo[]): string {
  const rows = [
    ['#', 'subject', 'valid until', 'expires', 'key', 'signature', 'SHA-256'],
    ...certs.map((k) => [
      `${k.index + 1}${k.newest && certs.length > 1 ? '*' : ''}`,
      e(shortName(k.subject)),
      k.notAfter.slice(0, 10),
      k.daysLeft < 0 ? `${humanizeDuration(k.daysLeft * DAY_MS)} ago` : `in ${humanizeDuration(k.daysLeft * DAY_MS)}`,
      `${k.keyType}${k.keySize ? ` ${k.keySize}` : ''}`,
      e(k.signatureAlgorithm),
      k.sha256,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const body = rows.map((r) => `  ${r.map((v, i) => (i === r.length - 1 ? v : v.padEnd(widths[i] ?? 0))).join('  ')}`).join('\n');
  return `${body}\n${certs.length > 1 ? '  (* newest)\n' : ''}`;
}
