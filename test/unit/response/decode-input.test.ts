import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../../src/core/response/decode-input.js';
import { pickFromCapture } from '../../../src/core/response/pick-from-capture.js';

const XML = '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="a+b/c="/>';
const B64 = Buffer.from(XML).toString('base64');
const opts = { maxBytes: 1 << 20, acsUrl: 'https://h/sso/okta/acs/o' };
const dec = (s: string | Buffer) => decodeInput(Buffer.isBuffer(s) ? s : Buffer.from(s), opts);

describe('decodeInput', () => {
  it('keeps XML bytes untouched (what was signed)', () => {
    const r = dec(`  \n${XML}`);
    expect(r.ok && [r.value.steps, r.value.xml.toString()]).toEqual([['xml'], `  \n${XML}`]);
  });
  it('base64 with spaces, tabs and CRLF', () => {
    const r = dec(` ${B64.slice(0, 10)}\r\n\t${B64.slice(10)} `);
    expect(r.ok && r.value.xml.toString()).toBe(XML);
  });
  it("keeps a literal '+' in hand-escaped base64, treats '+' as space in a form body", () => {
    // XML followed by bytes whose base64 holds '+' and ends in '=' padding.
    let raw = Buffer.concat([Buffer.from(XML), Buffer.from([0xfb, 0xef, 0xbe])]);
    while (!(raw.toString('base64').includes('+') && raw.toString('base64').endsWith('='))) raw = Buffer.concat([raw, Buffer.from([0xfb])]);
    const b64 = raw.toString('base64');
    const hand = dec(b64.replace(/=/g, '%3D'));
    expect(hand.ok && [hand.value.steps, hand.value.xml.equals(raw)]).toEqual([['url-encoded', 'base64'], true]);
    const form = dec(`SAMLResponse=${encodeURIComponent(b64)}`);
    expect(form.ok && [form.value.steps, form.value.xml.equals(raw)]).toEqual([['form', 'url-encoded', 'base64'], true]);
  });
  it('raw DEFLATE', () => {
    const r = dec(deflateRawSync(Buffer.from(XML)).toString('base64'));
    expect(r.ok && [r.value.steps, r.value.xml.toString()]).toEqual([['base64', 'deflate'], XML]);
  });
  it('refuses an inflated size over the limit', () => {
    const r = decodeInput(Buffer.from(deflateRawSync(Buffer.alloc(4096, 0x3c)).toString('base64')), { maxBytes: 1024 });
    expect(r.ok ? 'ok' : r.code).toBe('INPUT_TOO_LARGE');
  });
  it.each([
    ['not base64 in a form', 'SAMLResponse=@@@@', 'INPUT_NOT_BASE64'],
    ['base64 of non-XML', Buffer.from('just some text').toString('base64'), 'INPUT_NOT_SAML'],
    ['JSON that is not a capture', '{"a":1}', 'CAPTURE_NO_SAML_RESPONSE'],
    ['broken JSON', '{"a":', 'CAPTURE_INVALID_JSON'],
    ['broken %-escapes', 'SAMLResponse=%E0%A4%A', 'INPUT_BAD_URL_ENCODING'],
  ])('%s → %s', (_n, input, code) => {
    const r = dec(input);
    expect(r.ok ? 'ok' : r.code).toBe(code);
  });
  it('leaves anything else to the XML layer (it reports NUL bytes, encodings)', () => {
    const r = dec(Buffer.from([0, 10]));
    expect(r.ok && r.value.steps).toEqual(['xml']);
  });
});

describe('pickFromCapture', () => {
  const post = (url: string, v: string) => ({ method: 'POST', url, post: [['SAMLResponse', v]] });
  it('SAML-tracer: prefers the POST to the ACS URL (trailing slash ignored), the last one if several', () => {
    const r = pickFromCapture(
      { requests: [post('https://h/sso/okta/acs/o/', 'A'), post('https://x/acs', 'B'), post('https://h/sso/okta/acs/o', 'C')] },
      'https://h/sso/okta/acs/o',
    );
    expect(r.ok && [r.hit.value, r.hit.findings.map((f) => f.code)]).toEqual(['C', ['CAPTURE_SEVERAL_RESPONSES']]);
  });
  it('SAML-tracer: a hashed POST value falls back to the decoded copy', () => {
    const r = pickFromCapture(
      {
        requests: [{ method: 'POST', url: 'https://h/sso/okta/acs/o', post: [['SAMLResponse', '#hash:ab12']], saml: '<samlp:Response />' }],
      },
      'https://h/sso/okta/acs/o',
    );
    expect(r.ok && [r.hit.value, r.hit.decodedXml]).toEqual([undefined, '<samlp:Response />']);
  });
  it('HAR: params, or the raw form text; GET entries ignored', () => {
    const har = {
      log: {
        entries: [
          { request: { method: 'GET', url: 'https://h/sso/okta/acs/o' } },
          { request: { method: 'POST', url: 'https://h/sso/okta/acs/o', postData: { params: [{ name: 'SAMLResponse', value: 'P' }] } } },
        ],
      },
    };
    const r = pickFromCapture(har, 'https://h/sso/okta/acs/o');
    expect(r.ok && [r.hit.kind, r.hit.value]).toEqual(['har', 'P']);
  });
  it('no SAMLResponse POST at all', () => {
    expect(pickFromCapture({ log: { entries: [] } }, undefined).ok).toBe(false);
  });
});
