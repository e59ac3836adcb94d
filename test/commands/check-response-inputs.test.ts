/**
 * Every input form check-response reads (XML, base64 with line breaks, URL-encoded, raw DEFLATE, form body,
 * SAML-tracer export, HAR) and EncryptedAssertion decryption, on fixture-signed responses.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { keyPath } from '../support/fixture-certs.js';
import { runCli } from '../support/run-cli.js';
import { ACS, ISSUED, SP, makeResponse, metadataXml, type ResponseSpec } from '../support/make-response.js';

const dir = mkdtempSync(join(tmpdir(), 'check-response-in-'));
let n = 0;
const write = (text: string | Buffer, ext = 'txt'): string => {
  const p = join(dir, `in${n++}.${ext}`);
  writeFileSync(p, text);
  return p;
};
const META = write(metadataXml(), 'xml');
const BASE = ['--metadata', META, '--host', SP.host, '--org', SP.org, '--now', ISSUED, '--json'];

async function run(file: string, extra: string[] = []) {
  const r = await runCli(['check-response', file, ...BASE, ...extra]);
  return { ...r, json: r.stdout ? JSON.parse(r.stdout) : undefined };
}

const xml = makeResponse();
const b64 = Buffer.from(xml).toString('base64');
const wrapped = b64.replace(/.{76}/g, '$&\r\n');
const tracer = (posts: [string, string][]) =>
  JSON.stringify({
    requests: posts.map(([url, v], i) => ({
      requestId: String(i),
      method: 'POST',
      url,
      post: [
        ['SAMLResponse', v],
        ['RelayState', 'x'],
      ],
    })),
    timestamp: ISSUED,
  });
const har = (posts: [string, string][]) =>
  JSON.stringify({
    log: {
      version: '1.2',
      entries: [
        { request: { method: 'GET', url: 'https://acme.okta.com/app/x/sso/saml', postData: undefined } },
        ...posts.map(([url, v]) => ({
          request: {
            method: 'POST',
            url,
            postData: { mimeType: 'application/x-www-form-urlencoded', text: `SAMLResponse=${encodeURIComponent(v)}&RelayState=abc` },
          },
        })),
      ],
    },
  });

describe('check-response: input forms', () => {
  it.each([
    ['XML', xml, ['xml']],
    ['XML with BOM', `\uFEFF${xml}`, ['xml']],
    ['base64 (one line)', b64, ['base64']],
    ['base64 wrapped at 76 with CRLF', wrapped, ['base64']],
    ['URL-encoded base64', encodeURIComponent(b64), ['url-encoded', 'base64']],
    ['form body', `SAMLResponse=${encodeURIComponent(b64)}&RelayState=%2Fhome`, ['form', 'url-encoded', 'base64']],
    ['raw DEFLATE + base64 (Redirect binding)', deflateRawSync(Buffer.from(xml)).toString('base64'), ['base64', 'deflate']],
    ['SAML-tracer export', tracer([[ACS, b64]]), ['saml-tracer', 'base64']],
    ['HAR file', har([[ACS, wrapped]]), ['har', 'url-encoded', 'base64']],
  ])('%s', async (_name, text, steps) => {
    const { code, json } = await run(write(text));
    expect(json.input.decodedFrom).toEqual(steps);
    expect([code, json.signatureValid, json.nameId]).toEqual([0, true, 'jane.doe@acme.com']);
  });

  it('from stdin', async () => {
    const r = await runCli(['check-response', '-', ...BASE], { stdin: wrapped });
    expect([r.code, JSON.parse(r.stdout).signatureValid]).toEqual([0, true]);
  });

  it('a capture: picks the POST to our ACS URL among several', async () => {
    const other = Buffer.from(makeResponse({ nameId: 'someone@else.com' })).toString('base64');
    for (const cap of [
      tracer([
        [ACS, b64],
        ['https://other.example.com/acs', other],
      ]),
      har([
        [ACS, b64],
        ['https://other.example.com/acs', other],
      ]),
    ]) {
      const { code, json } = await run(write(cap));
      expect([code, json.nameId, json.input.postedTo]).toEqual([0, 'jane.doe@acme.com', ACS]);
    }
  });

  it('a capture with no POST to our ACS URL: checks the last one and warns (--strict fails)', async () => {
    const file = write(har([['https://other.example.com/acs', b64]]));
    const { code, json } = await run(file);
    expect(code).toBe(0);
    expect((await run(file, ['--strict'])).code).toBe(1);
    expect(json.findings.map((f: { code: string }) => f.code)).toContain('CAPTURE_NOT_POSTED_TO_ACS');
  });

  it.each([
    ['a capture without any SAMLResponse', JSON.stringify({ log: { entries: [] } })],
    ['JSON that is no capture', '{"hello": 1}'],
    ['broken JSON', '{"requests": ['],
    ['a SAMLResponse value that is not base64', 'SAMLResponse=%%%'],
    ['base64 of something else', Buffer.from('hello world, not xml at all!!').toString('base64')],
  ])('exit 2 for %s', async (_n, text) => {
    const r = await runCli(['check-response', write(text), ...BASE]);
    expect(r.code).toBe(2);
    // --json: the error document (schemas/error.schema.json), still one document on stdout
    expect(JSON.parse(r.stdout)).toMatchObject({
      schemaVersion: 1,
      exitCode: 2,
      ok: false,
      error: { code: expect.stringMatching(/^[A-Z][A-Z0-9_]*$/) },
    });
  });

  it('a DEFLATE bomb stops at --max-size', async () => {
    const bomb = deflateRawSync(Buffer.alloc(3 * 1024 * 1024, 0x3c)).toString('base64');
    const r = await runCli(['check-response', write(bomb), ...BASE, '--max-size', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--max-size');
  });

  it('garbage bytes are a malformed response (exit 1), not a crash', async () => {
    const { code, json } = await run(write(Buffer.from([0, 10])));
    expect([code, json.signatureValid, json.nameId]).toEqual([1, false, null]);
  });
});

describe('check-response: EncryptedAssertion', () => {
  const enc = (spec: ResponseSpec = {}) => write(makeResponse({ encryptFor: 'okta-rotation', ...spec }), 'xml');
  const KEY = ['--sp-key', keyPath('okta-rotation')];

  it.each([
    ['aes256-cbc, key inline', {}],
    ['aes128-cbc', { data: 'aes128-cbc' }],
    ['aes256-gcm', { data: 'aes256-gcm' }],
    ['aes128-gcm', { data: 'aes128-gcm' }],
    ['EncryptedKey beside EncryptedData via RetrievalMethod', { placement: 'retrieval-method' }],
  ] as [string, ResponseSpec['encryption']][])('decrypts %s, then verifies the inner signature', async (_n, encryption) => {
    const { code, json } = await run(enc({ encryption }), KEY);
    expect([code, json.encrypted, json.signed, json.signatureValid, json.nameId]).toEqual([0, true, 'both', true, 'jane.doe@acme.com']);
    expect(json.signatures.map((s: { encrypted: boolean }) => s.encrypted)).toEqual([false, true]);
  });

  it('an unsigned Response around a signed encrypted assertion: signed = assertion', async () => {
    const { code, json } = await run(enc({ signResponse: false }), KEY);
    expect([code, json.signed, json.signatureValid]).toEqual([0, 'assertion', true]);
  });

  it('a tampered inner assertion fails even though the Response is unsigned', async () => {
    const { json } = await run(enc({ signResponse: false, signAssertion: false }), KEY);
    expect([json.signed, json.signatureValid]).toEqual(['none', false]);
  });

  it.each([
    ['no --sp-key', [], 'ENCRYPTED_ASSERTION_NO_KEY', {}],
    ['the wrong key', ['--sp-key', keyPath('okta-like')], 'DECRYPT_FAILED', {}],
    ['RSA PKCS#1 v1.5 key transport (padding oracle)', KEY, 'DECRYPT_ALGORITHM_REFUSED', { key: 'rsa-1_5' }],
    ['3DES content', KEY, 'DECRYPT_ALGORITHM_REFUSED', { data: 'tripledes-cbc' }],
  ] as [string, string[], string, ResponseSpec['encryption']][])('%s → %s', async (_n, extra, want, encryption) => {
    const { code, json } = await run(enc({ encryption }), extra);
    expect(code).toBe(1);
    expect(json.findings.map((f: { code: string }) => f.code)).toContain(want);
    expect([json.signatureValid, json.nameId]).toEqual([false, null]);
  });
});
