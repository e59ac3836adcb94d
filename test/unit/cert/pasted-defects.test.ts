import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeCertificate } from '../../../src/core/cert/index.js';
import { certBase64, CSR_PATH, pemBody, PUBLIC_KEY_PATH, readCertPem, readKeyPem } from '../../support/fixture-certs.js';
import { TEST_CLOCK as NOW } from '../../support/clock.js';

const run = (text: string) => analyzeCertificate(text, { now: NOW });
const codesOf = (text: string) => run(text).findings.map((f) => f.code);
const b64 = (der: Buffer) => der.toString('base64');
const CERT = certBase64('okta-like');
const DER = Buffer.from(CERT, 'base64');

describe('things pasted where a certificate belongs', () => {
  it('a whole PEM certificate block', () => {
    const r = run(readCertPem('okta-like'));
    expect(r.findings.map((f) => f.code)).toEqual(['CERT_PEM_BLOCK']);
    expect(r.cert).toBeUndefined();
  });
  it('a lone PEM armour line from a partial paste', () => {
    expect(codesOf(`${CERT}\n-----END CERTIFICATE-----`)).toEqual(['CERT_PEM_BLOCK']);
  });
  it('a PEM block base64-encoded again', () => {
    expect(codesOf(Buffer.from(readCertPem('okta-like')).toString('base64'))).toEqual(['CERT_PEM_IN_BASE64']);
  });
  it('a private key as a PEM block', () => expect(codesOf(readKeyPem('okta-like'))).toEqual(['CERT_IS_PRIVATE_KEY']));
  it('a private key as PKCS#8 base64', () => expect(codesOf(pemBody(readKeyPem('okta-like')))).toEqual(['CERT_IS_PRIVATE_KEY']));
  it('a private key as PKCS#1 base64', () => {
    const der = createPrivateKey(readKeyPem('okta-like')).export({ type: 'pkcs1', format: 'der' });
    expect(codesOf(b64(der))).toEqual(['CERT_IS_PRIVATE_KEY']);
  });
  it('an EC private key (SEC1) as base64', () => {
    const der = createPrivateKey(readKeyPem('ec-p256')).export({ type: 'sec1', format: 'der' });
    expect(codesOf(b64(der))).toEqual(['CERT_IS_PRIVATE_KEY']);
  });
  it('an encrypted PKCS#8 private key as base64', () => {
    const der = createPrivateKey(readKeyPem('okta-like')).export({
      type: 'pkcs8',
      format: 'der',
      cipher: 'aes-256-cbc',
      passphrase: 'fixture',
    });
    expect(codesOf(b64(der))).toEqual(['CERT_IS_PRIVATE_KEY']);
  });
  it('a public key (SPKI) as base64 and as PEM', () => {
    const pem = readFileSync(PUBLIC_KEY_PATH, 'utf8');
    expect(codesOf(pemBody(pem))).toEqual(['CERT_IS_PUBLIC_KEY']);
    expect(codesOf(pem)).toEqual(['CERT_IS_PUBLIC_KEY']);
  });
  it('a PKCS#1 RSA public key as base64', () => {
    const der = createPublicKey(readKeyPem('okta-like')).export({ type: 'pkcs1', format: 'der' });
    expect(codesOf(b64(der))).toEqual(['CERT_IS_PUBLIC_KEY']);
  });
  it('a CSR as base64 and as PEM', () => {
    const pem = readFileSync(CSR_PATH, 'utf8');
    expect(codesOf(pemBody(pem))).toEqual(['CERT_IS_CSR']);
    expect(codesOf(pem)).toEqual(['CERT_IS_CSR']);
  });
  it('a PKCS#7 container', () => {
    // ContentInfo { contentType signedData, [0] SEQUENCE { INTEGER 1 } }: the shape is what counts.
    const p7 = Buffer.from('301206092a864886f70d010702a0053003020101', 'hex');
    expect(codesOf(b64(p7))).toEqual(['CERT_IS_PKCS7']);
  });
  it.each([
    'MIIC...',
    'MIIDpDCCAoygAwIBAgIGAWaCVhaGMA0…',
    '<certificate>',
    'REPLACE_ME',
    'YOUR_CERTIFICATE_HERE',
    '${IDP_CERT}',
    'PLACEHOLDER1',
  ])('placeholder %j', (text) => expect(codesOf(text)).toEqual(['CERT_PLACEHOLDER']));
  it('two certificates concatenated (one base64 run)', () => {
    expect(codesOf(b64(Buffer.concat([DER, Buffer.from(certBase64('okta-rotation'), 'base64')])))).toEqual(['CERT_MULTIPLE']);
  });
  it('two certificates concatenated (two padded base64 runs)', () => {
    const two = `${certBase64('ec-p256')}\n${certBase64('okta-rotation')}`;
    expect(certBase64('ec-p256').endsWith('=')).toBe(true); // else this would be the test above
    expect(codesOf(two)).toEqual(['CERT_MULTIPLE']);
  });
  it('trailing bytes after the DER', () => {
    const r = run(b64(Buffer.concat([DER, Buffer.from([0, 0, 0])])));
    expect(r.findings.map((f) => f.code)).toEqual(['CERT_TRAILING_BYTES']);
    expect(r.cert).toBeUndefined();
  });
  it('a certificate cut short', () => {
    expect(codesOf(b64(DER.subarray(0, DER.length - 30)))).toEqual(['CERT_TRUNCATED']);
  });
  it('an empty element', () => {
    expect(codesOf('')).toEqual(['CERT_EMPTY']);
    expect(codesOf(' \n\t ')).toEqual(['CERT_EMPTY']);
  });
  it('bytes that are not DER at all', () =>
    expect(codesOf(b64(Buffer.from('hello world, not a certificate!!')))).toEqual(['CERT_UNDECODABLE']));
  it('a DER SEQUENCE that is not a certificate', () =>
    expect(codesOf(b64(Buffer.from('3003020101', 'hex')))).toEqual(['CERT_UNDECODABLE']));
  it('a certificate with case-flipped base64 (the ADFS "MS" → "ms" defect)', () => {
    const flipped = CERT.replace('MRMw', 'mrmw');
    expect(flipped).not.toBe(CERT);
    expect(codesOf(flipped)).toEqual(['CERT_UNDECODABLE']);
  });
  it('a self-signature that does not verify', () => {
    const bad = Buffer.from(DER);
    bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 0x01;
    const r = run(b64(bad));
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([['CERT_SELF_SIGNATURE_INVALID', 'warning']]);
    expect(r.cert).toMatchObject({ selfSigned: true, selfSignatureValid: false });
  });
});

describe('strict base64', () => {
  it('calls a long text with one bad character invalid base64, not a placeholder', () => {
    expect(codesOf(`${CERT.slice(0, 100)}_your${CERT.slice(100)}`)).toEqual(['CERT_BASE64_INVALID']);
  });
  it('names the first bad character and its position', () => {
    const text = `${CERT.slice(0, 10)}!${CERT.slice(10)}`;
    const [f] = run(text).findings;
    expect(f?.code).toBe('CERT_BASE64_INVALID');
    expect(f?.message).toContain('"!"');
    expect(f?.message).toContain('position 11');
  });
  it('points the location at the bad character, across lines', () => {
    const lines = (CERT.match(/.{1,64}/g) ?? []).map((l) => `    ${l}`);
    lines[2] = `${lines[2]?.slice(0, 9)}-${lines[2]?.slice(10)}`; // url-safe base64 is not base64
    const r = analyzeCertificate(`\n${lines.join('\n')}\n`, { now: NOW, location: { file: 'm.xml', line: 7, column: 25 } });
    expect(r.findings.map((f) => [f.code, f.location])).toEqual([['CERT_BASE64_INVALID', { file: 'm.xml', line: 10, column: 10 }]]);
  });
  it('uses the caller locate() when given', () => {
    const r = analyzeCertificate(`AB%D${CERT}`, { now: NOW, locate: (o) => ({ line: 100, column: o }) });
    expect(r.findings[0]?.location).toEqual({ line: 100, column: 2 });
  });
  it.each([
    ['data after padding', `${CERT.slice(0, -4)}AA==AAAA`],
    ['three padding characters', `${CERT.replace(/=+$/, '')}A===`],
    ['a length not a multiple of 4', CERT.replace(/=+$/, '').slice(0, -1)],
    ['non-canonical final bits', 'MAB='],
    ['a non-ASCII letter', `${CERT.slice(0, 20)}é${CERT.slice(21)}`],
    ['a NUL byte', `${CERT}\u0000`],
    ['a non-breaking space', `${CERT.slice(0, 64)}\u00a0${CERT.slice(64)}`],
  ])('rejects %s', (_, text) => expect(codesOf(text)).toEqual(['CERT_BASE64_INVALID']));
});
