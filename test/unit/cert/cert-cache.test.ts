import { describe, expect, it } from 'vitest';
import { analyzeCertificate, certCacheStats, clearCertCache } from '../../../src/core/cert/index.js';
import { certBase64 } from '../../support/fixture-certs.js';

// Issue 9: aggregates repeat the same certs thousands of times; each distinct cert is parsed once.
describe('certificate cache', () => {
  const b64 = certBase64('okta-like');
  it('parses a repeated certificate once, whatever its line wrapping', () => {
    clearCertCache();
    for (let i = 0; i < 500; i += 1) {
      const wrapped = i % 2 === 0 ? b64 : (b64.match(/.{1,64}/g) ?? []).join('\r\n  ');
      expect(analyzeCertificate(wrapped, { now: new Date('2026-06-01T00:00:00Z') }).cert?.serialNumber).toBe('0193F0A1B2C3');
    }
    expect(certCacheStats()).toEqual({ entries: 1, parses: 1 });
  });
  it("still applies each call's clock, minDays and location to a cached certificate", () => {
    clearCertCache();
    const early = analyzeCertificate(b64, { now: new Date('2026-06-01T00:00:00Z') });
    const late = analyzeCertificate(b64, { now: new Date('2036-06-01T00:00:00Z'), location: { line: 4, column: 2 } });
    const soon = analyzeCertificate(b64, { now: new Date('2034-06-01T00:00:00Z'), minDays: 365 });
    expect(certCacheStats().parses).toBe(1);
    expect(early.findings).toEqual([]);
    expect(late.findings.map((f) => [f.code, f.location])).toEqual([['CERT_EXPIRED', { line: 4, column: 2 }]]);
    expect(late.cert?.daysLeft).toBe(-517);
    expect(soon.findings.map((f) => f.code)).toEqual(['CERT_EXPIRING_SOON']);
  });
  it('does not let a cached hit hide a bad character in another copy', () => {
    clearCertCache();
    analyzeCertificate(b64, { now: new Date('2026-06-01T00:00:00Z') });
    const bad = analyzeCertificate(`${b64.slice(0, 100)}\u00a0${b64.slice(100)}`, { now: new Date('2026-06-01T00:00:00Z') });
    expect(bad.findings.map((f) => f.code)).toEqual(['CERT_BASE64_INVALID']);
  });
  it('returns copies: editing a result does not change the next one', () => {
    clearCertCache();
    const a = analyzeCertificate(certBase64('sha1'), { now: new Date('2026-06-01T00:00:00Z') });
    a.findings[0]!.message = 'edited';
    a.cert!.subject = 'edited';
    const b = analyzeCertificate(certBase64('sha1'), { now: new Date('2026-06-01T00:00:00Z') });
    expect(b.findings[0]?.message).not.toBe('edited');
    expect(b.cert?.subject).not.toBe('edited');
  });
});
