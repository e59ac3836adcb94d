import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXml } from './validate-xml.js';
import { CERTS, ENTITY_ID, MD, SSO_URL, b64, keyDescriptor, metadata, sign } from '../support/xml-fixtures.js';

/**
 * XSW1–XSW8 analogues for metadata (docs/design.md §8): the genuine signed EntityDescriptor is
 * moved around a forged one (wrapped, same ID, in ds:Object, in Extensions, in an aggregate).
 * Values may only come from the element the verified reference covers.
 */
const EVIL = 'http://www.okta.com/exkEVIL';
const EVIL_SSO = 'https://evil.example/sso/saml';
const SIGNER = join(CERTS, 'okta-like.cert.pem');
const check = (xml: string, extra: string[] = ['--signer-cert', SIGNER]) => validateXml(xml, extra);
const signed = (): string => sign(metadata({ id: 'id-good' }));
const inner = (xml: string): string => xml.replace(/^<\?xml[^>]*\?>/, '');
const strip = (xml: string): string => inner(xml).replace(` xmlns:md="${MD}"`, '');

/** The attack succeeded if a forged value is reported next to signatureValid: true. */
function expectNotTrusted(r: Awaited<ReturnType<typeof check>>): void {
  expect(r.code).toBe(1);
  expect(r.json?.signatureValid === true && JSON.stringify(r.json).includes('evil')).toBe(false);
  if (r.json?.signatureValid === true) expect(r.json?.entityId).toBe(ENTITY_ID);
}

describe('metadata signatures: XSW analogues (forged values next to a genuine signature)', () => {
  const good = (): string => signed();
  const evilIdp = (): string =>
    (/<md:IDPSSODescriptor[\s\S]*<\/md:IDPSSODescriptor>/.exec(metadata({ certText: b64('okta-rotation.cert.pem') }))?.[0] ?? '')
      .split(SSO_URL)
      .join(EVIL_SSO);
  const sigOf = (xml: string): string => /<ds:Signature[\s\S]*?<\/ds:Signature>/.exec(xml)?.[0] ?? '';

  it.each([
    // XSW1: forged root wraps the genuine signed EntityDescriptor in Extensions.
    [
      'XSW1 genuine entity inside forged root Extensions',
      'MD_SIGNATURE_REQUIRED',
      () =>
        `<md:EntityDescriptor xmlns:md="${MD}" entityID="${EVIL}" ID="id-evil"><md:Extensions>${strip(good())}</md:Extensions>${evilIdp()}</md:EntityDescriptor>`,
    ],
    // XSW2: forged root reuses the signed ID.
    [
      'XSW2 forged root with the same ID wraps the genuine one',
      'XML_SIGNATURE_NOT_CHILD',
      () =>
        `<md:EntityDescriptor xmlns:md="${MD}" entityID="${EVIL}" ID="id-good"><md:Extensions>${strip(good())}</md:Extensions>${evilIdp()}</md:EntityDescriptor>`,
    ],
    // XSW3: genuine signature moved onto the forged root, genuine entity kept elsewhere.
    [
      'XSW3 genuine Signature on a forged root, genuine entity in Extensions',
      'XML_SIGNATURE_REFERENCE',
      () =>
        `<md:EntityDescriptor xmlns:md="${MD}" entityID="${EVIL}" ID="id-good">${sigOf(good())}<md:Extensions>${strip(good()).replace(sigOf(good()), '')}</md:Extensions>${evilIdp()}</md:EntityDescriptor>`,
    ],
    // XSW4: genuine entity hidden in Signature/Object.
    [
      'XSW4 genuine entity in ds:Object, forged content at the root',
      'XML_SIGNATURE_REFERENCE',
      () => {
        const g = good();
        const sig = sigOf(g);
        const hidden = sig.replace('</ds:Signature>', `<ds:Object>${strip(g).replace(sig, '')}</ds:Object></ds:Signature>`);
        return `<md:EntityDescriptor xmlns:md="${MD}" entityID="${EVIL}" ID="id-good">${hidden}${evilIdp()}</md:EntityDescriptor>`;
      },
    ],
    // XSW5: genuine signed document; forged IDPSSODescriptor appended after signing.
    [
      'XSW5 second (forged) IDPSSODescriptor appended after signing',
      'XML_SIGNATURE_INVALID',
      () => good().replace('</md:EntityDescriptor>', `${evilIdp()}</md:EntityDescriptor>`),
    ],
    // XSW7: attacker cert in Extensions of the signed root (changes signed content).
    [
      'XSW7 attacker cert in Extensions after signing',
      'XML_SIGNATURE_INVALID',
      () => good().replace(/(<md:IDPSSODescriptor)/, `<md:Extensions>${keyDescriptor(b64('okta-rotation.cert.pem'))}</md:Extensions>$1`),
    ],
    // XSW8: genuine entity moved into the forged root's Signature/Object/Extensions nesting with a new Signature.
    [
      'XSW8 forged root, genuine signed entity as a sibling inside an aggregate',
      'MD_SIGNATURE_REQUIRED',
      () =>
        `<md:EntitiesDescriptor xmlns:md="${MD}">${strip(good())}${strip(metadata({ entityId: EVIL, certText: b64('okta-rotation.cert.pem') }))}</md:EntitiesDescriptor>`,
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
    expect(certs.map((c) => c.sha256)).toEqual([
      '73:DC:D0:9C:65:52:55:AF:06:F6:39:C3:D4:22:00:6F:75:D3:8F:A9:A0:BF:83:0E:8B:E8:87:40:46:AE:04:53',
    ]);
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
    const xml = metadata({
      rootFirst: `<md:Extensions><ds:X509Certificate xmlns:ds="http://www.w3.org/2000/09/xmldsig#">${b64('okta-rotation.cert.pem')}</ds:X509Certificate></md:Extensions>`,
    });
    const r = await check(xml, []);
    const certs = (r.json?.certificates ?? []) as { sha256: string }[];
    expect(certs.map((c) => c.sha256)).toEqual([
      '73:DC:D0:9C:65:52:55:AF:06:F6:39:C3:D4:22:00:6F:75:D3:8F:A9:A0:BF:83:0E:8B:E8:87:40:46:AE:04:53',
    ]);
  });
});
