import { Chalk } from 'chalk';
import type { Finding, SeverityCounts } from '../../core/findings.js';
import type { ResponseReport } from '../../core/response/types.js';
import { relativeTime } from '../../core/humanize-duration.js';
import { parseSamlTime } from '../../core/response/saml-time.js';
import { escapeForTerminal as e } from '../../cli/escape-terminal.js';
import { renderFindingLines } from '../../cli/render-finding-lines.js';

export type ResponseDocument = ResponseReport & {
  input: { name: string; decodedFrom: string[]; postedTo?: string };
  trust: { source: string; notAfter: string | null }[];
  now: string;
  summary: SeverityCounts;
  ok: boolean;
};

/**
 * The human report of check-response: verdict first, then what was read, then findings with fixes.
 * Every value read from the response goes through escapeForTerminal (escape-terminal.ts).
 */
export function renderResponseReport(d: ResponseDocument, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const lines: string[] = [];
  const row = (k: string, v: string | null | undefined) => lines.push(`  ${c.dim(k.padEnd(16))}${v ?? c.dim('—')}`);
  const opt = (v: string | null | undefined) => (v === null || v === undefined ? v : e(v));
  const verdict = d.ok ? c.green('OK') : c.red('FAILED');
  lines.push(`${c.bold('SAML response check')}: ${verdict}  (${d.summary.error} error(s), ${d.summary.warning} warning(s))`);
  lines.push(
    `  ${c.dim('input'.padEnd(16))}${e(d.input.name)} (${d.input.decodedFrom.join(' → ')})${d.input.postedTo ? `, POSTed to ${e(d.input.postedTo)}` : ''}`,
  );
  const sig = d.signatureValid ? c.green('valid') : c.red('NOT valid');
  row('signature', `${sig}; signed: ${d.signed}${d.encrypted ? '; assertion encrypted' : ''}`);
  for (const s of d.signatures)
    row(
      '',
      `${s.on}${s.encrypted ? ' (decrypted)' : ''} ${e(s.id ?? '')}: ${s.valid ? c.green('verified') : c.red('refused')}${s.certIndex !== null ? ` with ${e(d.trust[s.certIndex]?.source ?? `cert #${s.certIndex + 1}`)}` : ''}`,
    );
  // Shown for diagnosis only: with no verified signature over them, these values prove nothing.
  if (!d.signatureValid && (d.nameId !== null || d.issuer !== null))
    lines.push(`  ${c.yellow('the values below are NOT covered by a verified signature: do not trust them')}`);
  row('issuer', opt(d.issuer));
  if (d.expected.issuer !== null && d.issuer !== d.expected.issuer) row('  expected', e(d.expected.issuer));
  row('NameID', d.nameId === null ? null : `${e(d.nameId)}${d.nameIdFormat ? c.dim(`  (${e(d.nameIdFormat.replace(/^.*:/, ''))})`) : ''}`);
  row('audience', e(d.audiences.join(', ')) || null);
  if (!d.audiences.includes(d.expected.audience)) row('  expected', e(d.expected.audience));
  if (d.response) {
    row('status', opt(d.response.status?.replace(/^.*:/, '')));
    row('destination', opt(d.response.destination));
    row('InResponseTo', opt(d.response.inResponseTo) ?? c.dim('(IdP-initiated)'));
  }
  row('recipient', opt(d.subjectConfirmation?.recipient));
  if (d.subjectConfirmation?.recipient !== d.expected.acsUrl || (d.response?.destination ?? d.expected.acsUrl) !== d.expected.acsUrl)
    row('  expected', e(d.expected.acsUrl));
  row('valid', d.conditions ? validity(d.conditions.notBefore, d.conditions.notOnOrAfter, d.now) : null);
  lines.push(`  ${c.dim('attributes')}`);
  const names = Object.keys(d.attributes);
  if (names.length === 0) lines.push(`    ${c.dim('(none)')}`);
  for (const n of names) lines.push(`    ${e(n)} = ${(d.attributes[n] ?? []).map(e).join(', ')}`);
  // Errors first: the one that blocks the login is what the reader needs before any warning.
  const shown: Finding[] = [...d.findings.filter((f) => f.severity === 'error'), ...d.findings.filter((f) => f.severity === 'warning')];
  const infos = d.findings.filter((f) => f.severity === 'info');
  let out = `${lines.join('\n')}\n`;
  if (infos.length > 0) out += `\n${infos.map((f) => `  ${c.cyan('note')}: ${e(f.message)}`).join('\n')}\n`;
  if (shown.length > 0) out += `\n${renderFindingLines(shown, color)}`;
  return out;
}

/** `from → until  (expires in 4 minutes)`: the window, and where now sits in it, as people say it. */
function validity(from: string | null, until: string | null, now: string): string {
  const window = `${e(from ?? '…')} → ${e(until ?? '…')}`;
  const end = until === null ? undefined : parseSamlTime(until);
  const nowMs = Date.parse(now);
  if (end === undefined || !end.ok) return `${window}  (now ${now})`;
  const rel = relativeTime(end.ms, nowMs);
  return `${window}  (${end.ms > nowMs ? `expires ${rel}` : `expired ${rel}`}; now ${now})`;
}
