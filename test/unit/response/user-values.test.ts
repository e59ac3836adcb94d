import { describe, expect, it } from 'vitest';
import { mapUser, maskEmail, maskName } from '../../../src/core/response/user-values.js';

describe('user values', () => {
  it('maps attributes by the configured names; groups only when the statement is expected', () => {
    const attrs = { mail: ['a@b.c'], givenName: ['Ann'], sn: ['Lee'], groups: ['g1', 'g2'] };
    expect(mapUser(attrs, { email: 'mail', firstName: 'givenName', lastName: 'sn', groups: 'groups' })).toEqual({ email: 'a@b.c', firstName: 'Ann', lastName: 'Lee', groups: ['g1', 'g2'] });
    expect(mapUser(attrs, { email: 'email', firstName: 'firstName', lastName: 'lastName' })).toEqual({ email: null, firstName: null, lastName: null, groups: null });
  });
  it('masks keep the domain and the first character', () => {
    expect([maskEmail('jane.doe@acme.com'), maskEmail('nodomain'), maskName('Émile'), maskName('')]).toEqual(['j***@acme.com', 'n***', 'É***', '']);
  });
});
