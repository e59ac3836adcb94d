/**
 * checkResponse as a pure function: signature placement rules, and two properties over random
 * single edits of a signed response — it never throws, and whenever it still says
 * signatureValid, every value it reports is the signed one (docs/design.md §5).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../../src/core/response/check-response.js';
import type { CheckResponseOptions } from '../../../src/core/response/types.js';
import { readCertPem } from '../../support/fixture-certs.js';
import { ACS, AUDIENCE, IDP_ENTITY, ISSUED, makeResponse } from '../../support/make-response.js';

const OPTS: CheckResponseOptions = {
  trustedCerts: [readCertPem('okta-like')],
  expectedIssuer: IDP_ENTITY,
  audience: AUDIENCE,
  acsUrl: ACS,
  now: new Date(ISSUED),
  clockSkewSeconds: 180,
  attributes: { email: 'email', firstName: 'firstName', lastName: 'lastName', groups: 'groups', groupsFilter: '.*' },
};
const run = (xml: string, o: Partial<CheckResponseOptions> = {}) => checkResponse(Buffer.from(xml), { ...OPTS, ...o });
const codes = (xml: string) =>
  run(xml)
    .findings.filter((f) => f.severity !== 'info')
    .map((f) => f.code);

describe('checkResponse: where a signature may sit', () => {
  const valid = makeResponse({ signResponse: false });
  const sigStart = valid.indexOf('<ds:Signature');
  const sig = valid.slice(sigStart, valid.indexOf('</ds:Signature>') + 15);
  const without = valid.replace(sig, '');

  it('a valid assertion signature moved into Subject is refused (java-saml wrong_signed_element)', () => {
    const moved = without.replace('<saml2:Subject>', `<saml2:Subject>${sig}`);
    expect(codes(moved)).toContain('XML_SIGNATURE_NOT_CHILD');
    expect(run(moved).signatureValid).toBe(false);
  });

  it('the same signature copied onto the Response (reference to the assertion) is refused', () => {
    const copied = valid.replace('<saml2p:Status>', `${sig}<saml2p:Status>`);
    const r = run(copied);
    expect(r.signatureValid).toBe(false);
    expect(r.findings.map((f) => f.code)).toContain('XML_SIGNATURE_REFERENCE');
  });

  it('a second SignedInfo is refused before xml-crypto loads it (CVE-2025-29774)', () => {
    const si = sig.slice(sig.indexOf('<ds:SignedInfo'), sig.indexOf('</ds:SignedInfo>') + 16);
    const r = run(valid.replace(si, si + si));
    expect([r.signatureValid, r.findings.some((f) => f.code === 'XML_SIGNATURE_STRUCTURE')]).toEqual([false, true]);
  });

  it('reports the trusted cert index that verified, and SHA-256 algorithms', () => {
    const r = run(valid, { trustedCerts: [readCertPem('okta-rotation'), readCertPem('okta-like')] });
    expect(r.signatures).toEqual([
      {
        on: 'assertion',
        id: 'id-assertion-1',
        referenceUri: '#id-assertion-1',
        signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
        digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
        encrypted: false,
        valid: true,
        certIndex: 1,
      },
    ]);
  });

  it('finding locations point at the element in the file', () => {
    const pretty = makeResponse({ audience: 'https://other' }).replace(/<saml2:Conditions/, '\n\n<saml2:Conditions');
    // The signature breaks with the added text, but the location is still where the Audience sits.
    const f = checkResponse(Buffer.from(pretty), { ...OPTS, file: 'r.xml' }).findings.find((x) => x.code === 'AUDIENCE_MISMATCH');
    expect(f?.location).toMatchObject({ file: 'r.xml', line: 3 });
  });
});

describe('checkResponse: properties over single edits', () => {
  it('never throws on arbitrary input, and arbitrary input is never signatureValid', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')),
        ),
        (s) => {
          const r = checkResponse(Buffer.from(s, 'latin1'), OPTS);
          expect(r.signatureValid).toBe(false);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  }, 60_000);

  const base = makeResponse();
  const start = base.indexOf('<saml2:Assertion');
  it('never throws; when it says signatureValid, the values are the signed ones', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: start, max: base.length - 1 }),
        fc.constantFrom('x', '<', '"', ' ', '', '&', '<!-- c -->', 'é'),
        (at, ins) => {
          const edited = base.slice(0, at) + ins + base.slice(at + 1);
          const r = run(edited);
          if (r.signatureValid) {
            expect([r.nameId, r.issuer, r.audience, r.user.email]).toEqual([
              'jane.doe@acme.com',
              IDP_ENTITY,
              AUDIENCE,
              'jane.doe@acme.com',
            ]);
          }
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  }, 60_000);
});
