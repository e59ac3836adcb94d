import { createServer as createHttp, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { createServer as createNet, type AddressInfo, type Server } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';
import { fakeIo } from '../support/run-cli.js';
import { NOW_ARGS as NOW } from '../support/clock.js';

/**
 * A failed download says why, in one line with a hint, exit 2, never "internal error": DNS, a
 * refused connection, TLS, a timeout (headers or body), a truncated body, an unusable Location,
 * a size refusal naming the response. Real undici behaviour against servers on 127.0.0.1: the
 * https URL is fetched over plain http by the injected fetch (the URL checks still see https).
 */
const META = readFileSync('fixtures/metadata/valid/okta-acme.xml');

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/ok': (_q, s) => s.end(META),
  '/short': (_q, s) => {
    s.writeHead(200, { 'content-length': String(META.length + 1000) });
    s.write(META.subarray(0, 100));
    setTimeout(() => s.socket?.destroy(), 30);
  },
  '/stall-body': (_q, s) => {
    s.writeHead(200, { 'content-length': String(META.length) });
    s.write(META.subarray(0, 100));
  },
  '/stall-headers': () => undefined,
  '/bad-location': (_q, s) => s.writeHead(302, { location: 'https://[::1' }).end(),
  '/big-declared': (_q, s) => s.writeHead(200, { 'content-length': String(2 * 1024 * 1024) }).end(),
  '/big-chunked': (_q, s) => {
    s.writeHead(200, { 'transfer-encoding': 'chunked' });
    s.end(Buffer.alloc(2 * 1024 * 1024, 0x20));
  },
};

let http: ReturnType<typeof createHttp>;
let closedPort: number;
const open: Server[] = [];
beforeAll(async () => {
  http = createHttp((q, s) => (routes[q.url ?? ''] ?? ((_q, r) => r.writeHead(404).end()))(q, s));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const probe = createNet();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((r) => probe.close(r));
});
afterAll(() => {
  http.closeAllConnections();
  http.close();
  for (const s of open) s.close();
});

const viaHttp = ((u: URL | string, init?: RequestInit) => globalThis.fetch(String(u).replace(/^https:/, 'http:'), init)) as typeof fetch;
const url = (path: string, port = (http.address() as AddressInfo).port) => `https://127.0.0.1:${port}${path}`;

async function vm(args: string[], opts: { fetch?: typeof fetch; timeoutMs?: number } = {}) {
  const io = { ...fakeIo({ fetch: opts.fetch ?? viaHttp }), fetchTimeoutMs: opts.timeoutMs ?? 10_000 };
  const code = await main(['validate-metadata', ...args, ...NOW], io);
  const err = io.err();
  expect(err).not.toMatch(/internal error|\n\s+at /);
  return { code, line: err.split('\n')[0] ?? '', hint: err.split('\n')[1] ?? '' };
}

describe('a failed fetch says why (exit 2, one line + hint)', () => {
  it('the server works: the document is read (the harness is sound)', async () => {
    expect((await vm([url('/ok')])).code).toBe(0);
  });

  it('DNS name not found (getaddrinfo ENOTFOUND in e.cause)', async () => {
    const fetch = (async () => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('getaddrinfo ENOTFOUND acme.okta.example'), { code: 'ENOTFOUND' }),
      });
    }) as typeof globalThis.fetch;
    const r = await vm(['https://acme.okta.example/app/x/sso/saml/metadata'], { fetch });
    expect(r.code).toBe(2);
    expect(r.line).toBe(
      'polyaxon-sso: cannot fetch https://acme.okta.example/app/x/sso/saml/metadata: DNS name not found: acme.okta.example',
    );
    expect(r.hint).toMatch(/^ {2}hint: /);
  });

  it('connection refused', async () => {
    const r = await vm([url('/ok', closedPort)]);
    expect([r.code, r.line]).toEqual([
      2,
      `polyaxon-sso: cannot fetch ${url('/ok', closedPort)}: connection refused by 127.0.0.1:${closedPort}`,
    ]);
  });

  it('TLS certificate error (a self-signed server certificate), with its OpenSSL code', async () => {
    const tls = createHttps(
      { key: readFileSync('fixtures/certs/okta-like.key.pem'), cert: readFileSync('fixtures/certs/okta-like.cert.pem') },
      (_q, s) => s.end(META),
    );
    open.push(tls);
    await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
    const r = await vm([url('/ok', (tls.address() as AddressInfo).port)], { fetch: globalThis.fetch });
    expect(r.code).toBe(2);
    expect(r.line).toMatch(
      /: TLS certificate error: .*\((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\)$/,
    );
  });

  it('timeout: headers that never come, and a body that stops arriving', async () => {
    const headers = await vm([url('/stall-headers')], { timeoutMs: 300 });
    expect([headers.code, headers.line]).toEqual([2, `polyaxon-sso: fetching ${url('/stall-headers')} timed out after 0.3s`]);
    const body = await vm([url('/stall-body')], { timeoutMs: 300 });
    expect([body.code, body.line]).toEqual([
      2,
      `polyaxon-sso: fetching ${url('/stall-body')} timed out after 0.3s while the body was arriving`,
    ]);
  });

  it('a Content-Length larger than the body (truncated download)', async () => {
    const r = await vm([url('/short')]);
    expect([r.code, r.line]).toEqual([
      2,
      `polyaxon-sso: the response from ${url('/short')} ended early: the connection closed before the whole body (Content-Length) arrived`,
    ]);
  });

  it('an unparsable Location header', async () => {
    const r = await vm([url('/bad-location')]);
    expect([r.code, r.line]).toEqual([
      2,
      `polyaxon-sso: ${url('/bad-location')} redirected to an unusable Location header: "https://[::1"`,
    ]);
  });

  it('a size refusal names the response, whether announced or streamed', async () => {
    for (const path of ['/big-declared', '/big-chunked']) {
      const r = await vm([url(path), '--max-size', '1']);
      expect([r.code, r.line]).toEqual([2, `polyaxon-sso: the response from ${url(path)} is larger than 1 MB`]);
    }
  });

  it('stdin over --max-size still says stdin', async () => {
    const io = fakeIo({ stdin: Buffer.alloc(2 * 1024 * 1024, 0x20) });
    expect(await main(['validate-metadata', '-', '--max-size', '1'], io)).toBe(2);
    expect(io.err().split('\n')[0]).toBe('polyaxon-sso: metadata on stdin is larger than 1 MB');
  });
});
