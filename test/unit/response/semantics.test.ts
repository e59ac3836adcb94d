/**
 * check-response semantics on signed fixture responses: InResponseTo agreement and --request-id,
 * xs:dateTime with an explicit zone (and verdicts that do not move with the machine's TZ), several
 * AudienceRestriction elements ANDed, one Conditions at most, uniform decryption failures,
 * "did you mean" for attribute names, hints that fit a response, and --redact of every value.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkResponse } from '../../../src/core/response/check-response.js';
import { DECRYPT_FAILED_MESSAGE } from '../../../src/core/response/decrypt-assertion.js';
import { RECAPTURE_HINT } from '../../../src/core/response/fit-hints.js';
import { parseSamlTime } from '../../../src/core/response/saml-time.js';
import type { CheckResponseOptions } from '../../../src/core/response/types.js';
import { readCertPem, readKeyPem } from '../../support/fixture-certs.js';
import { ACS, AUDIENCE, IDP_ENTITY, ISSUED, makeResponse, type ResponseSpec } from '../../support/make-response.js';

const OPTS: CheckResponseOptions = {
  trustedCerts: [readCertPem('okta-like')],
  expectedIssuer: IDP_ENTITY,
  audience: AUDIENCE,
  acsUrl: ACS,
  now: new Date(ISSUED),
  clockSkewSeconds: 180,
  attributes: { email: 'email', firstName: 'firstName', lastName: 'lastName', groups: 'groups', groupsFilter: '.*' },
};
const check = (spec: ResponseSpec, o: Partial<CheckResponseOptions> = {}) =>
  checkResponse(Buffer.from(makeResponse(spec)), { ...OPTS, ...o });
const errors = (spec: ResponseSpec, o: Partial<CheckResponseOptions> = {}) =>
  check(spec, o)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => f.code);

describe('InResponseTo', () => {
  it('Response and SubjectConfirmationData agree: no error; --request-id equal: no error', () => {
    expect(errors({})).toEqual([]);
    expect(errors({}, { requestId: 'id-req-42' })).toEqual([]);
  });
  it('--request-id differs → IN_RESPONSE_TO_MISMATCH', () => {
    expect(errors({}, { requestId: 'id-req-43' })).toEqual(['IN_RESPONSE_TO_MISMATCH']);
  });
  it('an IdP-initiated response when --request-id is given → IN_RESPONSE_TO_MISMATCH', () => {
    expect(errors({ inResponseTo: null })).toEqual([]);
    expect(errors({ inResponseTo: null }, { requestId: 'id-req-42' })).toEqual(['IN_RESPONSE_TO_MISMATCH']);
  });
  it('Response and SubjectConfirmationData disagree → IN_RESPONSE_TO_INCONSISTENT', () => {
    const other = {
      editResponse: (x: string) => x.replace('InResponseTo="id-req-42" IssueInstant', 'InResponseTo="id-req-99" IssueInstant'),
    };
    expect(errors(other)).toEqual(['IN_RESPONSE_TO_INCONSISTENT']);
    const missingOnResponse = { editResponse: (x: string) => x.replace(' InResponseTo="id-req-42" IssueInstant', ' IssueInstant') };
    expect(errors(missingOnResponse)).toEqual(['IN_RESPONSE_TO_INCONSISTENT']);
  });
  it('a second SubjectConfirmationData with another InResponseTo → IN_RESPONSE_TO_INCONSISTENT', () => {
    const second =
      '<saml2:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml2:SubjectConfirmationData InResponseTo="id-req-7" NotOnOrAfter="2026-06-01T00:05:00.000Z" Recipient="' +
      ACS +
      '"/></saml2:SubjectConfirmation></saml2:Subject>';
    expect(errors({ editAssertion: (x) => x.replace('</saml2:Subject>', second) })).toEqual(['IN_RESPONSE_TO_INCONSISTENT']);
  });
});

describe('times: xs:dateTime with an explicit zone', () => {
  it.each([
    ['2026-06-01T00:05:00.000Z', true],
    ['2026-06-01T00:05:00Z', true],
    ['2026-06-01T14:05:00+14:00', true],
    ['2026-05-31T12:05:00-12:00', true],
    ['2026-06-01T00:05:00', false],
    ['2026-06-01T00:05:00.000', false],
    ['2026-06-01 00:05:00Z', false],
    ['2026-06-01', false],
    ['Mon, 01 Jun 2026 00:05:00 GMT', false],
    ['2026-02-30T00:00:00Z', false],
    ['2026-06-01T00:05:00+15:00', false],
    ['2026-06-01T00:05:00+0000', false],
  ])('%s → valid %s', (t, ok) => {
    const r = parseSamlTime(t);
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.ms).toBe(Date.parse('2026-06-01T00:05:00Z'));
  });
  it('years below 100 are not read as 19xx', () => {
    const r = parseSamlTime('0050-01-01T00:00:00Z');
    expect(r.ok && new Date(r.ms).getUTCFullYear()).toBe(50);
  });
  it('a zoneless NotOnOrAfter, NotBefore, IssueInstant or AuthnInstant is TIME_INVALID', () => {
    expect(errors({ notOnOrAfter: '2026-06-01T00:05:00' })).toEqual(['TIME_INVALID']);
    expect(errors({ notBefore: '2026-05-31T23:55:00.000' })).toEqual(['TIME_INVALID']);
    expect(errors({ subjectNotOnOrAfter: '2026-06-01T00:05:00' })).toEqual(['TIME_INVALID']);
    expect(errors({ editAssertion: (x) => x.replace(/AuthnInstant="[^"]*"/, 'AuthnInstant="2026-06-01T00:00:00"') })).toEqual([
      'TIME_INVALID',
    ]);
    expect(errors({ editResponse: (x) => x.replace(/(<saml2p:Response[^>]*IssueInstant=")[^"]*"/, '$1yesterday"') })).toEqual([
      'TIME_INVALID',
    ]);
  });

  describe('no verdict depends on the machine time zone', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    const cases: [string, ResponseSpec][] = [
      ['valid', {}],
      ['expired in +14:00 terms', { notOnOrAfter: '2026-06-01T13:57:00+14:00' }],
      ['valid in -12:00 terms', { notOnOrAfter: '2026-05-31T12:05:00-12:00' }],
      ['zoneless', { notOnOrAfter: '2026-06-01T00:05:00' }],
      ['not yet valid', { notBefore: '2026-06-01T00:04:00Z' }],
    ];
    const verdicts = (tz: string) => {
      process.env.TZ = tz;
      // Node re-reads TZ when it changes: prove it did, so the test cannot pass vacuously.
      const offset = new Date(Date.UTC(2026, 5, 1)).getTimezoneOffset();
      return { offset, results: cases.map(([, spec]) => errors(spec)) };
    };
    it('UTC, Pacific/Kiritimati (+14) and Etc/GMT+12 (-12) give the same findings', () => {
      const utc = verdicts('UTC');
      const kiritimati = verdicts('Pacific/Kiritimati');
      const minus12 = verdicts('Etc/GMT+12');
      expect([utc.offset, kiritimati.offset, minus12.offset]).toEqual([0, -840, 720]);
      expect(kiritimati.results).toEqual(utc.results);
      expect(minus12.results).toEqual(utc.results);
      expect(utc.results).toEqual([[], ['ASSERTION_EXPIRED'], [], ['TIME_INVALID'], ['ASSERTION_NOT_YET_VALID']]);
    });
  });

  it('an expiry reads as people say it, not in minutes', () => {
    const r = check({ notOnOrAfter: '2023-11-03T08:00:00Z', subjectNotOnOrAfter: '2026-06-01T00:05:00Z' });
    const f = r.findings.find((x) => x.code === 'ASSERTION_EXPIRED');
    expect(f?.message).toContain('passed 2.6 years ago');
    expect(f?.message).not.toMatch(/\d+ min\b/);
  });
});

describe('Conditions and AudienceRestriction', () => {
  const restriction = (aud: string) => `<saml2:AudienceRestriction><saml2:Audience>${aud}</saml2:Audience></saml2:AudienceRestriction>`;
  const addRestriction = (aud: string) => (x: string) => x.replace('</saml2:Conditions>', `${restriction(aud)}</saml2:Conditions>`);
  it('several restrictions that each name our SP pass', () => {
    expect(errors({ editAssertion: addRestriction(AUDIENCE) })).toEqual([]);
  });
  it('a second restriction without our SP fails (they are ANDed, SAML core §2.5.1.4)', () => {
    const r = check({ editAssertion: addRestriction('https://other.example.com/sp') });
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['AUDIENCE_MISMATCH']);
    expect(r.findings.find((f) => f.code === 'AUDIENCE_MISMATCH')?.message).toContain('AudienceRestriction 2 of 2');
    // located at the restriction that fails, not at the first Audience
    const xml = makeResponse({ editAssertion: addRestriction('https://other.example.com/sp') });
    const second = xml.indexOf('<saml2:AudienceRestriction>', xml.indexOf('<saml2:AudienceRestriction>') + 1);
    expect(r.findings.find((f) => f.code === 'AUDIENCE_MISMATCH')?.location).toMatchObject({ line: 1, column: second + 1 });
    // also when ours is second: order does not matter
    const first = {
      editAssertion: (x: string) =>
        x.replace('<saml2:AudienceRestriction>', `${restriction('https://other.example.com/sp')}<saml2:AudienceRestriction>`),
    };
    expect(errors(first)).toEqual(['AUDIENCE_MISMATCH']);
  });
  it('one restriction listing several audiences passes when ours is among them (ORed)', () => {
    expect(
      errors({
        editAssertion: (x) =>
          x.replace(
            `<saml2:Audience>${AUDIENCE}</saml2:Audience>`,
            `<saml2:Audience>https://other.example.com/sp</saml2:Audience><saml2:Audience>${AUDIENCE}</saml2:Audience>`,
          ),
      }),
    ).toEqual([]);
  });
  it('a second Conditions element is CONDITIONS_MULTIPLE', () => {
    const twice = (x: string) =>
      x.replace(
        '<saml2:AuthnStatement',
        `<saml2:Conditions NotBefore="2020-01-01T00:00:00Z" NotOnOrAfter="2030-01-01T00:00:00Z">${restriction(AUDIENCE)}</saml2:Conditions><saml2:AuthnStatement`,
      );
    expect(errors({ editAssertion: twice })).toEqual(['CONDITIONS_MULTIPLE']);
  });
});

describe('decryption failures are uniform', () => {
  const spKey = readKeyPem('okta-rotation');
  const failures = (spec: ResponseSpec) =>
    check({ encryptFor: 'okta-rotation', ...spec }, { spKey }).findings.filter((f) => f.code.startsWith('DECRYPT'));
  const flipInCipher = (at: (len: number) => number) => (xml: string) => {
    const values = [...xml.matchAll(/<xenc:CipherValue>([^<]*)<\/xenc:CipherValue>/g)];
    const body = values[values.length - 1] as RegExpMatchArray;
    const bytes = Buffer.from(body[1] as string, 'base64');
    const i = at(bytes.length);
    bytes[i] = (bytes[i] as number) ^ 0x5a;
    return xml.replace(body[1] as string, bytes.toString('base64'));
  };
  it('the right key decrypts', () => {
    expect(failures({})).toEqual([]);
  });
  it('a wrong key, a broken CBC padding, a broken first block and a bad GCM tag give one message', () => {
    const wrongKey = check({ encryptFor: 'okta-like' }, { spKey }).findings.filter((f) => f.code.startsWith('DECRYPT'));
    // The byte before the last block XORs into the padding byte: 1..16 ^ 0x5a is never valid.
    const badPadding = failures({ after: flipInCipher((n) => n - 17) });
    const badTag = failures({ encryption: { data: 'aes256-gcm' }, after: flipInCipher((n) => n - 3) });
    const all = [wrongKey, badPadding, badTag];
    for (const f of all)
      expect(f.map((x) => [x.code, x.message, x.hint])).toEqual([['DECRYPT_FAILED', DECRYPT_FAILED_MESSAGE, expect.any(String)]]);
    expect(new Set(all.map((f) => f[0]?.hint)).size).toBe(1);
  });
  it('a CBC plaintext altered into broken XML is the same failure, not a parser error (no format oracle)', () => {
    // Byte 20 garbles the first plaintext block: the text is no longer UTF-8, or no longer XML.
    const r = check({ encryptFor: 'okta-rotation', after: flipInCipher(() => 20) }, { spKey });
    // (the Response signature fails too: the ciphertext changed after signing)
    const fromPlaintext = r.findings.filter(
      (f) => (f.code.startsWith('XML_') && !f.code.startsWith('XML_SIGNATURE')) || f.code.startsWith('DECRYPT'),
    );
    expect(fromPlaintext.map((f) => [f.code, f.message])).toEqual([['DECRYPT_FAILED', DECRYPT_FAILED_MESSAGE]]);
  });
  it('GCM plaintext is authenticated, so a real problem in it is reported as such', () => {
    const doctype = check(
      {
        encryptFor: 'okta-rotation',
        encryption: { data: 'aes256-gcm' },
        editAssertion: (x) => x.replace('<saml2:Assertion', '<!DOCTYPE a><saml2:Assertion'),
      },
      { spKey },
    );
    expect(doctype.findings.map((f) => f.code)).toContain('XML_DOCTYPE');
  });
});

describe('attribute names: did you mean', () => {
  it('ATTRIBUTE_MISSING "email" names the "Email" attribute that is present', () => {
    const r = check({ attributes: { Email: ['jane.doe@acme.com'], firstName: ['Jane'], lastName: ['Doe'], groups: ['g'] } });
    const f = r.findings.find((x) => x.code === 'ATTRIBUTE_MISSING');
    expect(f?.message).toContain('did you mean "Email"');
    expect(f?.hint).toContain('--attr-email Email');
  });
  it.each([
    ['firstName', 'first_name'],
    ['lastName', 'LastName'],
    ['email', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress'],
    ['email', 'mail'],
  ])('%s → did you mean %s', (want, present) => {
    const attrs: Record<string, string[]> = { email: ['a@b.c'], firstName: ['A'], lastName: ['B'], groups: ['g'] };
    delete attrs[want];
    attrs[present] = ['x'];
    const f = check({ attributes: attrs }).findings.find((x) => x.code === 'ATTRIBUTE_MISSING');
    expect(f?.message).toContain(`did you mean "${present}"`);
  });
  it('no near name: the plain message', () => {
    const f = check({ attributes: { firstName: ['A'], lastName: ['B'], groups: ['g'], department: ['x'] } }).findings.find(
      (x) => x.code === 'ATTRIBUTE_MISSING',
    );
    expect(f?.message).toBe('no "email" attribute (email)');
  });
});

describe('hints fit the input', () => {
  it('a problem in a response never gets the "View IdP metadata" hint', () => {
    const inputs = [
      Buffer.from(''),
      Buffer.from([0x3c, 0x00, 0x61, 0x00]),
      Buffer.from([0xff, 0xfe, 0x3c]),
      Buffer.from('<a>\0</a>'),
      Buffer.from('\uFEFF\uFEFF<a/>'),
      Buffer.from('<!DOCTYPE x [<!ENTITY e "x">]><x/>'),
      Buffer.from('<a><b></a>'),
      Buffer.from('<?pi x?><a/>'),
      Buffer.from(makeResponse().slice(0, 300)),
    ];
    for (const bytes of inputs) {
      const r = checkResponse(bytes, { ...OPTS, file: 'resp.xml' });
      expect(r.findings.length).toBeGreaterThan(0);
      for (const f of r.findings) expect(f.hint ?? '').not.toContain('View IdP metadata');
    }
    const empty = checkResponse(Buffer.from(''), OPTS).findings[0];
    expect(empty?.hint).toBe(RECAPTURE_HINT);
  });
  it('a hint whose fix really is the metadata (a rotated signing key) keeps it', () => {
    const r = check({ key: 'okta-rotation' });
    const sig = r.findings.find((f) => f.code.startsWith('XML_SIGNATURE'));
    expect(sig?.hint).toMatch(/metadata/);
    expect(sig?.hint).not.toBe(RECAPTURE_HINT);
  });
});

describe('--redact', () => {
  it('masks every attribute value and the NameID, whatever the attribute name', () => {
    const attributes = {
      email: ['jane.doe@acme.com'],
      firstName: ['Jane'],
      lastName: ['Doe'],
      groups: ['ml-team'],
      Name: ['Jane Doe'],
      employeeNumber: ['12345'],
      mobile: ['+1 555 0100'],
    };
    const r = check({ attributes, nameId: 'jdoe-4711' }, { redact: true });
    expect(r.attributes).toEqual({
      email: ['j***@acme.com'],
      firstName: ['J***'],
      lastName: ['D***'],
      groups: ['m***'],
      Name: ['J***'],
      employeeNumber: ['1***'],
      mobile: ['+***'],
    });
    expect(r.nameId).toBe('j***');
    expect(r.user).toEqual({ email: 'j***@acme.com', firstName: 'J***', lastName: 'D***', groups: ['m***'] });
    const text = JSON.stringify(r);
    for (const secret of ['jane.doe', 'Jane Doe', '12345', '555', 'jdoe-4711', 'ml-team']) expect(text).not.toContain(secret);
  });
});
