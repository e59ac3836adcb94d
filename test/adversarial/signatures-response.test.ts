import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUnchanged, findingCodes, runGuarded, snapshotDir, tempDir } from '../support/guarded-run.js';
import { HOST, assertion, metadata, response, sign, signAssertion, signedResponse } from '../support/xml-fixtures.js';
import { TEST_NOW as NOW } from '../support/clock.js';

/**
 * Captured SAML responses under attack, through `check-response` (docs/design.md §5/§8).
 * The fixture okta-like key is Okta's; okta-rotation plays the attacker. The fixed JSON fields:
 * `signatureValid` (true only when every value reported comes from an element covered by a
 * signature that verified with a trusted cert) and `nameId` (full text, comments ignored).
 */
const ATTACKER = { key: 'okta-rotation.key.pem', cert: 'okta-rotation.cert.pem' };

async function check(resp: string) {
  const dir = tempDir();
  writeFileSync(join(dir, 'idp.xml'), metadata());
  writeFileSync(join(dir, 'resp.xml'), resp);
  const before = snapshotDir(dir);
  const r = await runGuarded(
    ['check-response', 'resp.xml', '--metadata', 'idp.xml', '--host', HOST, '--org', 'acme', '--json', '--now', NOW],
    { cwd: dir },
  );
  expect(r.requests).toEqual([]);
  expectUnchanged(before, snapshotDir(dir));
  return { ...r, codes: findingCodes(r.json?.findings ?? []) };
}

/**
 * The attack failed: exit 1 and signatureValid false. (Values of an unverified response may still
 * be shown for diagnosis; signatureValid says they are not to be trusted, docs/design.md §8.)
 */
function expectRejected(r: Awaited<ReturnType<typeof check>>): void {
  expect(r.code).toBe(1);
  expect(r.json?.signatureValid).toBe(false);
}

const sigOf = (xml: string, n = 0): string => [...xml.matchAll(/<ds:Signature[\s\S]*?<\/ds:Signature>/g)][n]?.[0] ?? '';
const evilAssertion = (id = 'id-evil') => assertion({ nameId: 'evil@evil.example', assertionId: id });

describe('responses: control', () => {
  it('Okta-shaped response, both signed → signatureValid true, nameId, exit 0', async () => {
    const r = await check(signedResponse());
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ schemaVersion: 1, signatureValid: true, nameId: 'alice@acme.com' });
  });

  it('only the assertion signed → still valid (Okta default)', async () => {
    const r = await check(signAssertion(response()));
    expect(r.code).toBe(0);
    expect(r.json?.signatureValid).toBe(true);
  });
});

describe('responses: keys, bytes, algorithms', () => {
  it('signed with an attacker key whose cert is in KeyInfo → rejected', async () => {
    const r = await check(signedResponse({ nameId: 'evil@evil.example' }, ATTACKER));
    expectRejected(r);
    expect(r.codes).toContain('XML_SIGNATURE_INVALID');
  });

  it('unsigned response → RESPONSE_UNSIGNED', async () => {
    const r = await check(response(evilAssertion()));
    expectRejected(r);
    expect(r.codes).toContain('RESPONSE_UNSIGNED');
  });

  it('one flipped byte in the signed NameID → rejected (XML_SIGNATURE_INVALID)', async () => {
    const r = await check(signedResponse().replace('alice@acme.com</saml2:NameID>', 'alicf@acme.com</saml2:NameID>'));
    expectRejected(r);
    expect(r.codes).toContain('XML_SIGNATURE_INVALID');
  });

  it('multiple SignedInfo → XML_SIGNATURE_STRUCTURE', async () => {
    const xml = signedResponse();
    const si = /<ds:SignedInfo>[\s\S]*?<\/ds:SignedInfo>/.exec(xml)?.[0] ?? '';
    const r = await check(xml.replace(si, si + si));
    expectRejected(r);
    expect(r.codes).toContain('XML_SIGNATURE_STRUCTURE');
  });

  it.each([
    ['HMAC-SHA1', (x: string) => x.replace(/(SignatureMethod Algorithm=")[^"]+/g, '$1http://www.w3.org/2000/09/xmldsig#hmac-sha1')],
    ['MD5 digest', (x: string) => x.replace(/(DigestMethod Algorithm=")[^"]+/g, '$1http://www.w3.org/2001/04/xmldsig-more#md5')],
    [
      'XSLT transform',
      (x: string) =>
        x.replace(/<ds:Transforms>/g, '<ds:Transforms><ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xslt-19991116"/>'),
    ],
  ])('%s → XML_SIGNATURE_ALGORITHM', async (_n, edit) => {
    const r = await check(edit(signedResponse()));
    expectRejected(r);
    expect(r.codes).toContain('XML_SIGNATURE_ALGORITHM');
  });
});

describe('responses: NameID comment truncation (CVE-2017-11428)', () => {
  it('a comment inside a signed NameID: nameId is the full text, never the truncated prefix', async () => {
    const xml = signAssertion(response(assertion({ nameId: 'alice@acme.com<!---->.evil.example' })));
    const r = await check(xml);
    expect(r.json?.nameId).toBe('alice@acme.com.evil.example');
    expect(r.codes).toContain('XML_COMMENT_IN_VALUE');
  });
});

describe('responses: comment inside DigestValue (CVE-2025-29775, benign form)', () => {
  it('verifies (the digest is the text without the comment) but is reported: XML_COMMENT_IN_VALUE warning', async () => {
    const r = await check(signedResponse().replace(/<ds:DigestValue>(.{6})/, '<ds:DigestValue>$1<!---->'));
    expect(r.json?.signatureValid).toBe(true);
    expect(r.json?.nameId).toBe('alice@acme.com');
    const f = (r.json?.findings as { code: string; severity: string }[]).filter((x) => x.code === 'XML_COMMENT_IN_VALUE');
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(r.code).toBe(0);
  });
});

describe('responses: XSW1–XSW8 and ID tricks', () => {
  const good = (): string => signedResponse();
  it.each([
    // XSW1: forged Response (new ID), genuine signed Response hidden in its Signature.
    [
      'XSW1 genuine Response inside the forged one',
      'XML_SIGNATURE_NOT_CHILD',
      () => {
        const g = good();
        const sig = sigOf(g);
        return response(evilAssertion(), { responseId: 'id-evil-response' }).replace(
          '</saml2p:Response>',
          `${sig.replace('</ds:Signature>', `<ds:Object>${g}</ds:Object></ds:Signature>`)}</saml2p:Response>`,
        );
      },
    ],
    // XSW2: as XSW1, the genuine Response as a sibling before the forged content.
    [
      'XSW2 forged Response reusing the signed Response ID',
      'RESPONSE_DUPLICATE_ID',
      () => response(evilAssertion(), { responseExtra: `<saml2p:Extensions>${good()}</saml2p:Extensions>` }),
    ],
    // XSW3: forged Assertion inserted before the signed one.
    [
      'XSW3 forged Assertion before the signed one',
      'ASSERTION_MULTIPLE',
      () => good().replace('<saml2:Assertion ', `${evilAssertion()}<saml2:Assertion `),
    ],
    // XSW4: forged Assertion wrapping the signed one.
    [
      'XSW4 forged Assertion wrapping the signed one',
      'ASSERTION_MULTIPLE',
      () => {
        const g = good();
        const a = /<saml2:Assertion[\s\S]*<\/saml2:Assertion>/.exec(g)?.[0] ?? '';
        return g.replace(a, evilAssertion().replace('</saml2:Assertion>', `${a}</saml2:Assertion>`));
      },
    ],
    // XSW5: forged Assertion carries the genuine assertion's Signature; genuine assertion appended elsewhere.
    [
      'XSW5 genuine assertion Signature moved onto a forged assertion with the same ID',
      'RESPONSE_DUPLICATE_ID',
      () => {
        const signed = signAssertion(response());
        const a = /<saml2:Assertion[\s\S]*<\/saml2:Assertion>/.exec(signed)?.[0] ?? '';
        const sig = sigOf(a);
        const forged = evilAssertion('id-assertion').replace('</saml2:Issuer>', `</saml2:Issuer>${sig}`);
        return response(forged, { responseExtra: `<saml2p:Extensions>${a.replace(sig, '')}</saml2p:Extensions>` });
      },
    ],
    // XSW6: genuine assertion inside the forged assertion's Signature/Object.
    [
      'XSW6 genuine assertion in Signature/Object of a forged one',
      'RESPONSE_DUPLICATE_ID',
      () => {
        const signed = signAssertion(response());
        const a = /<saml2:Assertion[\s\S]*<\/saml2:Assertion>/.exec(signed)?.[0] ?? '';
        const sig = sigOf(a);
        const forged = evilAssertion('id-assertion').replace(
          '</saml2:Issuer>',
          `</saml2:Issuer>${sig.replace('</ds:Signature>', `<ds:Object>${a}</ds:Object></ds:Signature>`)}`,
        );
        return response(forged);
      },
    ],
    // XSW7: genuine assertion in an Extensions element, forged assertion in its place.
    [
      'XSW7 genuine assertion in Extensions, forged one in its place',
      'ASSERTION_MULTIPLE',
      () =>
        response(evilAssertion(), {
          responseExtra: `<saml2p:Extensions>${/<saml2:Assertion[\s\S]*<\/saml2:Assertion>/.exec(signAssertion(response()))?.[0]}</saml2p:Extensions>`,
        }),
    ],
    // XSW8: forged assertion; genuine one (unsigned copy) inside its Signature/Object, ID reused.
    [
      'XSW8 Object holds the genuine assertion, forged one reuses its ID',
      'RESPONSE_DUPLICATE_ID',
      () => {
        const signed = signAssertion(response());
        const a = /<saml2:Assertion[\s\S]*<\/saml2:Assertion>/.exec(signed)?.[0] ?? '';
        const sig = sigOf(a);
        const forged = evilAssertion('id-assertion').replace(
          '</saml2:Issuer>',
          `</saml2:Issuer>${sig.replace('</ds:Signature>', `<ds:Object>${a.replace(sig, '')}</ds:Object></ds:Signature>`)}`,
        );
        return response(forged);
      },
    ],
    [
      'duplicate IDs: ID on the assertion, Id on another element',
      'RESPONSE_DUPLICATE_ID',
      () => good().replace('<saml2:Subject>', '<saml2:Subject Id="id-assertion">'),
    ],
    [
      'Response signature whose reference points at the assertion (non-root)',
      'XML_SIGNATURE_REFERENCE',
      () => {
        const xml = signAssertion(response(evilAssertion('id-x')), { key: 'okta-like.key.pem' });
        const sig = sigOf(xml);
        return xml.replace(sig, '').replace('</saml2:Issuer>', `</saml2:Issuer>${sig}`);
      },
    ],
  ])('%s → rejected (%s)', async (_n, code, build) => {
    const r = await check(build());
    expectRejected(r);
    expect(r.codes).toContain(code);
  });

  it('a Signature on another element (Subject) is never trusted', async () => {
    const xml = sign(response(evilAssertion().replace('<saml2:Subject>', '<saml2:Subject ID="id-subject">')), {
      xpath: "//*[local-name()='Subject']",
      location: { reference: "//*[local-name()='Subject']/*[local-name()='NameID']", action: 'after' },
    });
    const r = await check(xml);
    expectRejected(r);
    expect(r.codes).toContain('XML_SIGNATURE_NOT_CHILD');
  });
});
