import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUnchanged, findingCodes, runGuarded, snapshotDir, tempDir } from './helpers.js';
import { CERTS, ENTITY_ID, MD, SSO_URL, b64, keyDescriptor, metadata, sign } from './xml-fixtures.js';

/**
 * Signed metadata under attack (issue 8, DESIGN.md §5/§8): the fixture okta-like key signs, the
 * fixture okta-rotation key plays the attacker. Values may only come from the element the verified
 * reference covers; XSW1–XSW8 analogues move the signed EntityDescriptor around a forged one.
 */
const NOW = '2026-06-01T00:00:00Z';
const SIGNER = join(CERTS, 'okta-like.cert.pem');
const EVIL = 'http://www.okta.com/exkEVIL';
const EVIL_SSO = 'https://evil.example/sso/saml';

async function check(xml: string, extra: string[] = ['--signer-cert', SIGNER]) {
  const dir = tempDir();
  writeFileSync(join(dir, 'idp.xml'), xml);
  const before = snapshotDir(dir);
  const r = await runGuarded(['validate-metadata', 'idp.xml', '--json', '--now', NOW, ...extra], { cwd: dir });
  expect(r.requests).toEqual([]);
  expectUnchanged(before, snapshotDir(dir));
  return { ...r, codes: findingCodes(r.json?.findings ?? []) };
}

/** The attack succeeded if a forged value is reported next to signatureValid: true. */
function expectNotTrusted(r: Awaited<ReturnType<typeof check>>): void {
  expect(r.code).toBe(1);
  expect(r.json?.signatureValid === true && JSON.stringify(r.json).includes('evil')).toBe(false);
  if (r.json?.signatureValid === true) expect(r.json?.entityId).toBe(ENTITY_ID);
}

const signed = (): string => sign(metadata({ id: 'id-good' }));
const inner = (xml: string): string => xml.replace(/^<\?xml[^>]*\?>/, '');
const strip = (xml: string): string => inner(xml).replace(` xmlns:md="${MD}"`, '');

describe('metadata signatures: control', () => {
  it('a signed document verifies with --signer-cert: signatureValid true, trust signer-cert', async () => {
    const r = await check(signed());
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ signatureValid: true, signatureTrust: 'signer-cert', entityId: ENTITY_ID });
    expect(r.codes).toContain('MD_SIGNATURE_VERIFIED');
  });

  it('URI="" (whole document) verifies too', async () => {
    const r = await check(sign(metadata(), { reference: '' }));
    expect(r.json).toMatchObject({ signatureValid: true, entityId: ENTITY_ID });
  });
});

describe('metadata signatures: keys and bytes', () => {
  it('attacker cert in KeyInfo (signed with another key) → XML_SIGNATURE_INVALID with --signer-cert', async () => {
    const r = await check(sign(metadata({ id: 'id-good', entityId: EVIL }), { key: 'okta-rotation.key.pem', cert: 'okta-rotation.cert.pem' }));
    expect(r.code).toBe(1);
    expect(r.codes).toContain('XML_SIGNATURE_INVALID');
    expect(r.json?.signatureValid).toBe(false);
  });

  it('attacker cert in KeyInfo, no --signer-cert: only integrity is claimed, never origin', async () => {
    const r = await check(sign(metadata({ id: 'id-good', entityId: EVIL }), { key: 'okta-rotation.key.pem', cert: 'okta-rotation.cert.pem' }), []);
    expect(r.json?.signatureTrust).toBe('embedded-key-integrity-only');
    expect(r.codes).toContain('MD_SIGNATURE_INTEGRITY_ONLY');
    expect(r.codes).not.toContain('MD_SIGNATURE_VERIFIED');
  });

  it('one flipped byte in signed content → XML_SIGNATURE_INVALID', async () => {
    const r = await check(signed().replace(SSO_URL, SSO_URL.replace('dev-000000', 'dev-000001')));
    expect(r.code).toBe(1);
    expect(r.codes).toContain('XML_SIGNATURE_INVALID');
    expect(r.json?.signatureValid).toBe(false);
  });

  it('one flipped byte in the certificate inside signed content → XML_SIGNATURE_INVALID', async () => {
    const xml = signed();
    const at = xml.indexOf('<ds:X509Certificate>', xml.indexOf('<md:KeyDescriptor')) + 40;
    const flipped = `${xml.slice(0, at)}${xml[at] === 'A' ? 'B' : 'A'}${xml.slice(at + 1)}`;
    const r = await check(flipped);
    expect(r.codes).toContain('XML_SIGNATURE_INVALID');
    expect(r.json?.signatureValid).toBe(false);
  });

  it('comment in DigestValue → XML_COMMENT_IN_VALUE, not trusted', async () => {
    const xml = signed().replace(/<ds:DigestValue>(.{6})/, '<ds:DigestValue>$1<!-- x -->');
    const r = await check(xml);
    expect(r.code).toBe(1);
    expect(r.codes).toContain('XML_COMMENT_IN_VALUE');
    expect(r.json?.signatureValid).not.toBe(true);
  });

  it('multiple SignedInfo → XML_SIGNATURE_STRUCTURE', async () => {
    const xml = signed();
    const si = /<ds:SignedInfo>[\s\S]*?<\/ds:SignedInfo>/.exec(xml)?.[0] ?? '';
    const r = await check(xml.replace(si, si + si.replace('#id-good', '#id-evil')));
    expect(r.code).toBe(1);
    expect(r.codes).toContain('XML_SIGNATURE_STRUCTURE');
    expect(r.json?.signatureValid).toBe(false);
  });

  it('two Signature children → XML_SIGNATURE_MULTIPLE', async () => {
    const xml = signed();
    const sig = /<ds:Signature[\s\S]*?<\/ds:Signature>/.exec(xml)?.[0] ?? '';
    const r = await check(xml.replace(sig, sig + sig));
    expect(r.code).toBe(1);
    expect(r.codes).toContain('XML_SIGNATURE_MULTIPLE');
  });
});

describe('metadata signatures: algorithms (allow-list)', () => {
  it.each([
    ['HMAC-SHA1 signature method', (x: string) => x.replace(/(SignatureMethod Algorithm=")[^"]+/, '$1http://www.w3.org/2000/09/xmldsig#hmac-sha1')],
    ['HMAC-SHA256 signature method', (x: string) => x.replace(/(SignatureMethod Algorithm=")[^"]+/, '$1http://www.w3.org/2001/04/xmldsig-more#hmac-sha256')],
    ['MD5 digest', (x: string) => x.replace(/(DigestMethod Algorithm=")[^"]+/, '$1http://www.w3.org/2001/04/xmldsig-more#md5')],
    ['RSA-MD5 signature method', (x: string) => x.replace(/(SignatureMethod Algorithm=")[^"]+/, '$1http://www.w3.org/2001/04/xmldsig-more#rsa-md5')],
    [
      'XSLT transform',
      (x: string) => x.replace('<ds:Transforms>', '<ds:Transforms><ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xslt-19991116"><xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="1.0"/></ds:Transform>'),
    ],
    ['XPath transform', (x: string) => x.replace('<ds:Transforms>', '<ds:Transforms><ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"><ds:XPath>1</ds:XPath></ds:Transform>')],
    ['repeated enveloped transform', (x: string) => x.replace('<ds:Transforms>', '<ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>')],
  ])('%s → XML_SIGNATURE_ALGORITHM', async (_n, edit) => {
    const r = await check(edit(signed()));
    expect(r.code).toBe(1);
    expect(r.codes).toContain('XML_SIGNATURE_ALGORITHM');
    expect(r.json?.signatureValid).toBe(false);
  });

  it('RSA-SHA1 verifies with XML_SIGNATURE_SHA1 as a warning at most', async () => {
    const r = await check(
      sign(metadata({ id: 'id-good' }), { signatureAlgorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1', digestAlgorithm: 'http://www.w3.org/2000/09/xmldsig#sha1' }),
    );
    expect(r.code).toBe(0);
    expect(r.codes).toContain('XML_SIGNATURE_SHA1');
    expect(r.json?.signatureValid).toBe(true);
  });
});

describe('metadata signatures: references and IDs', () => {
  it('reference to a non-root element → XML_SIGNATURE_REFERENCE', async () => {
    const base = metadata({ id: 'id-good' }).replace('<md:IDPSSODescriptor ', '<md:IDPSSODescriptor ID="id-idp" ');
    const xml = sign(base, { xpath: "//*[local-name()='IDPSSODescriptor']" });
    const moved = xml; // the signature sits in IDPSSODescriptor; move it to the root to claim the root
    const sig = /<ds:Signature[\s\S]*?<\/ds:Signature>/.exec(moved)?.[0] ?? '';
    const atRoot = moved.replace(sig, '').replace(/(<md:EntityDescriptor[^>]*>)/, `$1${sig}`);
    const r = await check(atRoot);
    expect(r.code).toBe(1);
    expect(r.codes).toContain('XML_SIGNATURE_REFERENCE');
    expect(r.json?.signatureValid).not.toBe(true);
  });

  it('duplicate IDs: ID on the root and Id on another element → XML_SIGNATURE_REFERENCE', async () => {
    const xml = signed().replace('<md:NameIDFormat>', '<md:NameIDFormat Id="id-good">');
    const r = await check(xml);
    expect(r.code).toBe(1);
    expect(r.codes).toContain('XML_SIGNATURE_REFERENCE');
    expect(r.json?.signatureValid).not.toBe(true);
  });

  it('duplicate IDs: ID twice → XML_SIGNATURE_REFERENCE', async () => {
    const xml = signed().replace('<md:IDPSSODescriptor ', '<md:IDPSSODescriptor ID="id-good" ');
    const r = await check(xml);
    expect(r.codes).toContain('XML_SIGNATURE_REFERENCE');
    expect(r.json?.signatureValid).not.toBe(true);
  });
});

describe('metadata signatures: XSW analogues (forged values next to a genuine signature)', () => {
  const good = (): string => signed();
  const evilIdp = (): string =>
    (/<md:IDPSSODescriptor[\s\S]*<\/md:IDPSSODescriptor>/.exec(metadata({ certText: b64('okta-rotation.cert.pem') }))?.[0] ?? '').split(SSO_URL).join(EVIL_SSO);
  const sigOf = (xml: string): string => /<ds:Signature[\s\S]*?<\/ds:Signature>/.exec(xml)?.[0] ?? '';

  it.each([
    // XSW1: forged root wraps the genuine signed EntityDescriptor in Extensions.
    ['XSW1 genuine entity inside forged root Extensions', 'MD_SIGNATURE_REQUIRED', () => `<md:EntityDescriptor xmlns:md="${MD}" entityID="${EVIL}" ID="id-evil"><md:Extensions>${strip(good())}</md:Extensions>${evilIdp()}</md:EntityDescriptor>`],
    // XSW2: forged root reuses the signed ID.
    ['XSW2 forged root with the same ID wraps the genuine one', 'XML_SIGNATURE_NOT_CHILD', () => `<md:EntityDescriptor xmlns:md="${MD}" entityID="${EVIL}" ID="id-good"><md:Extensions>${strip(good())}</md:Extensions>${evilIdp()}</md:EntityDescriptor>`],
    // XSW3: genuine signature moved onto the forged root, genuine entity kept elsewhere.
    [
      'XSW3 genuine Signature on a forged root, genuine entity in Extensions', 'XML_SIGNATURE_REFERENCE',
      () => `<md:EntityDescriptor xmlns:md="${MD}" entityID="${EVIL}" ID="id-good">${sigOf(good())}<md:Extensions>${strip(good()).replace(sigOf(good()), '')}</md:Extensions>${evilIdp()}</md:EntityDescriptor>`,
    ],
    // XSW4: genuine entity hidden in Signature/Object.
    [
      'XSW4 genuine entity in ds:Object, forged content at the root', 'XML_SIGNATURE_REFERENCE',
      () => {
        const g = good();
        const sig = sigOf(g);
        const hidden = sig.replace('</ds:Signature>', `<ds:Object>${strip(g).replace(sig, '')}</ds:Object></ds:Signature>`);
        return `<md:EntityDescriptor xmlns:md="${MD}" entityID="${EVIL}" ID="id-good">${hidden}${evilIdp()}</md:EntityDescriptor>`;
      },
    ],
    // XSW5: genuine signed document; forged IDPSSODescriptor appended after signing.
    ['XSW5 second (forged) IDPSSODescriptor appended after signing', 'XML_SIGNATURE_INVALID', () => good().replace('</md:EntityDescriptor>', `${evilIdp()}</md:EntityDescriptor>`)],
    // XSW7: attacker cert in Extensions of the signed root (changes signed content).
    ['XSW7 attacker cert in Extensions after signing', 'XML_SIGNATURE_INVALID', () => good().replace(/(<md:IDPSSODescriptor)/, `<md:Extensions>${keyDescriptor(b64('okta-rotation.cert.pem'))}</md:Extensions>$1`)],
    // XSW8: genuine entity moved into the forged root's Signature/Object/Extensions nesting with a new Signature.
    [
      'XSW8 forged root, genuine signed entity as a sibling inside an aggregate', 'MD_SIGNATURE_REQUIRED',
      () => `<md:EntitiesDescriptor xmlns:md="${MD}">${strip(good())}${strip(metadata({ entityId: EVIL, certText: b64('okta-rotation.cert.pem') }))}</md:EntitiesDescriptor>`,
    ],
  ])('%s → %s', async (name, code, build) => {
    const extra = name.startsWith('XSW8') ? ['--signer-cert', SIGNER, '--entity-id', EVIL] : undefined;
    const r = await check(build(), extra);
    expectNotTrusted(r);
    expect(r.codes).toContain(code);
    const certs = (r.json?.certificates ?? []) as { sha256: string }[];
    // The attacker's certificate (okta-rotation) is never reported as verified-signed content.
    if (r.json?.signatureValid === true) expect(certs.map((c) => c.sha256).join()).not.toContain('55:3A:1A:7F');
  });

  // XSW6: the Object is outside SignedInfo and removed by the enveloped transform, so the genuine
  // signature still verifies; the attack succeeds only if the smuggled cert is reported.
  it('XSW6 attacker cert in Signature/Object is never reported as a signing cert', async () => {
    const smuggled = `<ds:Object><md:KeyDescriptor xmlns:md="${MD}" use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${b64('okta-rotation.cert.pem')}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor></ds:Object>`;
    const r = await check(good().replace('</ds:Signature>', `${smuggled}</ds:Signature>`));
    const certs = (r.json?.certificates ?? []) as { sha256: string }[];
    expect(certs.map((c) => c.sha256)).toEqual(['73:DC:D0:9C:65:52:55:AF:06:F6:39:C3:D4:22:00:6F:75:D3:8F:A9:A0:BF:83:0E:8B:E8:87:40:46:AE:04:53']);
    expect(r.json?.entityId).toBe(ENTITY_ID);
  });

  it('signature on a Signature elsewhere claiming the root → XML_SIGNATURE_NOT_CHILD', async () => {
    const g = good();
    const sig = sigOf(g);
    const xml = g.replace(sig, '').replace('</md:IDPSSODescriptor>', `${sig}</md:IDPSSODescriptor>`);
    const r = await check(xml);
    expect(r.code).toBe(1);
    expect(r.codes).toContain('XML_SIGNATURE_NOT_CHILD');
  });

  it('attacker cert in Extensions of an unsigned document is never a signing cert', async () => {
    const xml = metadata({ rootFirst: `<md:Extensions><ds:X509Certificate xmlns:ds="http://www.w3.org/2000/09/xmldsig#">${b64('okta-rotation.cert.pem')}</ds:X509Certificate></md:Extensions>` });
    const r = await check(xml, []);
    const certs = (r.json?.certificates ?? []) as { sha256: string }[];
    expect(certs.map((c) => c.sha256)).toEqual(['73:DC:D0:9C:65:52:55:AF:06:F6:39:C3:D4:22:00:6F:75:D3:8F:A9:A0:BF:83:0E:8B:E8:87:40:46:AE:04:53']);
  });
});
