import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_NOW, HAS_CORPUS, corpusPath } from '../support/corpus.js';
import { certBase64 } from '../support/fixture-certs.js';
import { checkJsonSchema } from '../support/check-json-schema.js';

/**
 * `drift` against a real HTTPS server on 127.0.0.1 whose certificate comes from a test CA made
 * here with openssl, trusted through --ca-file (node:https) or NODE_EXTRA_CA_CERTS (Node's
 * fetch), run as users run it: the built bin in a child process. The server answers what the
 * test sets; every socket is destroyed and the server closed at the end.
 */
const BIN = resolve('bin/polyaxon-sso.js');
const APP_ID = 'exkjl16j5b8X4N6fS1d7';
const ROTATED_SHA256 = '55:3A:1A:7F:27:71:0B:53:D8:B9:73:10:3C:4E:B9:D7:1F:DB:1D:CE:71:01:1C:1C:36:53:39:FE:32:E0:2B:53';
const canRun = HAS_CORPUS && existsSync('dist/cli.cjs');
const SCHEMA = JSON.parse(readFileSync('schemas/drift.schema.json', 'utf8'));

let dir = '';
let server: Server | undefined;
let base = '';
let live = '';
const sockets = new Set<Socket>();

function makeCa(d: string): void {
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: d, stdio: 'pipe' });
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=polyaxon-sso drift test CA',
  );
  ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
  writeFileSync(join(d, 'san.ext'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n');
  ssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.pem',
    '-days',
    '2',
    '-extfile',
    'san.ext',
  );
}

/** The corpus Okta app, served from this server's origin (entityID and appId unchanged). */
const yellow = () =>
  readFileSync(corpusPath('okta-metadata', 'yellowrook1-bugcrowd-pam-681.xml'), 'utf8').replace(
    /https:\/\/bugcrowd-pam-681\.oktapreview\.com/g,
    base,
  );
const rotated = (xml: string) => xml.replace(/(<ds:X509Certificate>)[^<]+(<\/ds:X509Certificate>)/, `$1${certBase64('okta-rotation')}$2`);

function configWith(xml: string): string {
  const block = xml
    .split('\n')
    .map((l) => `          ${l}`)
    .join('\n');
  return `hostName: polyaxon.acme.com\nexternalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: |-\n${block}\n`;
}

function drift(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, 'drift', ...args, '--now', CORPUS_NOW],
      { cwd: dir, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000 },
      (err, stdout, stderr) => done({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
    );
  });
}

describe.skipIf(!canRun)('drift against a local HTTPS server', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'drift-'));
    makeCa(dir);
    server = createServer({ key: readFileSync(join(dir, 'server.key')), cert: readFileSync(join(dir, 'server.pem')) }, (req, res) => {
      const path = req.url ?? '/';
      if (path === `/app/${APP_ID}/sso/saml/metadata`) return res.writeHead(200, { 'content-type': 'application/xml' }).end(live);
      if (path === '/moved') return res.writeHead(302, { location: `/app/${APP_ID}/sso/saml/metadata` }).end();
      if (path === '/other-host')
        return res
          .writeHead(302, { location: `https://localhost:${(server?.address() as { port: number }).port}/app/${APP_ID}/sso/saml/metadata` })
          .end();
      if (path === '/loop') return res.writeHead(302, { location: '/loop' }).end();
      if (path === '/plain-http') return res.writeHead(301, { location: `http://127.0.0.1/app/${APP_ID}/sso/saml/metadata` }).end();
      if (path === '/slow') return; // never answers
      if (path === '/stall') return void res.writeHead(200, { 'content-type': 'application/xml' }).write('<md:EntityDescriptor');
      if (path === '/big') return res.writeHead(200, { 'content-type': 'application/xml' }).end(Buffer.alloc(2 * 1024 * 1024, 0x20));
      if (path === '/html')
        return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Sign in</body></html>');
      if (path === '/json') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      res.writeHead(404).end();
    });
    server.on('connection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((ok) => server?.listen(0, '127.0.0.1', ok));
    base = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
    live = yellow();
    writeFileSync(join(dir, 'values.yaml'), configWith(yellow()));
  }, 30_000);

  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('clean state: exit 0, no findings (CA via --ca-file, and via NODE_EXTRA_CA_CERTS)', async () => {
    live = yellow();
    const a = await drift(['values.yaml', '--ca-file', 'ca.pem', '--json']);
    expect(a.code).toBe(0);
    const doc = JSON.parse(a.stdout);
    expect([doc.drift, doc.findings, doc.change.kind, doc.metadataUrl]).toEqual([
      false,
      [],
      'same',
      `${base}/app/${APP_ID}/sso/saml/metadata`,
    ]);
    expect(checkJsonSchema(SCHEMA, doc)).toEqual([]);
    const b = await drift(['values.yaml', '--json'], { NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem') });
    expect([b.code, JSON.parse(b.stdout).drift]).toEqual([0, false]);
    const text = await drift(['values.yaml', '--ca-file', 'ca.pem']);
    expect([text.code, text.stdout]).toEqual([0, `values.yaml: compared with ${base}/app/${APP_ID}/sso/saml/metadata: no drift\n`]);
  });

  it('without the CA the server is not trusted: exit 2, one line', async () => {
    const r = await drift(['values.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/^polyaxon-sso: .*127\.0\.0\.1/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('after Okta rotated its certificate: exit 1, the new cert is an error located in the config', async () => {
    live = rotated(yellow());
    const r = await drift(['values.yaml', '--ca-file', 'ca.pem', '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.change.kind).toBe('rotation');
    expect(checkJsonSchema(SCHEMA, doc)).toEqual([]);
    const added = doc.findings.find((f: { code: string }) => f.code === 'DRIFT_CERT_NOT_IN_CONFIG');
    expect(added.severity).toBe('error');
    expect(added.message).toContain(ROTATED_SHA256);
    expect(added.location.file).toBe('values.yaml');
    expect(added.location.line).toBeGreaterThan(7);
    expect(doc.findings.map((f: { code: string }) => f.code).sort()).toEqual(['DRIFT_CERT_NOT_IN_CONFIG', 'DRIFT_CERT_NOT_IN_OKTA']);
    const sarif = await drift(['values.yaml', '--ca-file', 'ca.pem', '--format', 'sarif']);
    expect(sarif.code).toBe(1);
    expect(
      JSON.parse(sarif.stdout)
        .runs[0].results.map((x: { ruleId: string }) => x.ruleId)
        .sort(),
    ).toEqual(['DRIFT_CERT_NOT_IN_CONFIG', 'DRIFT_CERT_NOT_IN_OKTA']);
    const gh = await drift(['values.yaml', '--ca-file', 'ca.pem', '--format', 'github']);
    expect(gh.stdout).toMatch(/^::error file=values\.yaml,line=\d+/m);
    live = yellow();
  });

  it('a same-host redirect is followed', async () => {
    const r = await drift(['values.yaml', '--ca-file', 'ca.pem', '--metadata-url', `${base}/moved`, '--json']);
    expect([r.code, JSON.parse(r.stdout).drift]).toEqual([0, false]);
  });

  it.each([
    ['a redirect to another host', '/other-host', [], /another host/],
    ['a redirect to plain http', '/plain-http', [], /not https/],
    ['a redirect loop', '/loop', [], /redirect/],
    ['no answer within --timeout', '/slow', ['--timeout', '1'], /timed out/],
    ['a body that stalls', '/stall', ['--timeout', '1'], /timed out/],
    ['an answer over --max-size', '/big', ['--max-size', '1'], /larger than 1 MB/],
    ['an HTML page', '/html', [], /not IdP metadata/],
    ['JSON', '/json', [], /not IdP metadata/],
    ['HTTP 404', '/nothing', [], /HTTP 404/],
  ])('%s → exit 2, one line on stderr, nothing on stdout', async (_name, path, extra, message) => {
    const r = await drift(['values.yaml', '--ca-file', 'ca.pem', '--metadata-url', `${base}${path}`, ...(extra as string[])]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const [first] = r.stderr.split('\n');
    expect(first).toMatch(/^polyaxon-sso: /);
    expect(first).toMatch(message as RegExp);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});
