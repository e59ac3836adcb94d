import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METADATA_CODES, parseMetadata, validateMetadata, validateMetadataBytes } from '../../../src/core/metadata/index.js';
import { parseFingerprint } from '../../../src/core/cert/fingerprint.js';
import { entityIdFindings, isOktaAdminHost, oktaHostKind } from '../../../src/core/metadata/okta.js';
import { XML_CODES } from '../../../src/core/xml/codes.js';
import { CERT_CODES } from '../../../src/core/cert/codes.js';
import { TEST_CLOCK as NOW } from '../../support/clock.js';

const ACME = readFileSync('fixtures/metadata/valid/okta-acme.xml', 'utf8');
const SIGNED = readFileSync('fixtures/metadata/valid/okta-signed.xml', 'utf8');
const codes = (xml: string, opts = {}) => validateMetadata(xml, { now: NOW, ...opts }).findings.map((f) => f.code);

describe('parseFingerprint (the pin reader metadata uses; never throws)', () => {
  it.each([
    ['aa'.repeat(32), 'sha256'],
    ['AA:'.repeat(31) + 'AA', 'sha256'],
    ['sha256=' + 'ab'.repeat(32), 'sha256'],
    ['ab cd '.repeat(10).trim(), 'sha1'],
    ['ab-'.repeat(19) + 'ab', 'sha1'],
  ])('%s → %s', (pin, alg) => {
    expect(parseFingerprint(pin)?.algorithm).toBe(alg);
  });
  it.each(['', 'zz'.repeat(32), 'AB:CD', 'a'.repeat(63), `sha1:${'ab'.repeat(32)}`])('%j is not a fingerprint', (pin) => {
    expect(parseFingerprint(pin)).toBeUndefined();
  });
  it('an invalid pin given to validateMetadata matches nothing (MD_FINGERPRINT_MISMATCH), never throws', () => {
    expect(codes(ACME, { fingerprints: ['not-a-pin'] })).toContain('MD_FINGERPRINT_MISMATCH');
  });
});

describe('Okta awareness', () => {
  it.each([
    ['dev-1.okta.com', true, 'okta'],
    ['dev-1.oktapreview.com', false, 'oktapreview'],
    ['acme.okta-emea.com', true, 'okta-emea'],
    ['sso.acme.com', true, 'custom'],
    ['login.microsoftonline.com', false, 'not-okta'],
    ['okta.com.evil.example', true, 'custom'],
  ])('%s (Okta entityID: %s) → %s', (host, okta, kind) => {
    expect(oktaHostKind(host, okta)).toBe(kind);
  });
  it('admin hosts', () => {
    expect([isOktaAdminHost('acme-admin.okta.com'), isOktaAdminHost('acme.okta.com'), isOktaAdminHost('x-admin.evil.com')]).toEqual([
      true,
      false,
      false,
    ]);
  });
  it.each([
    ['http://www.okta.com/exk1fcia6d6EMsf2S5d7', 'MD_OKTA_ENTITY_ID', 'info'],
    ['https://www.okta.com/exk1fcia6d6EMsf2S5d7', 'MD_ENTITY_ID_HTTPS_OKTA', 'warning'],
    ['https://acme.okta.com/app/exk1fcia6d6EMsf2S5d7/sso/saml/metadata', 'MD_ENTITY_ID_IS_METADATA_URL', 'error'],
  ])('entityID %s → %s (%s)', (id, code, severity) => {
    expect(entityIdFindings(id).map((f) => [f.code, f.severity])).toEqual([[code, severity]]);
  });
});

describe('validateMetadata', () => {
  it('validUntil without a zone is read as UTC, not local time', () => {
    const at = (v: string, now: string) =>
      validateMetadata(ACME.replace('entityID=', `validUntil="${v}" entityID=`), { now: new Date(now) }).findings.map((f) => f.code);
    expect(at('2026-06-01T00:00:00', '2026-06-01T00:00:00Z')).toContain('MD_VALID_UNTIL_EXPIRED');
    expect(at('2026-06-01T00:00:01', '2026-06-01T00:00:00Z')).toContain('MD_VALID_UNTIL_SOON');
    expect(at('next year', '2026-06-01T00:00:00Z')).toContain('MD_VALID_UNTIL_INVALID');
  });

  it('cacheDuration is reported, and checked as an xs:duration', () => {
    expect(codes(ACME.replace('entityID=', 'cacheDuration="PT1H" entityID='))).toContain('MD_CACHE_DURATION');
    expect(codes(ACME.replace('entityID=', 'cacheDuration="1 hour" entityID='))).toContain('MD_CACHE_DURATION_INVALID');
  });

  it('WantAuthnRequestsSigned must be an xs:boolean', () => {
    expect(codes(ACME.replace('WantAuthnRequestsSigned="false"', 'WantAuthnRequestsSigned="yes"'))).toContain('MD_BOOLEAN_INVALID');
    expect(
      parseMetadata(ACME.replace('WantAuthnRequestsSigned="false"', 'WantAuthnRequestsSigned="1"'), { now: NOW })?.wantAuthnRequestsSigned,
    ).toBe(true);
  });

  it('one binding with two different SSO Locations is an error at the second; a repeat of the same Location is not', () => {
    const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
    const ep = (b: string, l: string) => `<md:SingleSignOnService Binding="${b}" Location="${l}"/>`;
    const withSso = (extra: string) => ACME.replace('</md:IDPSSODescriptor>', `${extra}</md:IDPSSODescriptor>`);
    const url = parseMetadata(ACME, { now: NOW })?.ssoEndpoints.find((e) => e.binding === POST)?.location as string;
    const dup = (xml: string) => validateMetadata(xml, { now: NOW }).findings.filter((f) => f.code === 'MD_SSO_DUPLICATE_BINDING');
    expect(dup(withSso(ep(POST, url)))).toEqual([]);
    const found = dup(withSso(`\n${ep(POST, 'https://evil.example/sso')}`));
    expect(found.map((f) => [f.severity, f.location?.column])).toEqual([['error', 1]]);
    expect(found[0]?.location?.line).toBe(ACME.slice(0, ACME.indexOf('</md:IDPSSODescriptor>')).split('\n').length + 1);
  });

  it('a second IDPSSODescriptor is an error (parsers disagree on which one they use)', () => {
    const idp = /<md:IDPSSODescriptor[\s\S]*<\/md:IDPSSODescriptor>/.exec(ACME)?.[0] ?? '';
    expect(codes(ACME.replace(idp, idp + idp))).toContain('MD_IDP_DESCRIPTOR_MULTIPLE');
  });

  it('namespaces by URI: the same elements under another prefix are read; md bound to another URI is not metadata', () => {
    const other = ACME.replace(/md:/g, 'saml2md:').replace('xmlns:md=', 'xmlns:saml2md=');
    expect(parseMetadata(other, { now: NOW })?.entityId).toBe('http://www.okta.com/exk1fcia6d6EMsf2S5d7');
    expect(codes(ACME.replace('urn:oasis:names:tc:SAML:2.0:metadata', 'urn:evil'))).toEqual(['MD_NOT_METADATA']);
  });

  it('a signed document whose content changed after signing: signatureValid false and an error', () => {
    const r = validateMetadata(SIGNED.replace('acme.okta.com', 'evil.example'), { now: NOW });
    expect(r.signatureValid).toBe(false);
    expect(r.findings.map((f) => f.code)).toContain('XML_SIGNATURE_INVALID');
  });

  it('decoding problems come through validateMetadataBytes as findings', () => {
    expect(validateMetadataBytes(Buffer.from([0xff, 0xfe, 0x3c]), { now: NOW }).findings.map((f) => f.code)).toEqual(['XML_ENCODING']);
  });

  it('never throws, whatever the input (fuzz, hang-guarded)', { timeout: 60_000 }, () => {
    const mutate = fc
      .tuple(fc.nat(ACME.length), fc.nat(40), fc.string({ maxLength: 12 }))
      .map(([at, del, ins]) => ACME.slice(0, at) + ins + ACME.slice(at + del));
    fc.assert(
      fc.property(fc.oneof(fc.string(), mutate, fc.constantFrom('<', '<a', '<?xml', '<!--', ']]>', '\uFEFF')), (xml) => {
        const r = validateMetadata(xml, { now: NOW });
        expect(Array.isArray(r.findings)).toBe(true);
        if (!r.metadata) expect(r.findings.some((f) => f.severity === 'error')).toBe(true);
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});

describe('code catalogues', () => {
  it('every code the fixtures produce is catalogued with a title and help', () => {
    const all = { ...XML_CODES, ...METADATA_CODES, ...CERT_CODES } as Record<string, { title: string; help: string }>;
    const manifest = JSON.parse(readFileSync('fixtures/metadata/manifest.json', 'utf8')) as { invalid: Record<string, string> };
    for (const code of Object.values(manifest.invalid)) expect(all[code]?.title, code).toBeTruthy();
    for (const [code, info] of Object.entries({ ...XML_CODES, ...METADATA_CODES })) {
      expect(code).toMatch(/^(XML|MD)_[A-Z0-9_]+$/);
      expect(info.title.length * info.help.length).toBeGreaterThan(0);
    }
  });
});
