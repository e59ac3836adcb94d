import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { TEST_NOW as NOW } from '../support/clock.js';

/** validate-metadata in-process over our generated fixtures (scripts/fixtures/make-metadata.mjs). */
const FIX = 'fixtures/metadata';
const OKTA_SHA256 = '73:DC:D0:9C:65:52:55:AF:06:F6:39:C3:D4:22:00:6F:75:D3:8F:A9:A0:BF:83:0E:8B:E8:87:40:46:AE:04:53';
const OKTA_SHA1 = '47:DE:87:B8:CE:10:89:B3:63:E7:E9:E3:0B:FA:E8:60:FE:4B:E1:03';
const ROTATION_SHA256 = '55:3A:1A:7F:27:71:0B:53:D8:B9:73:10:3C:4E:B9:D7:1F:DB:1D:CE:71:01:1C:1C:36:53:39:FE:32:E0:2B:53';
const ENTITY = 'http://www.okta.com/exk1fcia6d6EMsf2S5d7';
const SIGNER = 'fixtures/certs/okta-rotation.cert.pem';

interface Json {
  schemaVersion: number;
  source: string;
  entityId: string | null;
  signatureValid?: boolean;
  signatureTrust: string | null;
  metadata: Record<string, unknown> | null;
  certificates: { sha256: string; sha1: string; newest: boolean; notAfter: string; daysLeft: number; index: number }[];
  findings: { code: string; severity: string; location?: { file?: string; line: number; column: number } }[];
  summary: { errors: number; warnings: number; infos: number };
  ok: boolean;
}
async function json(args: string[], opts: Parameters<typeof runCli>[1] = {}): Promise<{ code: number; j: Json; stderr: string }> {
  const r = await runCli(['validate-metadata', ...args, '--json', ...(args.includes('--now') ? [] : ['--now', NOW])], opts);
  return { code: r.code, j: JSON.parse(r.stdout) as Json, stderr: r.stderr };
}
const codes = (j: Json, sev?: string) => j.findings.filter((f) => !sev || f.severity === sev).map((f) => f.code);
const manifest = JSON.parse(readFileSync(`${FIX}/manifest.json`, 'utf8')) as { invalid: Record<string, string> };

describe('fixtures: valid/ exit 0, invalid/ exit 1 with the expected code', () => {
  it.each(readdirSync(`${FIX}/valid`))('valid/%s', async (file) => {
    const { code, j } = await json([`${FIX}/valid/${file}`]);
    expect(codes(j, 'error')).toEqual([]);
    expect([code, j.ok]).toEqual([0, true]);
  });

  it.each(Object.entries(manifest.invalid))('invalid/%s → %s', async (file, expected) => {
    const { code, j } = await json([`${FIX}/invalid/${file}`]);
    expect(codes(j)).toContain(expected);
    expect([code, j.ok]).toEqual([1, false]);
    expect(j.summary.errors).toBeGreaterThan(0);
  });

  it('the manifest covers every invalid fixture', () => {
    expect(Object.keys(manifest.invalid).sort()).toEqual(readdirSync(`${FIX}/invalid`).sort());
  });
});

describe('report contents', () => {
  it('okta-acme: JSON shape and values', async () => {
    const { code, j } = await json([`${FIX}/valid/okta-acme.xml`]);
    expect(code).toBe(0);
    expect(Object.keys(j)).toEqual([
      'schemaVersion',
      'exitCode',
      'source',
      'entityId',
      'signatureTrust',
      'metadata',
      'certificates',
      'findings',
      'summary',
      'ok',
    ]);
    expect(j.schemaVersion).toBe(1);
    expect(j.entityId).toBe(ENTITY);
    expect(j.signatureValid).toBeUndefined();
    expect(j.metadata).toMatchObject({
      entityId: ENTITY,
      oktaEntityId: true,
      idpHost: 'acme.okta.com',
      idpHostKind: 'okta',
      nameIdFormats: ['urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified', 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
      wantAuthnRequestsSigned: false,
      signed: false,
    });
    expect(j.certificates).toHaveLength(1);
    expect(j.certificates[0]).toMatchObject({
      sha256: OKTA_SHA256,
      sha1: OKTA_SHA1,
      notAfter: '2035-01-01T00:00:00.000Z',
      daysLeft: 3136,
      newest: true,
      keyType: 'RSA',
      keySize: 2048,
    });
    expect(j.summary).toEqual({ errors: 0, warnings: 0, infos: codes(j).length });
  });

  it('human report: summary line, certificate table, no colour off a TTY', async () => {
    const r = await runCli(['validate-metadata', `${FIX}/valid/okta-acme.xml`, '--now', NOW]);
    expect(r.code).toBe(0);
    const first = r.stdout.split('\n')[0];
    expect(first).toBe(`${FIX}/valid/okta-acme.xml: ${ENTITY} · IdP host acme.okta.com (okta) · OK (0 errors, 0 warnings)`);
    expect(r.stdout).toContain(OKTA_SHA256);
    expect(r.stdout).toContain('Signing certificates');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('findings carry file:line:col of the offending element', async () => {
    const { j } = await json([`${FIX}/invalid/sso-http.xml`]);
    expect(j.findings.filter((f) => f.code === 'MD_SSO_NOT_HTTPS').map((f) => f.location)).toEqual([
      { file: `${FIX}/invalid/sso-http.xml`, line: 26, column: 5 },
      { file: `${FIX}/invalid/sso-http.xml`, line: 27, column: 5 },
    ]);
  });

  it('rotation: both certs reported, the newest marked', async () => {
    const { j } = await json([`${FIX}/valid/okta-rotation.xml`]);
    expect(j.certificates.map((c) => [c.sha256, c.newest])).toEqual([
      [OKTA_SHA256, false],
      [ROTATION_SHA256, true],
    ]);
    expect(codes(j)).toContain('MD_NEWEST_CERT');
  });

  it('validUntil near → warning; --strict turns it into exit 1', async () => {
    const soon = await json([`${FIX}/valid/okta-valid-until.xml`, '--now', '2026-12-20T00:00:00Z']);
    expect(codes(soon.j, 'warning')).toEqual(['MD_VALID_UNTIL_SOON']);
    expect(soon.code).toBe(0);
    const strict = await json([`${FIX}/valid/okta-valid-until.xml`, '--now', '2026-12-20T00:00:00Z', '--strict']);
    expect(strict.code).toBe(1);
  });

  it('--min-days moves the expiry warning', async () => {
    const near = await json([`${FIX}/valid/okta-acme.xml`, '--now', '2034-12-15T00:00:00Z']);
    expect(codes(near.j, 'warning')).toEqual(['CERT_EXPIRING_SOON']);
    const ten = await json([`${FIX}/valid/okta-acme.xml`, '--now', '2034-12-15T00:00:00Z', '--min-days', '10']);
    expect(codes(ten.j, 'warning')).toEqual([]);
  });
});

describe('pinning and signatures', () => {
  it.each([OKTA_SHA256, OKTA_SHA256.toLowerCase(), OKTA_SHA256.replace(/:/g, ''), OKTA_SHA1, OKTA_SHA1.replace(/:/g, '').toLowerCase()])(
    '--fingerprint %s matches',
    async (pin) => {
      const { code, j } = await json([`${FIX}/valid/okta-acme.xml`, '--fingerprint', pin]);
      expect(codes(j)).toContain('MD_FINGERPRINT_MATCH');
      expect(code).toBe(0);
    },
  );

  it('a fingerprint of another cert is an error (any of several pins may match)', async () => {
    const miss = await json([`${FIX}/valid/okta-acme.xml`, '--fingerprint', ROTATION_SHA256]);
    expect(codes(miss.j, 'error')).toEqual(['MD_FINGERPRINT_MISMATCH']);
    expect(miss.code).toBe(1);
    const either = await json([`${FIX}/valid/okta-acme.xml`, '--fingerprint', ROTATION_SHA256, '--fingerprint', OKTA_SHA256]);
    expect(either.code).toBe(0);
  });

  it('signed document: --signer-cert verifies origin; without it, integrity only', async () => {
    const trusted = await json([`${FIX}/valid/okta-signed.xml`, '--signer-cert', SIGNER]);
    expect([trusted.code, trusted.j.signatureValid, trusted.j.signatureTrust]).toEqual([0, true, 'signer-cert']);
    const embedded = await json([`${FIX}/valid/okta-signed.xml`]);
    expect([embedded.code, embedded.j.signatureValid, embedded.j.signatureTrust]).toEqual([0, true, 'embedded-key-integrity-only']);
    expect(codes(embedded.j)).toContain('MD_SIGNATURE_INTEGRITY_ONLY');
    const wrong = await json([`${FIX}/valid/okta-signed.xml`, '--signer-cert', 'fixtures/certs/okta-like.cert.pem']);
    expect([wrong.code, wrong.j.signatureValid]).toEqual([1, false]);
    expect(codes(wrong.j, 'error')).toEqual(['XML_SIGNATURE_INVALID']);
  });

  it('--require-signature: unsigned → error, signed → ok', async () => {
    const unsigned = await json([`${FIX}/valid/okta-acme.xml`, '--require-signature']);
    expect([unsigned.code, codes(unsigned.j, 'error')]).toEqual([1, ['MD_SIGNATURE_REQUIRED']]);
    const signed = await json([`${FIX}/valid/okta-signed.xml`, '--require-signature', '--signer-cert', SIGNER]);
    expect(signed.code).toBe(0);
    const signerButUnsigned = await json([`${FIX}/valid/okta-acme.xml`, '--signer-cert', SIGNER]);
    expect([signerButUnsigned.code, codes(signerButUnsigned.j, 'error')]).toEqual([1, ['MD_SIGNATURE_REQUIRED']]);
  });

  it('aggregate: --entity-id picks one; a signed aggregate verifies with the signer', async () => {
    const picked = await json([`${FIX}/invalid/aggregate-two-idps.xml`, '--entity-id', ENTITY]);
    expect([picked.code, picked.j.entityId]).toEqual([0, ENTITY]);
    const signed = await json([
      `${FIX}/invalid/aggregate-signed.xml`,
      '--entity-id',
      'http://www.okta.com/exkOTHER0000000000000',
      '--signer-cert',
      SIGNER,
    ]);
    expect([signed.code, signed.j.entityId, signed.j.signatureValid, signed.j.signatureTrust]).toEqual([
      0,
      'http://www.okta.com/exkOTHER0000000000000',
      true,
      'signer-cert',
    ]);
    const unknown = await json([`${FIX}/invalid/aggregate-two-idps.xml`, '--entity-id', 'http://www.okta.com/nope']);
    expect([unknown.code, codes(unknown.j, 'error')]).toEqual([1, ['MD_ENTITY_NOT_FOUND']]);
  });
});

describe('inputs and usage errors', () => {
  const acme = readFileSync(`${FIX}/valid/okta-acme.xml`);

  it('reads stdin with -', async () => {
    const { code, j } = await json(['-'], { stdin: acme });
    expect([code, j.source, j.entityId]).toEqual([0, '<stdin>', ENTITY]);
  });

  it('fetches an https URL (fake fetch), never plain http', async () => {
    const seen: string[] = [];
    const fetch = (async (u: URL | string) => {
      seen.push(String(u));
      return new Response(acme, { status: 200 });
    }) as typeof globalThis.fetch;
    const url = 'https://acme.okta.com/app/exk1fcia6d6EMsf2S5d7/sso/saml/metadata';
    const ok = await json([url], { fetch });
    expect([ok.code, ok.j.entityId, seen]).toEqual([0, ENTITY, [url]]);
    const http = await runCli(['validate-metadata', url.replace('https', 'http')], { fetch });
    expect(http.code).toBe(2);
    expect(seen).toHaveLength(1);
  });

  it.each([
    [['--now', 'yesterday']],
    [['--min-days', 'abc']],
    [['--fingerprint', 'not-a-fingerprint']],
    [['--fingerprint', 'AB:CD']],
    [['--max-size', '0']],
    [['--signer-cert', 'fixtures/certs/does-not-exist.pem']],
    [['--signer-cert', 'fixtures/metadata/manifest.json']],
  ])('%j → exit 2, nothing on stdout', async (extra) => {
    const r = await runCli(['validate-metadata', `${FIX}/valid/okta-acme.xml`, ...extra]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^polyaxon-sso: /);
  });

  it('a missing file → exit 2', async () => {
    const r = await runCli(['validate-metadata', `${FIX}/valid/nope.xml`]);
    expect([r.code, r.stdout]).toEqual([2, '']);
  });
});
