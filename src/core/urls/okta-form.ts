import { buildSpUrls } from './sp-urls.js';
import type { Host } from './parse-host.js';

/**
 * Every value the admin types into Okta's "Create SAML Integration" form, in the form's order.
 * Attribute names are Okta's usual ones as overridable defaults, not facts (docs/design.md §2).
 */
export interface AttributeNames {
  email: string;
  firstName: string;
  lastName: string;
  /** Group attribute statement name; undefined leaves the statement out. */
  groups?: string;
  /** Okta "Matches regex" filter for the group statement. */
  groupsFilter: string;
}

export const DEFAULT_ATTRIBUTES: AttributeNames = {
  email: 'email',
  firstName: 'firstName',
  lastName: 'lastName',
  groups: 'groups',
  groupsFilter: '.*',
};

export const NAME_ID_EMAIL = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
export const ATTR_NAME_FORMAT_UNSPECIFIED = 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified';

export interface AttributeStatement {
  name: string;
  nameFormat: 'Unspecified';
  value: string;
}

export interface GroupAttributeStatement {
  name: string;
  nameFormat: 'Unspecified';
  filter: 'Matches regex';
  filterValue: string;
}

export interface OktaForm {
  host: string;
  org: string;
  singleSignOnUrl: string;
  useForRecipientAndDestination: true;
  recipientUrl: string;
  destinationUrl: string;
  audienceUri: string;
  nameIdFormat: 'EmailAddress';
  nameIdFormatUrn: string;
  applicationUsername: 'Email';
  attributeStatements: AttributeStatement[];
  groupAttributeStatements: GroupAttributeStatement[];
}

export function buildOktaForm(host: Host, org: string, attrs: AttributeNames = DEFAULT_ATTRIBUTES): OktaForm {
  const { acsUrl, spEntityId } = buildSpUrls(host, org);
  const statement = (name: string, value: string): AttributeStatement => ({ name, nameFormat: 'Unspecified', value });
  return {
    host: host.host,
    org,
    singleSignOnUrl: acsUrl,
    useForRecipientAndDestination: true,
    recipientUrl: acsUrl,
    destinationUrl: acsUrl,
    audienceUri: spEntityId,
    nameIdFormat: 'EmailAddress',
    nameIdFormatUrn: NAME_ID_EMAIL,
    applicationUsername: 'Email',
    attributeStatements: [
      statement(attrs.email, 'user.email'),
      statement(attrs.firstName, 'user.firstName'),
      statement(attrs.lastName, 'user.lastName'),
    ],
    groupAttributeStatements:
      attrs.groups === undefined
        ? []
        : [{ name: attrs.groups, nameFormat: 'Unspecified', filter: 'Matches regex', filterValue: attrs.groupsFilter }],
  };
}
