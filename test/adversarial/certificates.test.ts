import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUnchanged, findingCodes, runGuarded, snapshotDir, tempDir } from '../support/guarded-run.js';
import { b64, metadata, pem } from '../support/xml-fixtures.js';
import { TEST_NOW as NOW } from '../support/clock.js';

/**
 * Certificates where the signing cert belongs (docs/design.md §5): strict base64, one DER per
 * element, decoded length = DER length, and the usual weak or wrong material. Fixture certs from
 * fixtures/certs (README there lists their dates, keys and signature algorithms).
 */

async function withCert(certText: string, extra: string[] = []) {
  const dir = tempDir();
  writeFileSync(join(dir, 'idp.xml'), metadata({ certText }));
  const before = snapshotDir(dir);
  const r = await runGuarded(['validate-metadata', 'idp.xml', '--json', '--now', NOW, ...extra], { cwd: dir });
  expect(r.requests).toEqual([]);
  expectUnchanged(before, snapshotDir(dir));
  return { ...r, codes: findingCodes(r.json?.findings ?? []), certs: (r.json?.certificates ?? []) as { sha256: string }[] };
}

const der = (name: string): Buffer => Buffer.from(b64(name).replace(/\s/g, ''), 'base64');
const wrap = (buf: Buffer): string =>
  buf
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n');
const OKTA_LIKE_SHA256 = '73:DC:D0:9C:65:52:55:AF:06:F6:39:C3:D4:22:00:6F:75:D3:8F:A9:A0:BF:83:0E:8B:E8:87:40:46:AE:04:53';

describe('certificates: what is not one clean certificate is an error, exit 1, no cert pinned', () => {
  const good = b64('okta-like.cert.pem');
  it.each([
    ['junk "!" in base64', `${good.slice(0, 100)}!${good.slice(100)}`, 'CERT_BASE64_INVALID'],
    ['"-" and "_" (base64url) in base64', good.replace(/\+/g, '-').replace(/\//g, '_'), 'CERT_BASE64_INVALID'],
    ['trailing bytes after the DER', wrap(Buffer.concat([der('okta-like.cert.pem'), Buffer.from([0, 0, 0])])), 'CERT_TRAILING_BYTES'],
    ['truncated DER', wrap(der('okta-like.cert.pem').subarray(0, 600)), 'CERT_TRUNCATED'],
    ['two certs in one element', wrap(Buffer.concat([der('okta-like.cert.pem'), der('okta-rotation.cert.pem')])), 'CERT_MULTIPLE'],
    ['two base64 blobs in one element', `${good}\n${b64('okta-rotation.cert.pem')}`, 'CERT_MULTIPLE'],
    ['private key', b64('okta-like.key.pem'), 'CERT_IS_PRIVATE_KEY'],
    ['public key', b64('okta-like.pub.pem'), 'CERT_IS_PUBLIC_KEY'],
    ['CSR', b64('okta-like.csr.pem'), 'CERT_IS_CSR'],
    ['PEM block pasted inside', pem('okta-like.cert.pem'), 'CERT_PEM_BLOCK'],
    ['PEM base64-encoded again', wrap(Buffer.from(pem('okta-like.cert.pem'))), 'CERT_PEM_IN_BASE64'],
    ['placeholder text', 'REPLACE_WITH_ACTUAL_OKTA_SIGNING_CERTIFICATE_BASE64', 'CERT_PLACEHOLDER'],
    ['empty element', '', 'CERT_EMPTY'],
    ['random DER-ish bytes', wrap(Buffer.from([0x30, 0x03, 0x02, 0x01, 0x00])), 'CERT_UNDECODABLE'],
  ])('%s → %s', async (_n, text, code) => {
    const r = await withCert(text);
    expect(r.code).toBe(1);
    expect(r.codes).toContain(code);
    expect(r.certs.map((c) => c.sha256)).not.toContain(OKTA_LIKE_SHA256); // nothing half-read is pinned
  });
});

describe('certificates: valid DER, bad properties', () => {
  it.each([
    ['expired', 'expired.cert.pem', 'CERT_EXPIRED', 1],
    ['not yet valid', 'not-yet-valid.cert.pem', 'CERT_NOT_YET_VALID', 1],
    ['RSA-1024', 'rsa1024.cert.pem', 'CERT_WEAK_KEY', 1],
    ['MD5 signature', 'md5.cert.pem', 'CERT_MD5_SIGNATURE', 1],
    ['SHA-1 signature (a warning)', 'sha1.cert.pem', 'CERT_SHA1_SIGNATURE', 0],
    ['EC key (Okta signs with RSA: a warning)', 'ec-p256.cert.pem', 'CERT_NON_RSA_KEY', 0],
  ])('%s → %s, exit %i', async (_n, file, code, exit) => {
    const r = await withCert(b64(file));
    expect(r.code).toBe(exit);
    expect(r.codes).toContain(code);
  });

  it('SHA-1 signature with --strict → exit 1', async () => {
    const r = await withCert(b64('sha1.cert.pem'), ['--strict']);
    expect(r.code).toBe(1);
  });

  it('expires within --min-days → CERT_EXPIRING_SOON (time is an input)', async () => {
    const r = await withCert(b64('okta-like.cert.pem'), ['--now', '2034-12-20T00:00:00Z']);
    expect(r.codes).toContain('CERT_EXPIRING_SOON');
  });

  it('one flipped bit in the signature of the cert → CERT_SELF_SIGNATURE_INVALID', async () => {
    const d = der('okta-like.cert.pem');
    d[d.length - 5] = (d[d.length - 5] as number) ^ 0x01;
    const r = await withCert(wrap(d));
    expect(r.codes).toContain('CERT_SELF_SIGNATURE_INVALID');
    expect(r.certs.map((c) => c.sha256)).not.toContain(OKTA_LIKE_SHA256);
  });

  it('a clean cert is pinned by its exact SHA-256 (control case)', async () => {
    const r = await withCert(b64('okta-like.cert.pem'), ['--fingerprint', OKTA_LIKE_SHA256]);
    expect(r.code).toBe(0);
    expect(r.certs.map((c) => c.sha256)).toEqual([OKTA_LIKE_SHA256]);
    expect(r.codes).toContain('MD_FINGERPRINT_MATCH');
  });

  it('a pin that does not match → MD_FINGERPRINT_MISMATCH, exit 1', async () => {
    const r = await withCert(b64('okta-rotation.cert.pem'), ['--fingerprint', OKTA_LIKE_SHA256]);
    expect(r.code).toBe(1);
    expect(r.codes).toContain('MD_FINGERPRINT_MISMATCH');
  });
});
