import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pemToCertificate, requirePemCertificates } from '../../../src/core/cert/index.js';
import { OperationalError } from '../../../src/core/errors.js';
import { CSR_PATH, readCertPem, readKeyPem } from '../../support/fixture-certs.js';
import { TEST_CLOCK as NOW } from '../../support/clock.js';

const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

describe('pemToCertificate', () => {
  it('reads one certificate with the same details as the metadata path', () => {
    const r = pemToCertificate(readCertPem('okta-like'), { now: NOW });
    expect(r.findings).toEqual([]);
    expect(r.certs).toHaveLength(1);
    expect(r.certs[0]?.cert?.serialNumber).toBe('0193F0A1B2C3');
    expect(r.certs[0]?.cert?.pem).toBe(readCertPem('okta-like'));
  });
  it('reads several blocks in file order, ignoring text around them, CRLF and a BOM', () => {
    const text = `\uFEFFsubject=CN=dev-000000\r\n${readCertPem('okta-like')}\r\nissuer=…\r\n${readCertPem('okta-rotation').replace(/\n/g, '\r\n')}`;
    const r = pemToCertificate(text, { now: NOW });
    expect(r.certs.map((c) => c.cert?.serialNumber)).toEqual(['0193F0A1B2C3', '019A2B3C4D5E']);
    expect(r.findings).toEqual([]);
  });
  it('reports time findings with the file and where the block body starts', () => {
    // okta-like.cert.pem has 22 lines, so the second block's BEGIN line is line 23.
    const text = `${readCertPem('okta-like')}${readCertPem('expired')}`;
    const r = pemToCertificate(text, { now: NOW, file: 'idp.pem' });
    expect(r.findings.map((f) => [f.code, f.location])).toEqual([['CERT_EXPIRED', { file: 'idp.pem', line: 23, column: 28 }]]);
  });
  it('names a private key, a CSR, and bare base64', () => {
    expect(codes(pemToCertificate(readKeyPem('okta-like'), { now: NOW }))).toEqual(['CERT_IS_PRIVATE_KEY']);
    expect(codes(pemToCertificate(readFileSync(CSR_PATH, 'utf8'), { now: NOW }))).toEqual(['CERT_IS_CSR']);
    const bare = readCertPem('rsa1024').replace(/-----[A-Z ]+-----/g, '');
    const r = pemToCertificate(bare, { now: NOW });
    expect(codes(r)).toEqual(['CERT_WEAK_KEY']);
    expect(r.certs[0]?.cert?.keySize).toBe(1024);
  });
  it('reports garbage as not base64', () => {
    expect(codes(pemToCertificate('hello, world', { now: NOW }))).toEqual(['CERT_BASE64_INVALID']);
  });
});

describe('requirePemCertificates', () => {
  const thrown = (fn: () => unknown): unknown => {
    try {
      fn();
    } catch (e) {
      return e;
    }
    return undefined;
  };
  it('returns the details of every certificate, expired ones included (the caller judges time)', () => {
    const certs = requirePemCertificates(`${readCertPem('okta-like')}${readCertPem('expired')}`, { now: NOW });
    expect(certs.map((c) => c.serialNumber)).toEqual(['0193F0A1B2C3', '014A0B0C0D0E']);
  });
  it('throws an input error naming what the file holds instead', () => {
    const e = thrown(() => requirePemCertificates(readKeyPem('okta-like'), { now: NOW, file: 'key.pem' }));
    expect(e).toBeInstanceOf(OperationalError);
    expect(e).toMatchObject({ kind: 'input', code: 'CERT_IS_PRIVATE_KEY', exitCode: 2 });
  });
  it('throws when a block does not decode', () => {
    const broken = readCertPem('okta-like').replace('MIID', 'MIIX');
    expect(thrown(() => requirePemCertificates(broken, { now: NOW }))).toMatchObject({ kind: 'input' });
  });
});
