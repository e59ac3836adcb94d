import { describe, expect, it } from 'vitest';
import { buildOktaForm, DEFAULT_ATTRIBUTES } from '../../../src/core/urls/okta-form.js';
import { parseHost } from '../../../src/core/urls/parse-host.js';
import { buildSpUrls } from '../../../src/core/urls/sp-urls.js';
import { str } from '../../../src/core/urls/terraform.js';

const host = (s: string) => {
  const r = parseHost(s, { allowHttp: true });
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('buildSpUrls', () => {
  it.each([
    ['polyaxon.acme.com', 'acme', 'https://polyaxon.acme.com/sso/okta/acs/acme', 'https://polyaxon.acme.com/sso/okta/metadata/acme'],
    [
      'https://polyaxon.acme.com/',
      'Acme',
      'https://polyaxon.acme.com/sso/okta/acs/Acme',
      'https://polyaxon.acme.com/sso/okta/metadata/Acme',
    ],
    ['10.0.0.1:8443', 'x', 'https://10.0.0.1:8443/sso/okta/acs/x', 'https://10.0.0.1:8443/sso/okta/metadata/x'],
    ['http://localhost:8000', 'lab', 'http://localhost:8000/sso/okta/acs/lab', 'http://localhost:8000/sso/okta/metadata/lab'],
  ])('%s + %s', (h, org, acs, entity) => {
    expect(buildSpUrls(host(h), org)).toEqual({ acsUrl: acs, spEntityId: entity });
  });
});

describe('buildOktaForm', () => {
  it('uses the ACS URL for Recipient and Destination and Okta default attribute names', () => {
    const form = buildOktaForm(host('polyaxon.acme.com'), 'acme');
    expect(form.recipientUrl).toBe(form.singleSignOnUrl);
    expect(form.destinationUrl).toBe(form.singleSignOnUrl);
    expect(form.attributeStatements.map((a) => [a.name, a.value])).toEqual([
      ['email', 'user.email'],
      ['firstName', 'user.firstName'],
      ['lastName', 'user.lastName'],
    ]);
    expect(form.groupAttributeStatements).toEqual([
      { name: 'groups', nameFormat: 'Unspecified', filter: 'Matches regex', filterValue: '.*' },
    ]);
  });

  it('leaves the group statement out when no groups name is given', () => {
    const { groups: _omit, ...noGroups } = DEFAULT_ATTRIBUTES;
    expect(buildOktaForm(host('a.example'), 'acme', noGroups).groupAttributeStatements).toEqual([]);
  });
});

describe('terraform string literal', () => {
  it.each([
    ['plain', '"plain"'],
    ['${user.userName}', '"$${user.userName}"'],
    ['%{if}', '"%%{if}"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['line\nbreak', '"line\\nbreak"'],
  ])('%j → %s', (input, out) => expect(str(input)).toBe(out));
});
