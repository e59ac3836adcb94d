import { describe, expect, it } from 'vitest';
import { DerError, readOid, readTime, readTlv } from '../../../src/core/cert/der.js';
import { readSignatureAlgorithm } from '../../../src/core/cert/signature-algorithms.js';

const hex = (h: string) => Buffer.from(h.replace(/\s/g, ''), 'hex');
const time = (tag: number, s: string) => {
  const der = Buffer.concat([Buffer.from([tag, s.length]), Buffer.from(s, 'latin1')]);
  return readTime(der, readTlv(der, 0)).toISOString();
};

describe('DER reader', () => {
  it('reads short and long lengths and flags truncation', () => {
    expect(readTlv(hex('3003020101'), 0)).toEqual({ tag: 0x30, start: 0, contentStart: 2, end: 5, truncated: false });
    expect(readTlv(hex('30820100'), 0)).toMatchObject({ contentStart: 4, end: 260, truncated: true });
  });
  it.each([
    ['indefinite length', '3080'],
    ['a length of more than 4 bytes', '3085'],
    ['a missing length byte', '30'],
    ['a multi-byte tag', '1f8101'],
  ])('rejects %s', (_, h) => expect(() => readTlv(hex(h), 0)).toThrow(DerError));
  it('reads OIDs', () => {
    const der = hex('06092a864886f70d01010b');
    expect(readOid(der, readTlv(der, 0))).toBe('1.2.840.113549.1.1.11');
  });
  it('reads UTCTime with the RFC 5280 pivot and GeneralizedTime', () => {
    expect(time(0x17, '491231235959Z')).toBe('2049-12-31T23:59:59.000Z');
    expect(time(0x17, '500101000000Z')).toBe('1950-01-01T00:00:00.000Z');
    expect(time(0x18, '21140321150346Z')).toBe('2114-03-21T15:03:46.000Z');
    expect(time(0x18, '20350101000000.5Z')).toBe('2035-01-01T00:00:00.000Z');
    expect(() => time(0x17, '3501010000Z+0100')).toThrow(DerError);
  });
});

describe('signature algorithm names', () => {
  const alg = (h: string) => {
    const der = hex(h);
    return readSignatureAlgorithm(der, readTlv(der, 0));
  };
  it('names RSA PKCS#1 v1.5 algorithms as OpenSSL does, with their strength', () => {
    expect(alg('300d06092a864886f70d01010b0500')).toEqual({
      oid: '1.2.840.113549.1.1.11',
      name: 'sha256WithRSAEncryption',
      strength: 'ok',
    });
    expect(alg('300d06092a864886f70d0101050500')).toMatchObject({ name: 'sha1WithRSAEncryption', strength: 'sha1' });
    expect(alg('300d06092a864886f70d0101040500')).toMatchObject({ name: 'md5WithRSAEncryption', strength: 'broken' });
    expect(alg('300d06092a864886f70d0101020500')).toMatchObject({ name: 'md2WithRSAEncryption', strength: 'broken' });
  });
  it('reads the hash of RSASSA-PSS from its parameters (default SHA-1, RFC 4055 §3.1)', () => {
    expect(alg('300b06092a864886f70d01010a')).toMatchObject({ name: 'rsassaPss(sha1)', strength: 'sha1' });
    // params: SEQ { [0] { SEQ { OID sha256 } } }
    expect(alg('301c06092a864886f70d01010a300fa00d300b0609608648016503040201')).toMatchObject({
      name: 'rsassaPss(sha256)',
      strength: 'ok',
    });
  });
  it('falls back to the dotted OID for unknown algorithms', () => {
    expect(alg('3003060100')).toMatchObject({ name: '0.0', strength: 'ok' });
  });
});
