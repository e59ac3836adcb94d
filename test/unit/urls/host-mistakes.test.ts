/**
 * The host users open Polyaxon at, not an address copied from Okta or one of the SP URLs; a
 * trailing dot is dropped with a note; punycode typed as such is decoded for the look-alike check.
 * The init wizard validates its host prompt with the same parseHost, so it refuses the same inputs.
 */
import { describe, expect, it } from 'vitest';
import { parseHost } from '../../../src/core/urls/parse-host.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/run-cli.js';
import { ISSUED, SP, metadataXml } from '../../support/make-response.js';

const ORG_MSG = "this is your Okta org's address; --host is where your users open Polyaxon";

describe('parseHost refuses Okta addresses', () => {
  it.each([
    'acme.okta.com',
    'https://acme.okta.com',
    'ACME.OKTA.COM.',
    'acme.oktapreview.com',
    'acme.okta-emea.com',
    'acme-admin.okta.com:443',
    'https://acme.okta.com/app/exk1fixture0000000h7/sso/saml/metadata',
    'https://acme.okta.com/app/acme_polyaxon_1/exk1fixture0000000h7/sso/saml',
    'https://login.acme.com/app/acme_polyaxon_1/exk1fixture0000000h7/sso/saml',
    'https://login.acme.com/app/exk1fixture0000000h7/sso/saml/metadata',
  ])('%s → HOST_IS_OKTA', (input) => {
    const r = parseHost(input);
    expect(r.ok ? 'OK' : [r.code, r.message]).toEqual(['HOST_IS_OKTA', ORG_MSG]);
  });

  it('the ACS URL and the SP entity ID name their host', () => {
    const acs = parseHost('https://polyaxon.acme.com/sso/okta/acs/acme');
    expect(acs.ok ? 'OK' : [acs.code, acs.message]).toEqual(['HOST_IS_SP_URL', 'this is the ACS URL; its host is polyaxon.acme.com']);
    expect(acs.ok || acs.hint).toContain('--host polyaxon.acme.com');
    const md = parseHost('polyaxon.acme.com:8443/sso/okta/metadata/acme/');
    expect(md.ok ? 'OK' : md.message).toBe('this is the SP entity ID; its host is polyaxon.acme.com:8443');
  });

  it('a host is echoed in the message only when it looks like one', () => {
    const odd = parseHost('https://polyaxon\u202e.acme.com/sso/okta/acs/acme');
    expect(odd.ok ? 'OK' : [odd.code, odd.message]).toEqual(['HOST_IS_SP_URL', 'this is the ACS URL; pass only its host']);
    const okta = parseHost('acme\u202e.okta.com');
    expect(okta.ok || okta.hint).not.toContain('\u202e');
  });

  it('hosts that merely contain "okta" are fine, and an IdP URL may be on Okta', () => {
    for (const h of ['okta.acme.com', 'polyaxon.notokta.com', 'polyaxon-okta.com']) expect(parseHost(h).ok).toBe(true);
    expect(parseHost('acme.okta.com', { idp: true }).ok).toBe(true);
  });
});

describe('parseHost: trailing dot and punycode', () => {
  it('drops a trailing dot with an info finding', () => {
    const r = parseHost('polyaxon.acme.com.');
    expect(r.ok && [r.value.origin, r.value.findings.map((f) => [f.code, f.severity])]).toEqual([
      'https://polyaxon.acme.com',
      [['HOST_TRAILING_DOT', 'info']],
    ]);
    const port = parseHost('https://Polyaxon.Acme.com.:8443/');
    expect(port.ok && port.value.host).toBe('polyaxon.acme.com:8443');
    expect(parseHost('polyaxon.acme.com..').ok).toBe(false);
    expect(parseHost('.').ok).toBe(false);
  });

  it('decodes xn-- labels before the mixed-script check', () => {
    const spoof = parseHost('xn--pypal-4ve.com'); // pаypal.com with a Cyrillic "а"
    expect(spoof.ok && spoof.value.findings.map((f) => f.code)).toEqual(['HOST_IDN', 'HOST_MIXED_SCRIPTS']);
    expect(spoof.ok && spoof.value.host).toBe('xn--pypal-4ve.com');
    const plain = parseHost('xn--bcher-kva.example'); // bücher: one script
    expect(plain.ok && plain.value.findings.map((f) => f.code)).toEqual(['HOST_IDN']);
  });
});

describe('urls --host with an Okta address', () => {
  it('exits 2 naming the mistake', async () => {
    const r = await runCli(['urls', '--host', 'https://acme.okta.com/app/exk1/sso/saml/metadata', '--org', 'acme']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--host: ${ORG_MSG}`);
    const acs = await runCli(['urls', '--host', 'https://polyaxon.acme.com/sso/okta/acs/acme', '--org', 'acme']);
    expect(acs.code).toBe(2);
    expect(acs.stderr).toContain('this is the ACS URL; its host is polyaxon.acme.com');
  });

  it('the host codes are in the catalogue (explain, docs/findings.md)', async () => {
    for (const code of ['HOST_IS_OKTA', 'HOST_IS_SP_URL', 'HOST_TRAILING_DOT', 'HOST_MIXED_SCRIPTS']) {
      const r = await runCli(['explain', code]);
      expect([code, r.code]).toEqual([code, 0]);
    }
  });

  it('init --host refuses it the same way (one parseHost for urls, init and its prompt)', async () => {
    const r = await runCli([
      'init',
      '--host',
      'acme.oktapreview.com',
      '--org',
      'acme',
      '--config',
      'values.yaml',
      '--metadata',
      'okta.xml',
      '--yes',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(ORG_MSG);
  });

  it("says in one line that the attribute names are Okta's usual ones and how to change them", async () => {
    const r = await runCli(['urls', '--host', 'polyaxon.acme.com.', '--org', 'acme']);
    expect(r.code).toBe(0);
    const note = r.stdout.split('\n').filter((l) => l.includes('Polyaxon does not publish them'));
    expect(note).toHaveLength(1);
    expect(note[0]).toContain('--attr-email');
    expect(r.stdout).toContain('https://polyaxon.acme.com/sso/okta/acs/acme\n');
    expect(r.stderr).toContain('[HOST_TRAILING_DOT]');
  });

  it('init says the same line in its summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'host-mistakes-'));
    writeFileSync(join(dir, 'm.xml'), metadataXml());
    const r = await runCli([
      'init',
      '--config',
      join(dir, 'v.yaml'),
      '--host',
      SP.host,
      '--org',
      SP.org,
      '--metadata',
      join(dir, 'm.xml'),
      '--yes',
      '--create',
      '--now',
      ISSUED,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.includes('Polyaxon does not publish them') && l.includes('--attr-email'))).toHaveLength(1);
  });
});
