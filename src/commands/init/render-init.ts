import { Chalk, type ChalkInstance } from 'chalk';
import type { CertSummary, ExistingOkta } from '../../core/init/init-state.js';
import type { NextStep } from '../../core/init/init-result.js';
import type { RotationRow } from '../../core/init/judge-metadata.js';
import type { OktaForm } from '../../core/urls/okta-form.js';
import { humanizeDuration } from '../../core/humanize-duration.js';
import { escapeForTerminal as e } from '../../cli/escape-terminal.js';
import { renderOktaFormText } from '../../cli/render-okta-form.js';

/** The wizard's text sections. Each returns a string; the loop decides where it goes. */
const chalk = (color: boolean): ChalkInstance => new Chalk({ level: color ? 1 : 0 });

/** "Step n of 6": the Okta form numbers its own steps, so the wizard's must not look alike. */
export function renderHeading(n: number, title: string, color: boolean): string {
  return `\n${chalk(color).bold(`Step ${n} of 6 · ${title}`)}\n`;
}

/** The urls form, ending with what init does next instead of the stand-alone validate command. */
export function renderOktaSteps(form: OktaForm, hostSource: string, color: boolean): string {
  const text = renderOktaFormText(form, hostSource, color);
  return text.replace(
    /and run:\n {3}polyaxon-sso validate-metadata okta-metadata\.xml\n/,
    'and come back here\n   with the file (or the metadata URL, or the XML to paste).\n',
  );
}

export function renderCert(cert: CertSummary, color: boolean, indent = '   '): string {
  const c = chalk(color);
  const span = humanizeDuration(cert.daysLeft * 86_400_000);
  const days = cert.daysLeft < 0 ? c.red(`expired ${span} ago`) : `expires in ${span}`;
  return [
    `${indent}${'Subject'.padEnd(9)}${e(cert.subject)}`,
    `${indent}${'Expires'.padEnd(9)}${cert.notAfter} (${days})`,
    `${indent}${'SHA-256'.padEnd(9)}${c.bold(cert.sha256)}`,
    '',
  ].join('\n');
}

export function renderExisting(path: string, okta: ExistingOkta, color: boolean): string {
  const c = chalk(color);
  const lines = [
    `${e(path)} already has Okta SSO set up (externalServices.auth.okta):`,
    `   ${'enabled'.padEnd(9)}${okta.enabled ? 'true' : c.yellow('false')}`,
  ];
  if (okta.entityId) lines.push(`   ${'entity'.padEnd(9)}${e(okta.entityId)}`);
  if (okta.certs.length === 0) lines.push(`   ${c.yellow('the stored metadata has no readable signing certificate')}`);
  return `${lines.join('\n')}\n${okta.certs.map((cert) => renderCert(cert, color)).join('')}`;
}

/** Certificate rotation: the stored and the new fingerprints one above the other, to compare. */
export function renderRotation(
  rows: RotationRow[],
  sameCerts: boolean,
  color: boolean,
  kind?: 'same' | 'rotation' | 'replacement',
): string {
  const c = chalk(color);
  const lines = rows.map(
    (r) =>
      `   ${r.label.padEnd(8)} ${r.label === 'new' && !sameCerts ? c.bold(r.cert.sha256) : r.cert.sha256}  until ${r.cert.notAfter.slice(0, 10)}`,
  );
  // "rotation" only when the entityID and IdP host stay (core/trust): another app is a replacement
  const verdict =
    kind === 'replacement'
      ? 'another IdP: the entityID or IdP host changes (a replacement, not a rotation)'
      : sameCerts
        ? 'same signing certificate as the config already holds'
        : 'the signing certificate changes (rotation)';
  return `   SHA-256 fingerprints, current (in the config) and new:\n${lines.join('\n')}\n   ${verdict}\n`;
}

export function renderNextSteps(steps: NextStep[], color: boolean): string {
  const c = chalk(color);
  const out = [`\n${c.bold('Step 6 of 6 · Next steps')}`];
  steps.forEach((s, i) => {
    out.push(`${i + 1}. ${s.title}:`);
    for (const cmd of s.commands) out.push(`   ${c.cyan(e(cmd))}`);
    if (s.note) out.push(`   ${e(s.note)}`);
  });
  return `${out.join('\n')}\n`;
}
