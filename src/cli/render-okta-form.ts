import { Chalk } from 'chalk';
import type { OktaForm } from '../core/urls/okta-form.js';
import { escapeForTerminal as e } from './escape-terminal.js';

/**
 * The Okta "Create SAML Integration" form as copy-ready text: steps and labels in Okta's own words,
 * each value alone at the end of its line so a triple-click copies exactly the value. Values come
 * from validated input (a parsed host, an org slug, checked attribute names) and are escaped anyway.
 */
export const ATTRIBUTE_NAMES_NOTE =
  "Attribute names are Okta's usual ones (Polyaxon does not publish them): change them with --attr-email, --attr-first-name, --attr-last-name and --attr-groups (--no-groups leaves the group statement out).";

export function renderOktaFormText(form: OktaForm, hostSource: string, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const row = (label: string, value: string) => `   ${label.padEnd(34)}${c.bold(e(value))}`;
  const lines = [
    c.dim(`Polyaxon host ${e(form.host)} (from ${e(hostSource)}), organization ${e(form.org)}`),
    '',
    c.underline('Okta Admin Console → Applications → Create App Integration → SAML 2.0'),
    '',
    '1. General Settings',
    row('App name', 'Polyaxon (any name)'),
    '',
    '2. Configure SAML → SAML Settings',
    row('Single sign-on URL', form.singleSignOnUrl),
    row('', '[x] Use this for Recipient URL and Destination URL'),
    row('Audience URI (SP Entity ID)', form.audienceUri),
    row('Default RelayState', '(leave empty)'),
    row('Name ID format', form.nameIdFormat),
    row('Application username', form.applicationUsername),
    row('Update application username on', 'Create and update'),
    '',
    '3. Attribute Statements (Name / Name format / Value)',
    ...form.attributeStatements.map((a) => `   ${e(a.name).padEnd(20)}${a.nameFormat.padEnd(14)}${c.bold(a.value)}`),
  ];
  if (form.groupAttributeStatements.length > 0) {
    lines.push('', '4. Group Attribute Statements (Name / Name format / Filter)');
    for (const g of form.groupAttributeStatements)
      lines.push(`   ${e(g.name).padEnd(20)}${g.nameFormat.padEnd(14)}${g.filter.padEnd(16)}${c.bold(e(g.filterValue))}`);
  }
  lines.push('', c.dim(`   ${ATTRIBUTE_NAMES_NOTE}`));
  lines.push(
    '',
    `${form.groupAttributeStatements.length > 0 ? 5 : 4}. Finish, then on the Sign On tab open "View IdP metadata", save it, and run:`,
    '   polyaxon-sso validate-metadata okta-metadata.xml',
    '',
  );
  return lines.join('\n');
}
