import type { KnownCode } from '../finding-codes.js';
import { finding, type Finding } from '../findings.js';
import { checkGroupsFilter, inThreadGroupsMatcher } from './groups-filter.js';
import { nearAttributeName } from './near-attribute-name.js';
import type { AssertionValues } from './read-assertion.js';
import { locOf } from './saml-dom.js';
import type { CheckResponseOptions, UserValues } from './types.js';

export const APP_SAML = 'In Okta: Applications → your app → General → SAML Settings → Edit';
const ATTR_FLAG: Record<keyof UserValues, string> = {
  email: '--attr-email',
  firstName: '--attr-first-name',
  lastName: '--attr-last-name',
  groups: '--attr-groups',
};

/** The attributes Polyaxon maps (email, first and last name, groups), as the assertion carries them. */
export function checkAttributes(v: AssertionValues, user: UserValues, opts: CheckResponseOptions): Finding[] {
  const out: Finding[] = [];
  const at = locOf(v.at.assertion, opts.file);
  const add = (code: KnownCode, sev: Finding['severity'], msg: string, hint: string | undefined) =>
    out.push(finding(code, sev, msg, hint, at));
  // Attribute names are Okta's usual ones, overridable defaults, not published facts (docs/design.md §2):
  // a missing one is a warning, so --strict (or CI) decides whether it blocks.
  const names = opts.attributes;
  const want: [keyof UserValues, string | undefined, Finding['severity']][] = [
    ['email', names.email, 'warning'],
    ['firstName', names.firstName, 'warning'],
    ['lastName', names.lastName, 'warning'],
    ['groups', names.groups, 'warning'],
  ];
  for (const [key, name, sev] of want) {
    if (name === undefined || user[key] !== null) continue;
    const statement =
      key === 'groups'
        ? `a Group Attribute Statement named "${name}" (filter: Matches regex ${names.groupsFilter ?? '.*'})`
        : `an Attribute Statement named "${name}" (value user.${key === 'email' ? 'email' : key})`;
    const near = nearAttributeName(name, Object.keys(v.attributes));
    if (near !== undefined)
      add(
        'ATTRIBUTE_MISSING',
        sev,
        `no "${name}" attribute (${key}); did you mean "${near}"? It is present`,
        `Attribute names are case-sensitive: rename the statement to "${name}" in Okta (${APP_SAML} → Attribute Statements), or pass ${ATTR_FLAG[key]} ${near}.`,
      );
    else
      add(
        'ATTRIBUTE_MISSING',
        sev,
        `no "${name}" attribute (${key})`,
        `${APP_SAML} → Attribute Statements: add ${statement}. \`polyaxon-sso urls\` prints them all.`,
      );
  }
  if (user.email !== null && !/^[^@\s]+@[^@\s]+$/.test(user.email))
    add(
      'ATTRIBUTE_EMAIL_INVALID',
      'warning',
      `the "${names.email}" attribute is not an email address`,
      `Map "${names.email}" to user.email in the Okta Attribute Statements.`,
    );
  if (user.groups !== null && names.groupsFilter !== undefined)
    out.push(...checkGroupsFilter(user.groups, names.groupsFilter, opts.matchGroups ?? inThreadGroupsMatcher, at));
  return out;
}
