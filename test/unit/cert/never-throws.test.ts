import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeCertificate, pemToCertificate } from '../../../src/core/cert/index.js';
import { certBase64 } from '../../support/fixture-certs.js';
import { TEST_CLOCK as NOW } from '../../support/clock.js';

const DER = Buffer.from(certBase64('okta-like'), 'base64');
/** The contract: a result, never an exception; no certificate means at least one error. */
const wellFormed = (r: ReturnType<typeof analyzeCertificate>) => r.cert !== undefined || r.findings.some((f) => f.severity === 'error');

describe('analyzeCertificate never throws on hostile input', () => {
  it('arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => wellFormed(analyzeCertificate(s, { now: NOW }))),
      { numRuns: 500 },
    );
  }, 10_000);
  it('arbitrary bytes as base64', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (b) =>
        wellFormed(analyzeCertificate(Buffer.from(b).toString('base64'), { now: NOW })),
      ),
      { numRuns: 500 },
    );
  }, 10_000);
  it('a real certificate with bytes changed, cut or extended', () => {
    const mutated = fc.tuple(fc.nat(DER.length - 1), fc.integer({ min: 0, max: 255 }), fc.nat(DER.length + 8)).map(([at, value, cut]) => {
      const b = Buffer.concat([DER, Buffer.alloc(8)]);
      b[at] = value;
      return b.subarray(0, Math.max(cut, 1));
    });
    fc.assert(
      fc.property(mutated, (b) => wellFormed(analyzeCertificate(b.toString('base64'), { now: NOW }))),
      { numRuns: 500 },
    );
  }, 10_000);
  it('arbitrary PEM files', () => {
    const pem = fc.string({ maxLength: 200 }).map((s) => `-----BEGIN CERTIFICATE-----\n${s}\n-----END CERTIFICATE-----\n`);
    fc.assert(
      fc.property(pem, (t) => pemToCertificate(t, { now: NOW }).findings.length + pemToCertificate(t, { now: NOW }).certs.length > 0),
      { numRuns: 300 },
    );
  }, 10_000);
  it('keeps the first-byte change of the DER header an error', () => {
    const b = Buffer.from(DER);
    b[0] = 0x31;
    expect(analyzeCertificate(b.toString('base64'), { now: NOW }).findings.map((f) => f.code)).toEqual(['CERT_UNDECODABLE']);
  });
});
