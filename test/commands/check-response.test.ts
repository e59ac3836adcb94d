/**
 * check-response on our own signed responses (fixture keys): the valid one, then each single
 * defect check-response looks for, asserted on exit codes, finding codes and the fixed JSON fields.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { certPath, keyPath } from '../support/fixture-certs.js';
import { runCli } from '../support/run-cli.js';
import { ACS, AUDIENCE, IDP_ENTITY, ISSUED, SP, makeResponse, metadataXml, type ResponseSpec } from '../support/make-response.js';

const dir = mkdtempSync(join(tmpdir(), 'check-response-'));
let n = 0;
export function write(text: string | Buffer, ext = 'xml'): string {
  const p = join(dir, `r${n++}.${ext}`);
  writeFileSync(p, text);
  return p;
}
const META = write(metadataXml(), 'xml');
const BASE = ['--metadata', META, '--host', SP.host, '--org', SP.org, '--now', ISSUED, '--json'];

interface Json {
  schemaVersion: number;
  signatureValid: boolean;
  nameId: string | null;
  signed: string;
  issuer: string | null;
  audience: string | null;
  encrypted: boolean;
  attributes: Record<string, string[]>;
  user: { email: string | null; firstName: string | null; lastName: string | null; groups: string[] | null };
  findings: { code: string; severity: string; location?: { line: number } }[];
  signatures: { on: string; valid: boolean; certIndex: number | null }[];
  summary: { error: number; warning: number; info: number };
  ok: boolean;
}
export async function check(spec: ResponseSpec | string, extra: string[] = [], base = BASE) {
  const file = typeof spec === 'string' ? spec : write(makeResponse(spec));
  const r = await runCli(['check-response', file, ...base, ...extra]);
  const json = (r.stdout.trim().startsWith('{') ? JSON.parse(r.stdout) : undefined) as Json;
  const codes = json ? json.findings.filter((f) => f.severity !== 'info').map((f) => f.code) : [];
  return { ...r, json, codes };
}

describe('check-response: a valid Okta-shaped response', () => {
  it('verifies, reads every value, exits 0', async () => {
    const { code, json, codes } = await check({});
    expect(codes).toEqual([]);
    expect(code).toBe(0);
    expect(json).toMatchObject({
      schemaVersion: 1,
      signatureValid: true,
      nameId: 'jane.doe@acme.com',
      signed: 'both',
      issuer: IDP_ENTITY,
      audience: AUDIENCE,
      encrypted: false,
      ok: true,
    });
    expect(json.user).toEqual({ email: 'jane.doe@acme.com', firstName: 'Jane', lastName: 'Doe', groups: ['ml-team', 'admins'] });
    expect(json.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['IN_RESPONSE_TO', 'NAMEID_FORMAT']));
  });

  it.each([
    [{ signResponse: false }, 'assertion'],
    [{ signAssertion: false }, 'response'],
  ] as [ResponseSpec, string][])('says which element is signed (%j → %s)', async (spec, signed) => {
    const { code, json } = await check(spec);
    expect([code, json.signed, json.signatureValid]).toEqual([0, signed, true]);
  });

  it('accepts a bare signed Assertion document', async () => {
    const { code, json } = await check({ bare: true });
    expect([code, json.signed, json.signatureValid, json.nameId]).toEqual([0, 'assertion', true, 'jane.doe@acme.com']);
  });

  it('trusts every rotation cert, and only those (--idp-cert repeatable)', async () => {
    const file = write(makeResponse({ key: 'okta-rotation' }));
    const both = await check(
      file,
      [],
      [
        '--idp-cert',
        certPath('okta-like'),
        '--idp-cert',
        certPath('okta-rotation'),
        '--host',
        SP.host,
        '--org',
        SP.org,
        '--now',
        ISSUED,
        '--json',
      ],
    );
    expect([both.code, both.json.signatureValid, both.json.signatures.map((s) => s.certIndex)]).toEqual([0, true, [1, 1]]);
    const wrong = await check(
      file,
      [],
      ['--idp-cert', certPath('okta-like'), '--host', SP.host, '--org', SP.org, '--now', ISSUED, '--json'],
    );
    expect([wrong.code, wrong.json.signatureValid]).toEqual([1, false]);
    expect(wrong.codes).toContain('XML_SIGNATURE_INVALID');
  });

  it('takes trust and the host from a deployment config (options.xml, ingress.hostName)', async () => {
    const md = metadataXml().split('\n').join('');
    const cfg = write(
      `ingress:\n  enabled: true\n  hostName: ${SP.host}\nexternalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: |-\n          ${md}\n`,
      'yaml',
    );
    const { code, json } = await check({}, [], ['--config', cfg, '--org', SP.org, '--now', ISSUED, '--json']);
    expect([code, json.signatureValid]).toEqual([0, true]);
  });
});

describe('check-response: each single defect', () => {
  it.each([
    ['status not success', { status: 'urn:oasis:names:tc:SAML:2.0:status:Responder' }, 'RESPONSE_STATUS_NOT_SUCCESS'],
    ['issuer of another app', { issuer: 'http://www.okta.com/exkOTHERAPP' }, 'ASSERTION_ISSUER_MISMATCH'],
    ['audience of another SP', { audience: 'https://polyaxon.acme.com/sso/okta/metadata/other' }, 'AUDIENCE_MISMATCH'],
    ['recipient elsewhere', { recipient: 'https://polyaxon.acme.com/sso/okta/acs/other' }, 'RECIPIENT_MISMATCH'],
    ['destination elsewhere', { destination: 'http://polyaxon.acme.com/sso/okta/acs/acme' }, 'RESPONSE_DESTINATION_MISMATCH'],
    ['expired conditions', { notOnOrAfter: '2026-05-31T23:56:59.000Z' }, 'ASSERTION_EXPIRED'],
    ['not yet valid', { notBefore: '2026-06-01T00:03:01.000Z' }, 'ASSERTION_NOT_YET_VALID'],
    ['expired subject confirmation', { subjectNotOnOrAfter: '2026-05-31T23:50:00.000Z' }, 'SUBJECT_CONFIRMATION_EXPIRED'],
    ['no signature at all', { signAssertion: false, signResponse: false }, 'RESPONSE_UNSIGNED'],
    ['signed with an untrusted key', { key: 'okta-rotation' }, 'XML_SIGNATURE_INVALID'],
    [
      'NameID changed after signing',
      { after: (x: string) => x.replace('>jane.doe@acme.com<', '>admin@acme.com<') },
      'XML_SIGNATURE_INVALID',
    ],
    [
      'a second assertion',
      {
        after: (x: string) =>
          x.replace(
            '</saml2p:Response>',
            `${x.slice(x.indexOf('<saml2:Assertion'), x.indexOf('</saml2:Assertion>') + 18).replace(/id-assertion-1/g, 'evil')}</saml2p:Response>`,
          ),
      },
      'ASSERTION_MULTIPLE',
    ],
    ['a DOCTYPE', { after: (x: string) => x.replace('?>', '?><!DOCTYPE r [<!ENTITY a "b">]>') }, 'XML_DOCTYPE'],
  ] as [string, ResponseSpec, string][])('%s → %s, exit 1', async (_name, spec, want) => {
    const { code, json, codes } = await check(spec);
    expect(code).toBe(1);
    expect(codes).toContain(want);
    expect(json.ok).toBe(false);
  });

  it('an unsigned response never reports signatureValid, though its values are shown', async () => {
    const { json } = await check({ signAssertion: false, signResponse: false });
    expect([json.signatureValid, json.signed, json.nameId]).toEqual([false, 'none', 'jane.doe@acme.com']);
  });

  it('a tampered response keeps signatureValid false even when the other signature passes', async () => {
    const { json } = await check({
      signResponse: true,
      after: (x) => x.replace('Version="2.0"><saml2:Issuer', 'Version="2.0" Consent="x"><saml2:Issuer'),
    });
    expect(json.signatureValid).toBe(false);
    expect(json.signatures.map((s) => [s.on, s.valid])).toEqual([
      ['response', false],
      ['assertion', true],
    ]);
  });

  it('clock skew: 179 s late passes with the default 180 s, fails with --clock-skew 0', async () => {
    const spec = { notOnOrAfter: '2026-05-31T23:57:01.000Z', subjectNotOnOrAfter: '2026-05-31T23:57:01.000Z' };
    expect((await check(spec)).code).toBe(0);
    const strict = await check(spec, ['--clock-skew', '0']);
    expect([...strict.codes].sort()).toEqual(['ASSERTION_EXPIRED', 'SUBJECT_CONFIRMATION_EXPIRED']);
    expect(strict.code).toBe(1);
  });

  it('--audience and --acs-url override the computed SP values', async () => {
    const spec = {
      audience: 'https://proxy.acme.com/saml',
      recipient: 'https://proxy.acme.com/acs',
      destination: 'https://proxy.acme.com/acs',
    };
    expect((await check(spec)).codes).toEqual(
      expect.arrayContaining(['AUDIENCE_MISMATCH', 'RECIPIENT_MISMATCH', 'RESPONSE_DESTINATION_MISMATCH']),
    );
    const over = await check(spec, ['--audience', 'https://proxy.acme.com/saml', '--acs-url', 'https://proxy.acme.com/acs']);
    expect([over.code, over.codes]).toEqual([0, []]);
  });

  it('a missing email attribute is a warning naming the Okta attribute statement', async () => {
    const { code, json, codes } = await check({ attributes: { firstName: ['Jane'], lastName: ['Doe'], groups: ['a'] } });
    expect([code, codes, json.user.email]).toEqual([0, ['ATTRIBUTE_MISSING'], null]);
    expect(json.findings.find((f) => f.code === 'ATTRIBUTE_MISSING')).toMatchObject({
      severity: 'warning',
      hint: expect.stringContaining('Attribute Statement named "email"'),
    });
  });

  it('missing first/last name and groups are warnings; --strict makes them fail', async () => {
    const spec = { attributes: { email: ['jane.doe@acme.com'] } };
    const loose = await check(spec);
    expect([loose.code, loose.codes]).toEqual([0, ['ATTRIBUTE_MISSING', 'ATTRIBUTE_MISSING', 'ATTRIBUTE_MISSING']]);
    expect((await check(spec, ['--strict'])).code).toBe(1);
    expect((await check(spec, ['--no-groups', '--attr-first-name', 'email', '--attr-last-name', 'email'])).codes).toEqual([]);
  });

  it('--attr-email reads another attribute name', async () => {
    const { code, json } = await check({ attributes: { mail: ['j@acme.com'], firstName: ['J'], lastName: ['D'], groups: ['g'] } }, [
      '--attr-email',
      'mail',
    ]);
    expect([code, json.user.email]).toEqual([0, 'j@acme.com']);
  });

  it('reports an IdP-initiated login (no InResponseTo) as information only', async () => {
    const { code, json } = await check({ inResponseTo: null });
    expect(code).toBe(0);
    expect(json.findings.map((f) => f.code)).toContain('IN_RESPONSE_TO_ABSENT');
  });

  it('--redact masks emails and names', async () => {
    const { json, stdout } = await check({}, ['--redact']);
    expect(json.nameId).toBe('j***@acme.com');
    expect(json.user).toMatchObject({ email: 'j***@acme.com', firstName: 'J***', lastName: 'D***' });
    expect(stdout).not.toContain('jane.doe');
  });

  it('a comment injected into NameID after signing: still valid, the FULL NameID, a warning', async () => {
    const { code, json, codes } = await check({
      after: (x) => x.replace('>jane.doe@acme.com</saml2:NameID>', '>jane.doe@<!-- x -->acme.com</saml2:NameID>'),
    });
    expect([json.signatureValid, json.nameId]).toEqual([true, 'jane.doe@acme.com']);
    expect(codes).toEqual(['XML_COMMENT_IN_VALUE']);
    expect(code).toBe(0);
  });
});

describe('check-response: could not run (exit 2)', () => {
  it.each([
    ['no trust source', ['--host', SP.host, '--org', SP.org]],
    ['no host', ['--metadata', META, '--org', SP.org]],
    ['bad --now', ['--metadata', META, '--host', SP.host, '--org', SP.org, '--now', 'yesterday']],
    ['bad --clock-skew', ['--metadata', META, '--host', SP.host, '--org', SP.org, '--clock-skew', '-3']],
    ['missing cert file', ['--idp-cert', join(dir, 'nope.pem'), '--host', SP.host, '--org', SP.org]],
    ['a private key as --idp-cert', ['--idp-cert', keyPath('okta-like'), '--host', SP.host, '--org', SP.org]],
    ['a certificate as --sp-key', ['--metadata', META, '--sp-key', certPath('okta-like'), '--host', SP.host, '--org', SP.org]],
  ])('%s', async (_n, args) => {
    const r = await runCli(['check-response', write(makeResponse()), ...args, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({
      exitCode: 2,
      ok: false,
      error: { message: expect.any(String), hint: expect.any(String) },
    });
    expect(r.stderr).toMatch(/^polyaxon-sso: /);
  });

  it('a config without okta options.xml', async () => {
    const cfg = write('hostName: polyaxon.acme.com\nexternalServices:\n  auth:\n    okta:\n      enabled: true\n', 'yaml');
    const r = await runCli(['check-response', write(makeResponse()), '--config', cfg, '--org', SP.org, '--json']);
    expect([r.code, JSON.parse(r.stdout).error.code]).toEqual([2, 'CONFIG_NO_OKTA_XML']);
    expect(r.stderr).toContain('options.xml');
  });

  it('a missing response file', async () => {
    const r = await runCli(['check-response', join(dir, 'missing.xml'), ...BASE]);
    expect([r.code, JSON.parse(r.stdout).error.code]).toEqual([2, 'INPUT_NOT_FOUND']);
  });
});

describe('check-response: human report', () => {
  it('prints the verdict, the values and the fix hints', async () => {
    const file = write(makeResponse({ audience: 'https://wrong.example.com' }));
    const r = await runCli(['check-response', file, '--metadata', META, '--host', SP.host, '--org', SP.org, '--now', ISSUED]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAILED');
    expect(r.stdout).toContain('AUDIENCE_MISMATCH');
    expect(r.stdout).toContain(`Audience URI (SP Entity ID)" to ${AUDIENCE}`);
    expect(r.stdout).toContain('jane.doe@acme.com');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('colours only when asked (FORCE_COLOR), never with --no-color', async () => {
    const args = ['check-response', write(makeResponse()), '--metadata', META, '--host', SP.host, '--org', SP.org, '--now', ISSUED];
    expect((await runCli(args, { env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
    expect((await runCli(['--no-color', ...args], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('says OK for a good response', async () => {
    const r = await runCli([
      'check-response',
      write(makeResponse()),
      '--metadata',
      META,
      '--host',
      SP.host,
      '--org',
      SP.org,
      '--now',
      ISSUED,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('SAML response check: OK  (0 error(s), 0 warning(s))');
    expect(r.stdout).toContain(ACS);
  });
});
