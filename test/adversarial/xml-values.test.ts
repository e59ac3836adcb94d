import { describe, expect, it } from 'vitest';
import { runGuarded } from '../support/guarded-run.js';
import { validateXml as validate } from './validate-xml.js';
import { ENTITY_ID, b64, keyDescriptor, metadata, ssoServices } from '../support/xml-fixtures.js';

/**
 * Hostile values, sizes, bytes and endpoints through `validate-metadata` (docs/design.md §5),
 * plus metadata URLs that must be refused before any request. Same guarantees as
 * xml-structure.test.ts (exact codes, exit codes, no request, nothing changed, hang guard).
 */
const body = metadata({ declaration: false });

describe('XML: values', () => {
  const cert = b64('okta-like.cert.pem');
  it('comment inside the certificate → XML_COMMENT_IN_VALUE', async () => {
    const r = await validate(metadata({ certText: `${cert.slice(0, 40)}<!-- x -->${cert.slice(40)}` }));
    expect(r.code).toBe(1);
    expect(r.codes).toContain('XML_COMMENT_IN_VALUE');
    expect(r.json?.certificates).toEqual([]); // a cert split by a comment is never used
  });

  it('PI inside the certificate → XML_PROCESSING_INSTRUCTION', async () => {
    const r = await validate(metadata({ certText: `${cert.slice(0, 40)}<?evil x?>${cert.slice(40)}` }));
    expect(r.code).toBe(1);
    expect(r.codes).toContain('XML_PROCESSING_INSTRUCTION');
  });

  it.each([
    ['comment', 'http://www.okta.com/<!-- -->exk1'],
    ['PI', 'http://www.okta.com/<?x?>exk1'],
  ])('%s inside entityID ("<" in an attribute value) → XML_NOT_WELL_FORMED', async (_n, id) => {
    const r = await validate(metadata({ entityId: id }));
    expect(r.code).toBe(1);
    expect(r.codes).toContain('XML_NOT_WELL_FORMED');
    expect(r.json?.entityId).toBeNull();
  });

  it('comment inside NameIDFormat → XML_COMMENT_IN_VALUE', async () => {
    const r = await validate(metadata().replace('nameid-format:emailAddress', 'nameid-format:<!---->emailAddress'));
    expect(r.code).toBe(1);
    expect(r.codes).toContain('XML_COMMENT_IN_VALUE');
  });

  it.each(['0012', '1e3', '0x10', '-0', 'true', 'null', '1_000'])('numeric-looking entityID %j is kept verbatim', async (id) => {
    const r = await validate(metadata({ entityId: id }));
    expect(r.json?.entityId).toBe(id);
    expect(typeof r.json?.entityId).toBe('string');
  });

  it('entity references in values are decoded once, not twice', async () => {
    const r = await validate(metadata({ entityId: 'http://www.okta.com/exk&amp;lt;1' }));
    expect(r.json?.entityId).toBe('http://www.okta.com/exk&lt;1');
  });

  it('__proto__ / constructor element and attribute names do not pollute or crash', async () => {
    const extra = `<md:Extensions><__proto__ constructor="x" prototype="y"><constructor __proto__="z">a</constructor></__proto__></md:Extensions>`;
    const r = await validate(metadata({ rootFirst: extra, entityId: '__proto__' }));
    expect(r.json?.entityId).toBe('__proto__');
    expect(r.code).toBe(0);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'z')).toBe(false);
  });

  it('constructor as entityID is kept verbatim', async () => {
    const r = await validate(metadata({ entityId: 'constructor' }));
    expect(r.json?.entityId).toBe('constructor');
  });
});

describe('XML: size, depth and bytes', () => {
  // 50 MB, mostly text (the shape of certificate-heavy metadata). Dense small elements are much
  // slower in xmldom (~1 s/MB): measured, not asserted.
  const bigExtensions = (mb: number): string =>
    `<md:Extensions><x:e xmlns:x="urn:x">${'QUJD'.repeat((mb * 1024 * 1024) / 4)}</x:e></md:Extensions>`;

  it('50 MB input over the default --max-size 10 → INPUT_TOO_LARGE, exit 2', async () => {
    const r = await validate(metadata({ rootFirst: bigExtensions(50) }));
    expect({ code: r.code, errorCode: r.errorCode }).toEqual({ code: 2, errorCode: 'INPUT_TOO_LARGE' });
    expect(r.stdout).toBe('');
  });

  it('50 MB input with --max-size 60 still finishes within the hang guard', { timeout: 40_000 }, async () => {
    const r = await validate(metadata({ rootFirst: bigExtensions(50) }), ['--max-size', '60'], 30_000);
    expect(r.code).toBe(0);
    expect(r.json?.entityId).toBe(ENTITY_ID);
  });

  it('10 000-deep nesting does not overflow the stack', async () => {
    const deep = `<md:Extensions>${'<x:d xmlns:x="urn:x">'.repeat(10_000)}${'</x:d>'.repeat(10_000)}</md:Extensions>`;
    const r = await validate(metadata({ rootFirst: deep }));
    expect([0, 1]).toContain(r.code);
    expect(r.errorCode).toBeUndefined();
    expect(r.json?.schemaVersion).toBe(1);
  });

  it('NUL byte → XML_NUL_BYTE', async () => {
    const r = await validate(metadata({ entityId: `${ENTITY_ID}\0evil` }));
    expect(r.code).toBe(1);
    expect(r.codes).toContain('XML_NUL_BYTE');
  });

  it('invalid UTF-8 → XML_ENCODING', async () => {
    const bytes = Buffer.from(body.replace(ENTITY_ID, 'http://www.okta.com/exk__'));
    const at = bytes.indexOf('exk__') + 3;
    bytes[at] = 0xc3;
    bytes[at + 1] = 0x28; // 0xC3 must be followed by a continuation byte
    const r = await validate(bytes);
    expect(r.code).toBe(1);
    expect(r.codes).toContain('XML_ENCODING');
  });

  it('overlong UTF-8 encoding of "<" → XML_ENCODING', async () => {
    const bytes = Buffer.concat([Buffer.from(body), Buffer.from([0xc0, 0xbc])]);
    const r = await validate(bytes);
    expect(r.codes).toContain('XML_ENCODING');
  });

  it('UTF-16 without BOM → XML_ENCODING', async () => {
    const r = await validate(Buffer.from(body, 'utf16le'));
    expect(r.code).toBe(1);
    expect(r.codes).toContain('XML_ENCODING');
  });

  it('UTF-16 LE with BOM is read (control case)', async () => {
    const r = await validate(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]));
    expect(r.code).toBe(0);
    expect(r.json?.entityId).toBe(ENTITY_ID);
  });

  it('double BOM → XML_DOUBLE_BOM', async () => {
    const r = await validate(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), Buffer.from(body)]));
    expect(r.codes).toContain('XML_DOUBLE_BOM');
  });

  it('empty input → XML_EMPTY', async () => {
    const r = await validate('');
    expect(r.code).toBe(1);
    expect(r.codes).toContain('XML_EMPTY');
  });
});

describe('XML: endpoints', () => {
  it.each([
    ['plain http', 'http://dev-000000.okta.com/app/x/sso/saml', 'MD_SSO_NOT_HTTPS'],
    ['javascript:', 'javascript:alert(document.cookie)', 'MD_SSO_BAD_URL'],
    ['JavaScript: mixed case with spaces', ' JavaScript:alert(1)', 'MD_SSO_BAD_URL'],
    ['data:', 'data:text/html,<x>', 'MD_SSO_BAD_URL'],
    ['relative', '/app/sso/saml', 'MD_SSO_BAD_URL'],
    ['file:', 'file:///etc/passwd', 'MD_SSO_BAD_URL'],
  ])('%s SSO Location → %s', async (_n, loc, code) => {
    const r = await validate(metadata({ sso: ssoServices(loc.replace('<', '&lt;'), loc.replace('<', '&lt;')) }));
    expect(r.code).toBe(1);
    expect(r.codes).toContain(code);
  });

  it('a second HTTP-POST SSO endpoint elsewhere → MD_SSO_DUPLICATE_BINDING at the second one', async () => {
    const post = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
    const sso = `<md:SingleSignOnService Binding="${post}" Location="https://dev-000000.okta.com/app/x/exk1/sso/saml"/>\n  <md:SingleSignOnService Binding="${post}" Location="https://evil.example/sso"/>`;
    const xml = metadata({ sso });
    const line = xml.slice(0, xml.indexOf('evil.example')).split('\n').length;
    const r = await validate(xml);
    expect(r.code).toBe(1);
    const dup = (r.json?.findings as { code: string; severity: string; location?: { line: number; column: number } }[]).filter(
      (f) => f.code === 'MD_SSO_DUPLICATE_BINDING',
    );
    expect(dup.map((f) => [f.severity, f.location?.line, f.location?.column])).toEqual([['error', line, 3]]);
  });

  it('an encryption-only key is not a signing key → MD_ENCRYPTION_ONLY_KEY + MD_NO_SIGNING_CERT', async () => {
    const r = await validate(metadata({ keyDescriptor: keyDescriptor(b64('okta-like.cert.pem'), 'encryption') }));
    expect(r.code).toBe(1);
    expect(r.codes).toEqual(expect.arrayContaining(['MD_ENCRYPTION_ONLY_KEY', 'MD_NO_SIGNING_CERT']));
    expect(r.json?.certificates).toEqual([]);
  });
});

describe('XML: stdin and URLs', () => {
  it.each([
    ['http:', 'http://dev-000000.okta.com/app/exk1/sso/saml/metadata', 'URL_NOT_HTTPS'],
    ['credentials', 'https://user:pw@dev-000000.okta.com/app/exk1/sso/saml/metadata', 'URL_INVALID'],
    ['file:', 'file:///etc/passwd', 'URL_NOT_HTTPS'],
    ['decimal IP (would be 127.0.0.1)', 'https://2130706433/app/x/sso/saml/metadata', 'HOST_INVALID'],
    ['hex IP', 'https://0x7f.0.0.1/app/x/sso/saml/metadata', 'HOST_INVALID'],
    ['percent-encoded host', 'https://evil%2ecom/m.xml', 'HOST_INVALID'],
  ])('%s source is refused before any request', async (_n, url, code) => {
    const r = await runGuarded(['validate-metadata', url, '--json']);
    expect({ code: r.code, errorCode: r.errorCode }).toEqual({ code: 2, errorCode: code });
    expect(r.requests).toEqual([]);
  });

  it('a redirect to http is refused: one request only, to the named host', async () => {
    const r = await runGuarded(['validate-metadata', 'https://dev-000000.okta.com/app/exk1/sso/saml/metadata', '--json'], {
      respond: () => new Response(null, { status: 302, headers: { location: 'http://dev-000000.okta.com/m.xml' } }),
    });
    expect({ code: r.code, errorCode: r.errorCode }).toEqual({ code: 2, errorCode: 'FETCH_REDIRECT_REFUSED' });
    expect(r.requests).toEqual(['https://dev-000000.okta.com/app/exk1/sso/saml/metadata']);
  });

  it('a redirect to another host is refused: one request only, to the named host', async () => {
    const r = await runGuarded(['validate-metadata', 'https://dev-000000.okta.com/app/exk1/sso/saml/metadata', '--json'], {
      respond: (u) =>
        u.includes('okta.com')
          ? new Response(null, { status: 302, headers: { location: 'https://evil.example/m.xml' } })
          : new Response('<x/>'),
    });
    expect({ code: r.code, errorCode: r.errorCode }).toEqual({ code: 2, errorCode: 'FETCH_REDIRECT_REFUSED' });
    expect(r.requests).toEqual(['https://dev-000000.okta.com/app/exk1/sso/saml/metadata']);
  });

  it('a redirect on the same host is followed', async () => {
    const r = await runGuarded(
      ['validate-metadata', 'https://dev-000000.okta.com/app/exk1/sso/saml/metadata', '--json', '--now', '2026-06-01T00:00:00Z'],
      {
        respond: (u) =>
          u.endsWith('/metadata') ? new Response(null, { status: 301, headers: { location: '/m.xml' } }) : new Response(metadata()),
      },
    );
    expect(r.requests).toEqual(['https://dev-000000.okta.com/app/exk1/sso/saml/metadata', 'https://dev-000000.okta.com/m.xml']);
    expect(r.code).toBe(0);
  });
});
