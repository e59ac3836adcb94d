import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateMetadata } from '../../src/core/metadata/validate-metadata.js';
import { oktaLookalike } from '../../src/core/metadata/okta.js';
import { CERTS, DS, b64, keyDescriptor, metadata } from '../support/xml-fixtures.js';
import { TEST_CLOCK as NOW } from '../support/clock.js';

/**
 * Certificates are read where python3-saml reads them, and a pin covers every one of them
 * (docs/design.md, "Read what the consumers read"; SAML metadata §2.4.1.1).
 */
const fp = (name: string, alg: 'sha256' | 'sha1' = 'sha256') =>
  execFileSync('openssl', ['x509', '-in', join(CERTS, name), '-noout', '-fingerprint', `-${alg}`], { encoding: 'utf8' })
    .trim()
    .split('=')[1] as string;
const OKTA = 'okta-like.cert.pem';
const ROTATION = 'okta-rotation.cert.pem';
const run = (xml: string, fingerprints?: string[]) => validateMetadata(xml, { now: NOW, ...(fingerprints ? { fingerprints } : {}) });
const errors = (xml: string, fingerprints?: string[]) =>
  run(xml, fingerprints)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => f.code);
const two = (useA: string | undefined, useB: string | undefined) =>
  metadata({ keyDescriptor: keyDescriptor(b64(OKTA), useA) + keyDescriptor(b64(ROTATION), useB) }).replace(/ use="undefined"/g, '');

describe('a pin covers the whole trust set', () => {
  it('fingerprints equal openssl x509 -fingerprint (SHA-256 and SHA-1)', () => {
    const c = run(metadata()).metadata?.signingCerts[0];
    expect([c?.sha256, c?.sha1]).toEqual([fp(OKTA), fp(OKTA, 'sha1')]);
  });
  it('one pinned signing cert next to an unpinned one is an error, located at the unpinned one', () => {
    const r = run(two('signing', 'signing'), [fp(OKTA)]);
    const mismatch = r.findings.filter((f) => f.code === 'MD_FINGERPRINT_MISMATCH');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]?.message).toContain(fp(ROTATION));
  });
  it('a KeyDescriptor without use signs too: it must be pinned', () => {
    expect(errors(two('signing', undefined), [fp(OKTA)])).toEqual(['MD_FINGERPRINT_MISMATCH']);
  });
  it('both pinned (a rotation): no error', () => {
    expect(errors(two('signing', 'signing'), [fp(OKTA), fp(ROTATION)])).toEqual([]);
  });
  it('an encryption key that is none of the signing keys is a warning when pins are given', () => {
    const r = run(two('signing', 'encryption'), [fp(OKTA)]);
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => f.code)).toEqual(['MD_ENCRYPTION_KEY_UNPINNED']);
    expect(run(two('signing', 'encryption')).findings.map((f) => f.code)).not.toContain('MD_ENCRYPTION_KEY_UNPINNED');
    expect(
      run(metadata({ keyDescriptor: keyDescriptor(b64(OKTA)) + keyDescriptor(b64(OKTA), 'encryption') }), [fp(OKTA)]).findings.map(
        (f) => f.code,
      ),
    ).not.toContain('MD_ENCRYPTION_KEY_UNPINNED');
  });
});

describe('use must be exactly signing, encryption or absent', () => {
  it.each(['signing ', ' signing', 'Signing', 'SIGNING', 'signing encryption', 'encryption signing', '', 'sign', 'encryption '])(
    'use=%j → MD_KEY_USE_INVALID',
    (use) => {
      expect(errors(metadata({ keyDescriptor: keyDescriptor(b64(OKTA)) + keyDescriptor(b64(ROTATION), use) }))).toContain(
        'MD_KEY_USE_INVALID',
      );
    },
  );
});

describe('certificates only at KeyDescriptor/KeyInfo/X509Data/X509Certificate', () => {
  const cert = `<ds:X509Certificate>${b64(ROTATION)}</ds:X509Certificate>`;
  const kd = (inner: string) => `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="${DS}">${inner}</ds:KeyInfo></md:KeyDescriptor>`;
  it.each([
    ['directly in KeyInfo', kd(cert)],
    ['in a nested X509Data', kd(`<ds:X509Data><ds:X509Data>${cert}</ds:X509Data></ds:X509Data>`)],
    ['in another KeyInfo child', kd(`<ds:KeyValue>${cert}</ds:KeyValue>`)],
    ['in X509Data of another namespace', kd(`<x:X509Data xmlns:x="urn:other">${cert}</x:X509Data>`)],
    ['directly in the KeyDescriptor', `<md:KeyDescriptor use="signing" xmlns:ds="${DS}">${cert}</md:KeyDescriptor>`],
  ])('%s → MD_CERT_MISPLACED', (_name, extra) => {
    expect(errors(metadata({ keyDescriptor: keyDescriptor(b64(OKTA)) + extra }))).toContain('MD_CERT_MISPLACED');
  });
  it('two certificates in one X509Data are both signing certs (as python3-saml reads them)', () => {
    const kd2 = `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="${DS}"><ds:X509Data><ds:X509Certificate>${b64(OKTA)}</ds:X509Certificate><ds:X509Certificate>${b64(ROTATION)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
    expect(run(metadata({ keyDescriptor: kd2 })).metadata?.signingCerts.map((c) => c.sha256)).toEqual([fp(OKTA), fp(ROTATION)]);
    expect(errors(metadata({ keyDescriptor: kd2 }), [fp(OKTA)])).toEqual(['MD_FINGERPRINT_MISMATCH']);
  });
});

describe('an SSO host imitating Okta', () => {
  it.each([
    ['dev-1.\u043ekta.com', 'okta.com'],
    ['dev-1.xn--kta-red.com', 'okta.com'],
    ['dev-1.0kta.com', 'okta.com'],
    ['dev-1.okta.co', 'okta.com'],
    ['dev-1.okta.net', 'okta.com'],
    ['dev-1.oktapreveiw.com', 'oktapreview.com'],
    ['dev-1.okta-emea.co', 'okta-emea.com'],
    ['dev-1.okta.com.example.net', 'okta.com'],
  ])('%s imitates %s', (host, domain) => {
    expect(oktaLookalike(new URL(`https://${host}/`).hostname)).toBe(domain);
  });
  it.each([
    'dev-1.okta.com',
    'acme.oktapreview.com',
    'x.okta-emea.com',
    'login.microsoftonline.com',
    'auth.pingone.com',
    'sso.acme.example',
    'accounts.google.com',
    'idp.ssocircle.com',
  ])('%s does not', (host) => {
    expect(oktaLookalike(host)).toBeUndefined();
  });
  it('is a warning in the report', () => {
    const xml = metadata().replace(/dev-000000\.okta\.com/g, 'dev-000000.xn--kta-red.com');
    expect(
      run(xml)
        .findings.filter((f) => f.severity === 'warning')
        .map((f) => f.code),
    ).toContain('MD_OKTA_LOOKALIKE_HOST');
  });
});

describe("certificates are DER with minimal lengths (fingerprints equal OpenSSL's)", () => {
  const der = Buffer.from(b64(OKTA).replace(/\s+/g, ''), 'base64');
  const body = der.subarray(4); // 30 82 LL LL: the outer SEQUENCE in the minimal long form
  it.each([
    ['a non-minimal length (30 83 00 LL LL)', Buffer.concat([Buffer.from([0x30, 0x83, 0x00, der[2] as number, der[3] as number]), body])],
    ['an indefinite length (BER 30 80 … 00 00)', Buffer.concat([Buffer.from([0x30, 0x80]), body, Buffer.from([0, 0])])],
    ['trailing bytes after the certificate', Buffer.concat([der, Buffer.from([0])])],
  ])('%s is refused, nothing pinned from it', (_name, bytes) => {
    const r = run(metadata({ certText: bytes.toString('base64') }), [fp(OKTA)]);
    expect(r.findings.some((f) => f.severity === 'error' && f.code.startsWith('CERT_'))).toBe(true);
    expect(r.metadata?.signingCerts ?? []).toEqual([]);
  });
});
