import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXml } from './validate-xml.js';
import { CERTS, ENTITY_ID, SSO_URL, metadata, sign } from '../support/xml-fixtures.js';

/**
 * Signed metadata under attack (docs/design.md §5/§8): keys, bytes, algorithms, references
 * and IDs. The fixture okta-like key signs; okta-rotation plays the attacker. XSW analogues are in
 * signatures-metadata-xsw.test.ts.
 */
const EVIL = 'http://www.okta.com/exkEVIL';
const SIGNER = join(CERTS, 'okta-like.cert.pem');
const check = (xml: string, extra: string[] = ['--signer-cert', SIGNER]) => validateXml(xml, extra);
const signed = (): string => sign(metadata({ id: 'id-good' }));

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
    const r = await check(
      sign(metadata({ id: 'id-good', entityId: EVIL }), { key: 'okta-rotation.key.pem', cert: 'okta-rotation.cert.pem' }),
    );
    expect(r.code).toBe(1);
    expect(r.codes).toContain('XML_SIGNATURE_INVALID');
    expect(r.json?.signatureValid).toBe(false);
  });

  it('attacker cert in KeyInfo, no --signer-cert: only integrity is claimed, never origin', async () => {
    const r = await check(
      sign(metadata({ id: 'id-good', entityId: EVIL }), { key: 'okta-rotation.key.pem', cert: 'okta-rotation.cert.pem' }),
      [],
    );
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
    [
      'HMAC-SHA1 signature method',
      (x: string) => x.replace(/(SignatureMethod Algorithm=")[^"]+/, '$1http://www.w3.org/2000/09/xmldsig#hmac-sha1'),
    ],
    [
      'HMAC-SHA256 signature method',
      (x: string) => x.replace(/(SignatureMethod Algorithm=")[^"]+/, '$1http://www.w3.org/2001/04/xmldsig-more#hmac-sha256'),
    ],
    ['MD5 digest', (x: string) => x.replace(/(DigestMethod Algorithm=")[^"]+/, '$1http://www.w3.org/2001/04/xmldsig-more#md5')],
    [
      'RSA-MD5 signature method',
      (x: string) => x.replace(/(SignatureMethod Algorithm=")[^"]+/, '$1http://www.w3.org/2001/04/xmldsig-more#rsa-md5'),
    ],
    [
      'XSLT transform',
      (x: string) =>
        x.replace(
          '<ds:Transforms>',
          '<ds:Transforms><ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xslt-19991116"><xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="1.0"/></ds:Transform>',
        ),
    ],
    [
      'XPath transform',
      (x: string) =>
        x.replace(
          '<ds:Transforms>',
          '<ds:Transforms><ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"><ds:XPath>1</ds:XPath></ds:Transform>',
        ),
    ],
    [
      'repeated enveloped transform',
      (x: string) =>
        x.replace('<ds:Transforms>', '<ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>'),
    ],
  ])('%s → XML_SIGNATURE_ALGORITHM', async (_n, edit) => {
    const r = await check(edit(signed()));
    expect(r.code).toBe(1);
    expect(r.codes).toContain('XML_SIGNATURE_ALGORITHM');
    expect(r.json?.signatureValid).toBe(false);
  });

  it('RSA-SHA1 verifies with XML_SIGNATURE_SHA1 as a warning at most', async () => {
    const r = await check(
      sign(metadata({ id: 'id-good' }), {
        signatureAlgorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
        digestAlgorithm: 'http://www.w3.org/2000/09/xmldsig#sha1',
      }),
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
