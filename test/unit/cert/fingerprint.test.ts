import { describe, expect, it } from 'vitest';
import { OperationalError } from '../../../src/core/errors.js';
import { analyzeCertificate, matchesFingerprint, normalizeFingerprint, parseFingerprint } from '../../../src/core/cert/index.js';
import { TEST_CLOCK } from '../../support/clock.js';
import { certBase64 } from '../../support/fixture-certs.js';

// `openssl x509 -noout -fingerprint -sha256 / -sha1` of fixtures/certs/okta-like.cert.pem.
const SHA256 = '73:DC:D0:9C:65:52:55:AF:06:F6:39:C3:D4:22:00:6F:75:D3:8F:A9:A0:BF:83:0E:8B:E8:87:40:46:AE:04:53';
const SHA1 = '47:DE:87:B8:CE:10:89:B3:63:E7:E9:E3:0B:FA:E8:60:FE:4B:E1:03';
const cert = analyzeCertificate(certBase64('okta-like'), { now: TEST_CLOCK }).cert!;
const rotation = analyzeCertificate(certBase64('okta-rotation'), { now: TEST_CLOCK }).cert!;

describe('normalizeFingerprint', () => {
  it.each([
    ['Okta form', SHA256],
    ['lower case', SHA256.toLowerCase()],
    ['no colons', SHA256.replace(/:/g, '')],
    ['spaces', SHA256.replace(/:/g, ' ')],
    ['openssl output', `sha256 Fingerprint=${SHA256}`],
    ['SHA-256 prefix', `SHA-256: ${SHA256.replace(/:/g, '').toLowerCase()}`],
    ['surrounding blanks', `  ${SHA256}\n`],
    ['dashes', SHA256.replace(/:/g, '-')],
  ])('SHA-256 in %s', (_, input) => expect(normalizeFingerprint(input)).toEqual({ algorithm: 'sha256', value: SHA256 }));

  it.each([SHA1, SHA1.toLowerCase().replace(/:/g, ''), `SHA1 Fingerprint=${SHA1}`])('SHA-1 %s', (input) => {
    expect(normalizeFingerprint(input)).toEqual({ algorithm: 'sha1', value: SHA1 });
  });

  it.each([
    ['empty', ''],
    ['too short', 'AB:CD:EF'],
    ['between lengths', SHA256.slice(0, 50)],
    ['a non-hex digit', SHA256.replace(/^73/, '7G')],
    ['a base64 fingerprint', 'c9zQnGVSVa8G9jnD1CIAb3XTj6mgv4MOi+iHQEauBFM='],
    ['a prefix that contradicts the length', `sha1:${SHA256}`],
  ])('rejects %s with a usage error', (_, input) => {
    let err: unknown;
    try {
      normalizeFingerprint(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OperationalError);
    expect(err).toMatchObject({ kind: 'usage', code: 'FINGERPRINT_INVALID', exitCode: 2 });
  });
});

describe('parseFingerprint (same reader, never throws)', () => {
  it('gives what normalizeFingerprint gives for a valid pin', () => {
    for (const p of [SHA256, SHA1, `sha256 Fingerprint=${SHA256}`]) expect(parseFingerprint(p)).toEqual(normalizeFingerprint(p));
  });
  it.each(['', 'AB:CD:EF', SHA256.slice(0, 50), SHA256.replace(/^73/, '7G'), `sha1:${SHA256}`])('%j → undefined', (input) => {
    expect(parseFingerprint(input)).toBeUndefined();
  });
});

describe('matchesFingerprint', () => {
  it('matches the cert by SHA-256 or SHA-1, in any accepted form', () => {
    expect(cert.sha256).toBe(SHA256);
    expect(matchesFingerprint(cert, SHA256)).toBe(true);
    expect(matchesFingerprint(cert, SHA1.replace(/:/g, '').toLowerCase())).toBe(true);
    expect(matchesFingerprint(cert, normalizeFingerprint(SHA256))).toBe(true);
  });
  it('does not match another cert', () => {
    expect(matchesFingerprint(rotation, SHA256)).toBe(false);
    expect(matchesFingerprint(rotation, SHA1)).toBe(false);
  });
  it('a text that is not a fingerprint matches nothing (no throw)', () => {
    expect(matchesFingerprint(cert, 'AB:CD')).toBe(false);
  });
  it('does not match a SHA-1 pin against the SHA-256 digest prefix', () => {
    expect(matchesFingerprint(cert, SHA256.slice(0, 59))).toBe(false);
  });
});
