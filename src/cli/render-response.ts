import { Chalk } from 'chalk';
import type { Finding, SeverityCounts } from '../core/findings.js';
import type { ResponseReport } from '../core/response/types.js';
import { renderFindingLines } from './render-finding-lines.js';

export type ResponseDocument = ResponseReport & {
  input: { name: string; decodedFrom: string[]; postedTo?: string };
  trust: { source: string; notAfter: string | null }[];
  now: string;
  summary: SeverityCounts;
  ok: boolean;
};

/** The human report of check-response: verdict first, then what was read, then findings with fixes. */
export function renderResponseReport(d: ResponseDocument, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const lines: string[] = [];
  const row = (k: string, v: string | null | undefined) => lines.push(`  ${c.dim(k.padEnd(16))}${v ?? c.dim('—')}`);
  const verdict = d.ok ? c.green('OK') : c.red('FAILED');
  lines.push(`${c.bold('SAML response check')}: ${verdict}  (${d.summary.error} error(s), ${d.summary.warning} warning(s))`);
  lines.push(`  ${c.dim('input'.padEnd(16))}${d.input.name} (${d.input.decodedFrom.join(' → ')})${d.input.postedTo ? `, POSTed to ${d.input.postedTo}` : ''}`);
  const sig = d.signatureValid ? c.green('valid') : c.red('NOT valid');
  row('signature', `${sig}; signed: ${d.signed}${d.encrypted ? '; assertion encrypted' : ''}`);
  for (const s of d.signatures)
    row('', `${s.on}${s.encrypted ? ' (decrypted)' : ''} ${s.id ?? ''}: ${s.valid ? c.green('verified') : c.red('refused')}${s.certIndex !== null ? ` with ${d.trust[s.certIndex]?.source ?? `cert #${s.certIndex + 1}`}` : ''}`);
  // Shown for diagnosis only: with no verified signature over them, these values prove nothing.
  if (!d.signatureValid && (d.nameId !== null || d.issuer !== null)) lines.push(`  ${c.yellow('the values below are NOT covered by a verified signature: do not trust them')}`);
  row('issuer', d.issuer);
  if (d.expected.issuer !== null && d.issuer !== d.expected.issuer) row('  expected', d.expected.issuer);
  row('NameID', d.nameId === null ? null : `${d.nameId}${d.nameIdFormat ? c.dim(`  (${d.nameIdFormat.replace(/^.*:/, '')})`) : ''}`);
  row('audience', d.audiences.join(', ') || null);
  if (!d.audiences.includes(d.expected.audience)) row('  expected', d.expected.audience);
  if (d.response) {
    row('status', d.response.status?.replace(/^.*:/, '') ?? null);
    row('destination', d.response.destination);
    row('InResponseTo', d.response.inResponseTo ?? c.dim('(IdP-initiated)'));
  }
  row('recipient', d.subjectConfirmation?.recipient);
  if (d.subjectConfirmation?.recipient !== d.expected.acsUrl || (d.response?.destination ?? d.expected.acsUrl) !== d.expected.acsUrl) row('  expected', d.expected.acsUrl);
  row('valid', d.conditions ? `${d.conditions.notBefore ?? '…'} → ${d.conditions.notOnOrAfter ?? '…'}  (now ${d.now})` : null);
  lines.push(`  ${c.dim('attributes')}`);
  const names = Object.keys(d.attributes);
  if (names.length === 0) lines.push(`    ${c.dim('(none)')}`);
  for (const n of names) lines.push(`    ${n} = ${(d.attributes[n] ?? []).join(', ')}`);
  // Errors first: the one that blocks the login is what the reader needs before any warning.
  const shown: Finding[] = [...d.findings.filter((f) => f.severity === 'error'), ...d.findings.filter((f) => f.severity === 'warning')];
  const infos = d.findings.filter((f) => f.severity === 'info');
  let out = `${lines.join('\n')}\n`;
  if (infos.length > 0) out += `\n${infos.map((f) => `  ${c.cyan('note')}: ${f.message}`).join('\n')}\n`;
  if (shown.length > 0) out += `\n${renderFindingLines(shown, color)}`;
  return out;
}
