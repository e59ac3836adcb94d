import { describe, expect, it } from 'vitest';
import { parseOrg } from '../../../src/core/urls/parse-org.js';

describe('parseOrg', () => {
  it.each(['acme', 'Acme-Corp', 'a', 'team_42', '9lives', 'a'.repeat(64)])('accepts %s (case kept)', (org) => {
    const r = parseOrg(org);
    expect(r.ok && r.value).toBe(org);
  });

  it.each([
    ['', 'ORG_EMPTY'],
    ['evil.com/', 'ORG_INVALID'],
    ['../x', 'ORG_INVALID'],
    ['a b', 'ORG_INVALID'],
    ['-acme', 'ORG_INVALID'],
    ['_acme', 'ORG_INVALID'],
    ['acme\n', 'ORG_INVALID'],
    ['acme#x', 'ORG_INVALID'],
    ['acme%2f', 'ORG_INVALID'],
    ['аcme', 'ORG_INVALID'], // Cyrillic а
    ['a'.repeat(65), 'ORG_INVALID'],
  ])('rejects %j with %s', (org, code) => {
    const r = parseOrg(org);
    expect(r.ok ? 'OK' : r.code).toBe(code);
  });
});
