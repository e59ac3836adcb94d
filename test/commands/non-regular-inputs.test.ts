import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { NOW_ARGS as NOW } from '../support/clock.js';

/**
 * An input that is not a regular file (FIFO, device, socket, /proc entry) is refused after open,
 * via fstat, exit 2 at once: a FIFO with no writer used to hang patch and lint, and /dev/zero was
 * read without bound. Every file input: metadata, configs, PEMs, responses. Hang guard: 10 s.
 */
const META = resolve('fixtures/metadata/valid/okta-acme.xml');
let dir: string;
let fifo: string;
let sock: string;
let server: Server;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'non-regular-'));
  fifo = join(dir, 'values.yaml');
  execFileSync('mkfifo', [fifo]);
  sock = join(dir, 'sock.yaml');
  server = createServer();
  await new Promise<void>((r) => server.listen(sock, r));
  copyFileSync('fixtures/demo/values.yaml', join(dir, 'real.yaml'));
});
afterAll(() => server.close());

const specials = () =>
  [
    ['a FIFO', fifo],
    ['a device', '/dev/zero'],
    ['a socket', sock],
    ['a /proc entry', '/proc/self/status'],
  ].filter(([, p]) => existsSync(p as string)) as [string, string][];

describe('non-regular inputs are refused (exit 2, INPUT_NOT_REGULAR)', { timeout: 10_000 }, () => {
  it.each([
    ['validate-metadata <file>', (p: string) => ['validate-metadata', p, ...NOW]],
    ['validate-metadata --signer-cert', (p: string) => ['validate-metadata', META, '--signer-cert', p, ...NOW]],
    ['patch <config>', (p: string) => ['patch', p, '--metadata', META, '--dry-run', ...NOW]],
    ['patch --metadata', (p: string) => ['patch', join(dir, 'real.yaml'), '--metadata', p, '--dry-run', ...NOW]],
    ['urls --config', (p: string) => ['urls', '--config', p, '--org', 'acme']],
    [
      'init --config',
      (p: string) => ['init', '--config', p, '--host', 'polyaxon.acme.com', '--org', 'acme', '--metadata', META, '--yes', ...NOW],
    ],
    [
      'check-response <response>',
      (p: string) => ['check-response', p, '--metadata', META, '--host', 'polyaxon.acme.com', '--org', 'acme', ...NOW],
    ],
    [
      'check-response --idp-cert',
      (p: string) => ['check-response', META, '--idp-cert', p, '--host', 'polyaxon.acme.com', '--org', 'acme', ...NOW],
    ],
    [
      'check-response --sp-key',
      (p: string) => ['check-response', META, '--metadata', META, '--sp-key', p, '--host', 'polyaxon.acme.com', '--org', 'acme', ...NOW],
    ],
  ])('%s', async (_name, argv) => {
    for (const [kind, path] of specials()) {
      const r = await runCli(argv(path), { cwd: dir });
      expect([kind, r.code], r.stderr).toEqual([kind, 2]);
      expect(r.stderr, kind).toMatch(/not a regular file/);
      expect(r.stderr).not.toContain('internal error');
    }
  });

  it('lint: each special input is unreadable (exit 2); the regular one is still linted', async () => {
    const paths = specials().map(([, p]) => p);
    const r = await runCli(['lint', ...paths, join(dir, 'real.yaml'), '--json', ...NOW], { cwd: dir });
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { files: { file: string; unreadable?: boolean; findings: { code: string }[] }[] };
    expect(doc.files.filter((f) => f.unreadable).map((f) => f.findings[0]?.code)).toEqual(paths.map(() => 'INPUT_NOT_REGULAR'));
    expect(doc.files.find((f) => f.file === 'real.yaml')?.unreadable).toBeUndefined();
  });

  it('lint of a directory holding a FIFO named *.yaml: refused, not a hang', async () => {
    const r = await runCli(['lint', '.', '--json', ...NOW], { cwd: dir });
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { files: { file: string; findings: { code: string }[] }[] };
    expect(doc.files.find((f) => f.file === 'values.yaml')?.findings[0]?.code).toBe('INPUT_NOT_REGULAR');
  });

  it('a regular file over --max-size is refused before it is read', async () => {
    writeFileSync(join(dir, 'big.xml'), Buffer.alloc(1024 * 1024 + 1, 0x20));
    const r = await runCli(['validate-metadata', 'big.xml', '--max-size', '1'], { cwd: dir });
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, 'polyaxon-sso: big.xml is larger than 1 MB']);
  });
});
