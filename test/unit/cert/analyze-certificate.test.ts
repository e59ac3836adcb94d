import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyzeCertificate } from '../../../src/core/cert/index.js';
import { certBase64, readCertPem, type FixtureCertName } from '../../support/fixture-certs.js';
import { TEST_CLOCK as NOW } from '../../support/clock.js';

const analyze = (name: FixtureCertName, now = NOW, minDays?: number) => analyzeCertificate(certBase64(name), { now, minDays });
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code).sort();

describe('analyzeCertificate: fields of the Okta-shaped fixture', () => {
  const { cert, findings } = analyze('okta-like');
  it('is clean', () => expect(findings).toEqual([]));
  it('reports subject and issuer in certificate order', () => {
    const dn = 'C=US, ST=California, L=San Francisco, O=Okta, OU=SSOProvider, CN=dev-000000, emailAddress=info@okta.com';
    expect(cert?.subject).toBe(dn);
    expect(cert?.issuer).toBe(dn);
  });
  it('reports the serial as openssl -serial prints it', () => expect(cert?.serialNumber).toBe('0193F0A1B2C3'));
  it('reports validity as ISO and whole days left', () => {
    expect(cert?.notBefore).toBe('2025-01-01T00:00:00.000Z');
    expect(cert?.notAfter).toBe('2035-01-01T00:00:00.000Z');
    // 2026-06-01 → 2035-01-01: 3136 days (8 years incl. 2 leap days, + 214).
    expect(cert?.daysLeft).toBe(3136);
  });
  it('reports key type, size and signature algorithm', () => {
    expect(cert?.keyType).toBe('RSA');
    expect(cert?.keySize).toBe(2048);
    expect(cert?.curve).toBeUndefined();
    expect(cert?.signatureAlgorithm).toBe('sha256WithRSAEncryption');
  });
  it('reports a self-signature that verifies', () => {
    expect(cert?.selfSigned).toBe(true);
    expect(cert?.selfSignatureValid).toBe(true);
  });
  it('reports fingerprints equal to openssl x509 -fingerprint (computed once)', () => {
    expect(cert?.sha256).toBe('73:DC:D0:9C:65:52:55:AF:06:F6:39:C3:D4:22:00:6F:75:D3:8F:A9:A0:BF:83:0E:8B:E8:87:40:46:AE:04:53');
    expect(cert?.sha1).toBe('47:DE:87:B8:CE:10:89:B3:63:E7:E9:E3:0B:FA:E8:60:FE:4B:E1:03');
  });
  it('returns the PEM of the DER as checked', () => {
    expect(cert?.pem).toBe(readCertPem('okta-like'));
    expect(new X509Certificate(cert?.pem ?? '').fingerprint256).toBe(cert?.sha256);
  });
});

describe('analyzeCertificate: one finding per fixture defect', () => {
  it.each([
    ['okta-rotation', []],
    ['expired', ['CERT_EXPIRED']],
    ['not-yet-valid', ['CERT_NOT_YET_VALID']],
    ['rsa1024', ['CERT_WEAK_KEY']],
    ['sha1', ['CERT_SHA1_SIGNATURE']],
    ['md5', ['CERT_MD5_SIGNATURE']],
    ['ec-p256', ['CERT_NON_RSA_KEY']],
    ['ed25519', ['CERT_NON_RSA_KEY']],
    ['dsa', ['CERT_UNSUPPORTED_KEY']],
  ] as const)('%s → %j', (name, expected) => {
    expect(codes(analyze(name))).toEqual([...expected].sort());
  });

  it('gives each defect its severity', () => {
    const sev = (name: FixtureCertName) => analyze(name).findings.map((f) => f.severity);
    expect(sev('expired')).toEqual(['error']);
    expect(sev('not-yet-valid')).toEqual(['error']);
    expect(sev('rsa1024')).toEqual(['error']);
    expect(sev('md5')).toEqual(['error']);
    expect(sev('sha1')).toEqual(['warning']);
    expect(sev('ec-p256')).toEqual(['warning']);
    expect(sev('ed25519')).toEqual(['warning']);
    expect(sev('dsa')).toEqual(['error']);
  });

  it('puts the Okta rotation steps in the weak-key hint', () => {
    const [f] = analyze('rsa1024').findings;
    expect(f?.hint).toContain('SAML Signing Certificates');
    expect(f?.hint).toContain('Generate new certificate');
  });

  it('reports the algorithm of each signed fixture', () => {
    expect(analyze('sha1').cert?.signatureAlgorithm).toBe('sha1WithRSAEncryption');
    expect(analyze('md5').cert?.signatureAlgorithm).toBe('md5WithRSAEncryption');
    expect(analyze('md5').cert?.selfSignatureValid).toBe(true);
    expect(analyze('ec-p256').cert).toMatchObject({
      keyType: 'EC',
      keySize: 256,
      curve: 'P-256',
      signatureAlgorithm: 'ecdsa-with-SHA256',
      selfSignatureValid: true,
    });
    expect(analyze('rsa1024').cert?.keySize).toBe(1024);
    expect(analyze('ed25519').cert).toMatchObject({ keyType: 'Ed25519', signatureAlgorithm: 'ED25519', selfSignatureValid: true });
    expect(analyze('dsa').cert).toMatchObject({ keyType: 'DSA', signatureAlgorithm: 'dsa_with_SHA256', selfSignatureValid: true });
  });

  it('counts days left negative once expired', () => {
    // 2020-01-01 → 2026-06-01 = 2343 days ago.
    expect(analyze('expired').cert?.daysLeft).toBe(-2343);
  });
});

describe('analyzeCertificate: the clock and --min-days', () => {
  const at = (iso: string, minDays?: number) => codes(analyze('okta-like', new Date(iso), minDays));
  it('warns within the default 30 days, not at 30 days', () => {
    expect(at('2034-12-02T00:00:00Z')).toEqual([]); // exactly 30 days left
    expect(at('2034-12-02T00:00:01Z')).toEqual(['CERT_EXPIRING_SOON']);
  });
  it('honours minDays', () => {
    expect(at('2034-10-01T00:00:00Z', 120)).toEqual(['CERT_EXPIRING_SOON']);
    expect(at('2034-10-01T00:00:00Z', 30)).toEqual([]);
    expect(at('2034-12-31T00:00:00Z', 0)).toEqual([]);
  });
  it('includes both ends of the validity period (RFC 5280 §4.1.2.5)', () => {
    expect(at('2035-01-01T00:00:00Z', 0)).toEqual([]);
    expect(at('2035-01-01T00:00:01Z')).toEqual(['CERT_EXPIRED']);
    expect(at('2025-01-01T00:00:00Z')).toEqual([]);
    expect(at('2024-12-31T23:59:59Z')).toEqual(['CERT_NOT_YET_VALID']);
  });
  it('floors days left', () => {
    expect(analyze('okta-like', new Date('2034-12-31T00:00:01Z')).cert?.daysLeft).toBe(0);
    expect(analyze('okta-like', new Date('2034-12-30T23:59:59Z')).cert?.daysLeft).toBe(1);
  });
});

describe('analyzeCertificate: whitespace Okta and others put in the element', () => {
  const b64 = certBase64('okta-like');
  const sha256 = analyze('okta-like').cert?.sha256;
  it.each([
    ['64-column LF wrap', (b64.match(/.{1,64}/g) ?? []).join('\n')],
    ['76-column CRLF wrap', (b64.match(/.{1,76}/g) ?? []).join('\r\n')],
    ['chunks separated by spaces', (b64.match(/.{1,76}/g) ?? []).join(' ')],
    ['tab-indented lines', `\n\t\t${(b64.match(/.{1,64}/g) ?? []).join('\n\t\t')}\n\t`],
    ['leading and trailing blanks', `   ${b64}   `],
  ])('%s', (_, text) => {
    const r = analyzeCertificate(text, { now: NOW });
    expect(r.findings).toEqual([]);
    expect(r.cert?.sha256).toBe(sha256);
  });
});

describe('analyzeCertificate: locations', () => {
  it('attaches the element location to every finding', () => {
    const r = analyzeCertificate(certBase64('expired'), { now: NOW, location: { file: 'idp.xml', line: 12, column: 30 } });
    expect(r.findings[0]?.location).toEqual({ file: 'idp.xml', line: 12, column: 30 });
  });
});
