import type { Chalk } from 'chalk';
import type { CertBrief, TrustChange } from '../core/trust/types.js';
import { escapeForTerminal as e } from './escape-terminal.js';

/**
 * The change summary shown wherever stored metadata is replaced (patch, init): what the service
 * provider trusts before and after, so a forged or foreign document is seen before it is written.
 */
const KIND_TEXT: Record<TrustChange['kind'], string> = {
  same: 'same IdP and signing certificates',
  rotation: 'certificate rotation: same IdP (entityID and host), different signing certificates',
  replacement: 'IdP replacement: another entityID or IdP host (another Okta app or org)',
};

export function renderTrustChange(ch: TrustChange, c: InstanceType<typeof Chalk>): string {
  const head = ch.kind === 'replacement' ? c.red.bold : ch.kind === 'rotation' ? c.yellow.bold : c.green;
  const lines = [`Trust change: ${head(ch.kind)} (${KIND_TEXT[ch.kind]})`];
  if (!ch.beforeReadable) lines.push(`  ${c.yellow('the stored options.xml is not readable IdP metadata')}`);
  const row = (label: string, before: string, after: string, changed: boolean) =>
    lines.push(
      changed
        ? `  ${label.padEnd(10)} ${e(before)} ${c.bold('→')} ${c.bold(e(after))}`
        : `  ${label.padEnd(10)} ${e(after)} ${c.dim('(unchanged)')}`,
    );
  row('entityID', ch.entityId.before ?? '(none)', ch.entityId.after ?? '(none)', ch.entityId.changed);
  row('IdP host', ch.idpHost.before ?? '(none)', ch.idpHost.after ?? '(none)', ch.idpHost.changed);
  row('SSO URL', ch.ssoUrls.before.join(', ') || '(none)', ch.ssoUrls.after.join(', ') || '(none)', ch.ssoUrls.changed);
  lines.push('  signing certificates:');
  for (const cert of ch.certs.added) lines.push(`    ${c.green('+ added  ')} ${certLine(cert)}`);
  for (const cert of ch.certs.removed) lines.push(`    ${c.red('- removed')} ${certLine(cert)}`);
  for (const cert of ch.certs.kept) lines.push(`    ${c.dim('= kept   ')} ${certLine(cert)}`);
  for (const w of ch.weaker) lines.push(`  ${c.yellow('weaker:')} ${e(w.message)}`);
  return `${lines.join('\n')}\n`;
}

function certLine(cert: CertBrief): string {
  const key = `${cert.keyType}${cert.keySize !== undefined ? ` ${cert.keySize}` : ''}`;
  return `SHA-256 ${cert.sha256}  until ${cert.notAfter.slice(0, 10)}  ${key}`;
}
