import { describe, expect, it } from 'vitest';
import { mapUser, maskEmail, maskName } from '../../../src/core/response/user-values.js';

describe('user values', () => {
  it('maps attributes by the configured names; groups only when the statement is expected', () => {
    const attrs = { mail: ['a@b.c'], givenName: ['Ann'], sn: ['Lee'], groups: ['g1', 'g2'] };
    expect(mapUser(attrs, { email: 'mail', firstName: 'givenName', lastName: 'sn', groups: 'groups' })).toEqual({
      email: 'a@b.c',
      firstName: 'Ann',
      lastName: 'Lee',
      groups: ['g1', 'g2'],
    });
    expect(mapUser(attrs, { email: 'email', firstName: 'firstName', lastName: 'lastName' })).toEqual({
      email: null,
      firstName: null,
      lastName: null,
      groups: null,
    });
  });
  it('masks keep the domain and the first character', () => {
    expect([maskEmail('jane.doe@acme.com'), maskEmail('nodomain'), maskName('Émile'), maskName('')]).toEqual([
      'j***@acme.com',
      'n***',
      'É***',
      '',
    ]);
  });
});

describe('the code catalogue', () => {
  it('names every code the response core can emit', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { RESPONSE_CODES } = await import('../../../src/core/response/codes.js');
    const { XML_CODES } = await import('../../../src/core/xml/codes.js');
    const dir = 'src/core/response';
    const used = new Set<string>();
    for (const f of readdirSync(dir)) {
      if (f === 'codes.ts') continue;
      for (const m of readFileSync(`${dir}/${f}`, 'utf8').matchAll(/(?:finding|bad|add|fail)\(\s*'([A-Z][A-Z0-9_]+)'/g))
        used.add(m[1] as string);
      for (const m of readFileSync(`${dir}/${f}`, 'utf8').matchAll(/'((?:DECRYPT|SUBJECT_CONFIRMATION|ASSERTION)_[A-Z_]+)'/g))
        used.add(m[1] as string);
    }
    const known = new Set([...Object.keys(RESPONSE_CODES), ...Object.keys(XML_CODES)]);
    const inputCodes = [
      'CAPTURE_INVALID_JSON',
      'CAPTURE_NO_SAML_RESPONSE',
      'INPUT_BAD_URL_ENCODING',
      'INPUT_NOT_BASE64',
      'INPUT_NOT_SAML',
      'INPUT_TOO_LARGE',
      'METADATA_UNUSABLE',
      'METADATA_NO_SIGNING_CERT',
      'CONFIG_NO_OKTA_XML',
      'CERT_UNDECODABLE',
    ];
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((c) => !known.has(c) && !inputCodes.includes(c))).toEqual([]);
  });
});
