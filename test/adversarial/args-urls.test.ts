import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUnchanged, runGuarded, snapshotDir, tempDir } from '../support/guarded-run.js';

/**
 * Arguments and URLs: host and org are validated as a DNS name / slug before any URL is
 * built (docs/design.md §5), so no injected path, fragment, user info or look-alike ever reaches a URL,
 * and no request is ever made. Each case: exact error code, exit 2, no request, no file changed.
 */
const hostile: [label: string, host: string, code: string][] = [
  ['trailing path "evil.com/x"', 'evil.com/x', 'HOST_INVALID'],
  ['path after host "polyaxon.acme.com/evil.com"', 'polyaxon.acme.com/evil.com', 'HOST_INVALID'],
  ['fragment "evil.com#"', 'evil.com#', 'HOST_INVALID'],
  ['fragment "evil.com#.acme.com"', 'evil.com#.acme.com', 'HOST_INVALID'],
  ['query "evil.com?x=.acme.com"', 'evil.com?x=.acme.com', 'HOST_INVALID'],
  ['user info "user@evil.com"', 'user@evil.com', 'HOST_INVALID'],
  ['user info "polyaxon.acme.com@evil.com"', 'polyaxon.acme.com@evil.com', 'HOST_INVALID'],
  ['traversal "../../etc"', '../../etc', 'HOST_INVALID'],
  ['percent-encoded dots "%2e%2e"', '%2e%2e', 'HOST_INVALID'],
  ['percent-encoded host "evil%2ecom"', 'evil%2ecom', 'HOST_INVALID'],
  ['backslash "evil.com\\\\acme.com"', 'evil.com\\acme.com', 'HOST_INVALID'],
  ['TAB', 'polyaxon.acme.com\tevil.com', 'HOST_INVALID'],
  ['NUL', 'polyaxon.acme.com\0evil.com', 'HOST_INVALID'],
  ['newline', 'polyaxon.acme.com\nevil.com', 'HOST_INVALID'],
  ['CR LF header injection', 'polyaxon.acme.com\r\nX-Evil: 1', 'HOST_INVALID'],
  ['64-character label', `${'a'.repeat(64)}.acme.com`, 'HOST_INVALID'],
  ['over 253 characters', `${Array.from({ length: 5 }, () => 'a'.repeat(60)).join('.')}.com`, 'HOST_INVALID'],
  ['decimal IP "https://2130706433/"', 'https://2130706433/', 'HOST_INVALID'],
  ['hex IP "0x7f.0.0.1"', '0x7f.0.0.1', 'HOST_INVALID'],
  ['octal IP "017.0.0.1"', '017.0.0.1', 'HOST_INVALID'],
  ['short IP "127.1"', '127.1', 'HOST_INVALID'],
  ['javascript: scheme', 'javascript:alert(1)', 'HOST_INVALID'],
  ['file:// scheme', 'file:///etc/passwd', 'HOST_INVALID'],
  ['http without --allow-http', 'http://polyaxon.acme.com', 'HOST_HTTP_NOT_ALLOWED'],
  ['empty host', '', 'HOST_EMPTY'],
  ['port out of range', 'polyaxon.acme.com:65536', 'HOST_INVALID'],
  ['port with leading zero', 'polyaxon.acme.com:0443', 'HOST_INVALID'],
  ['label with underscore', 'evil_host.acme.com', 'HOST_INVALID'],
  ['trailing hyphen label', 'evil-.acme.com', 'HOST_INVALID'],
  ['empty label', 'polyaxon..acme.com', 'HOST_INVALID'],
  ['bad IPv6', '[::g]', 'HOST_INVALID'],
];

describe('urls: hostile --host', () => {
  it.each(hostile)('%s → %s, exit 2, no request', async (_label, host, code) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'values.yaml'), 'hostName: polyaxon.acme.com\n');
    const before = snapshotDir(dir);
    const r = await runGuarded(['urls', '--host', host, '--org', 'acme', '--json'], { cwd: dir });
    expect({ code: r.code, errorCode: r.errorCode }).toEqual({ code: 2, errorCode: code });
    expect(r.stdout).toBe('');
    expect(r.requests).toEqual([]);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace for a user error
    expectUnchanged(before, snapshotDir(dir));
  });
});

const hostileOrgs: [label: string, org: string, code: string][] = [
  ['traversal "../../etc"', '../../etc', 'ORG_INVALID'],
  ['percent-encoded "%2e%2e"', '%2e%2e', 'ORG_INVALID'],
  ['slash "acme/../admin"', 'acme/../admin', 'ORG_INVALID'],
  ['fragment "acme#x"', 'acme#x', 'ORG_INVALID'],
  ['query "acme?next=evil"', 'acme?next=evil', 'ORG_INVALID'],
  ['host "evil.com/"', 'evil.com/', 'ORG_INVALID'],
  ['user info "user@evil.com"', 'user@evil.com', 'ORG_INVALID'],
  ['TAB', 'acme\tx', 'ORG_INVALID'],
  ['NUL', 'acme\0', 'ORG_INVALID'],
  ['newline', 'acme\nx', 'ORG_INVALID'],
  ['Cyrillic look-alike "аcme"', '\u0430cme', 'ORG_INVALID'],
  ['65 characters', 'a'.repeat(65), 'ORG_INVALID'],
  ['leading hyphen', '-acme', 'ORG_INVALID'],
  ['YAML injection ": "', 'acme: x', 'ORG_INVALID'],
  ['YAML anchor "&a"', '&a', 'ORG_INVALID'],
  ['empty', '', 'ORG_EMPTY'],
];

describe('urls: hostile --org', () => {
  it.each(hostileOrgs)('%s → %s, exit 2', async (_label, org, code) => {
    const r = await runGuarded(['urls', '--host', 'polyaxon.acme.com', '--org', org, '--json']);
    expect({ code: r.code, errorCode: r.errorCode }).toEqual({ code: 2, errorCode: code });
    expect(r.stdout).toBe('');
    expect(r.requests).toEqual([]);
  });

  it('a 64-character org is the longest accepted, kept verbatim in the URL path', async () => {
    const org = `A${'b'.repeat(62)}_`;
    const r = await runGuarded(['urls', '--host', 'polyaxon.acme.com', '--org', org, '--json']);
    expect(r.code).toBe(0);
    expect(r.json?.singleSignOnUrl).toBe(`https://polyaxon.acme.com/sso/okta/acs/${org}`);
  });
});

describe('urls: look-alikes and edge hosts that are accepted, but shown for what they are', () => {
  it('Cyrillic "а" inside a Latin label: punycode host, HOST_IDN + HOST_MIXED_SCRIPTS warning', async () => {
    const r = await runGuarded(['urls', '--host', 'polyaxon.\u0430cme.com', '--org', 'acme', '--json']);
    expect(r.code).toBe(0);
    expect(r.json?.host).toBe('polyaxon.xn--cme-5cd.com');
    expect(r.json?.singleSignOnUrl).toBe('https://polyaxon.xn--cme-5cd.com/sso/okta/acs/acme');
    expect((r.json?.findings as { code: string }[]).map((f) => f.code)).toEqual(['HOST_IDN', 'HOST_MIXED_SCRIPTS']);
    expect(r.requests).toEqual([]);
  });

  // Expected punycode computed independently with Python's punycode codec.
  it('an all-Cyrillic label is punycode with HOST_IDN only (no mixing)', async () => {
    const r = await runGuarded(['urls', '--host', '\u0430\u0441\u0435.com', '--org', 'acme', '--json']);
    expect(r.code).toBe(0);
    expect(r.json?.host).toBe('xn--80ak9a.com');
    expect((r.json?.findings as { code: string }[]).map((f) => f.code)).toEqual(['HOST_IDN']);
  });

  it('a 63-character label is the longest accepted', async () => {
    const host = `${'a'.repeat(63)}.acme.com`;
    const r = await runGuarded(['urls', '--host', host, '--org', 'acme', '--json']);
    expect(r.code).toBe(0);
    expect(r.json?.audienceUri).toBe(`https://${host}/sso/okta/metadata/acme`);
  });

  it('upper case host is lower-cased, the org keeps its case', async () => {
    const r = await runGuarded(['urls', '--host', 'PolyAxon.ACME.com', '--org', 'AcMe', '--json']);
    expect(r.json?.singleSignOnUrl).toBe('https://polyaxon.acme.com/sso/okta/acs/AcMe');
  });

  it('a dotted-quad IPv4 with a port is accepted verbatim', async () => {
    const r = await runGuarded(['urls', '--host', '10.0.0.12:8443', '--org', 'acme', '--json']);
    expect(r.json?.singleSignOnUrl).toBe('https://10.0.0.12:8443/sso/okta/acs/acme');
  });
});

describe('urls: hostile host inside --config', () => {
  it.each([
    ['hostName: "evil.com/x"\n', 'HOST_INVALID'],
    ['hostName: "user@evil.com"\n', 'HOST_INVALID'],
    ['ingress:\n  enabled: true\n  hostName: "2130706433"\n', 'HOST_INVALID'],
    ['hostName: "a\\tb.com"\n', 'HOST_INVALID'],
  ])('%j → %s', async (yaml, code) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'values.yaml'), yaml);
    const before = snapshotDir(dir);
    const r = await runGuarded(['urls', '--config', 'values.yaml', '--org', 'acme', '--json'], { cwd: dir });
    expect({ code: r.code, errorCode: r.errorCode }).toEqual({ code: 2, errorCode: code });
    expect(r.requests).toEqual([]);
    expectUnchanged(before, snapshotDir(dir));
  });
});
