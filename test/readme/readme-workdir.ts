import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TEST_NOW } from '../support/clock.js';
import { certPath, keyPath } from '../support/fixture-certs.js';
import { makeResponse, metadataXml } from '../support/make-response.js';

/**
 * The directory a README block runs in: the files its commands name, from fixtures/ (and
 * responses signed with the fixture keys), and `polyaxon-sso` on PATH as the built bin.
 */
export const ROOT = resolve(process.cwd());
/** The --now a README block runs at. */
export const NOW = TEST_NOW;
const fixture = (p: string): string => join(ROOT, 'fixtures', p);

/** What a block needs beyond the base files. */
export type Setup = 'patched' | 'response';

export function binDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'polyaxon-sso-readme-bin-'));
  const shim = join(dir, 'polyaxon-sso');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin', 'polyaxon-sso.js')}" "$@"\n`);
  chmodSync(shim, 0o755);
  return dir;
}

export function workdir(setup: Setup | undefined, bin: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'polyaxon-sso-readme-'));
  const put = (name: string, from: string) => copyFileSync(from, join(dir, name));
  put('values.yaml', fixture('demo/values.yaml'));
  put('okta-metadata.xml', fixture('metadata/valid/okta-acme.xml'));
  put('okta.xml', fixture('metadata/valid/okta-acme.xml'));
  put('federation.xml', fixture('metadata/invalid/aggregate-signed.xml'));
  put('signer.pem', certPath('okta-rotation'));
  // the same Okta app after a certificate rotation: only the new signing certificate
  writeFileSync(join(dir, 'okta-new.xml'), metadataXml(['okta-rotation'], 'http://www.okta.com/exk1fcia6d6EMsf2S5d7'));
  writeFileSync(join(dir, 'other-app.xml'), metadataXml(['okta-rotation'], 'http://www.okta.com/exkOTHERAPP00000000h7'));
  mkdirSync(join(dir, 'deploy'));
  if (setup === 'patched') {
    run(`polyaxon-sso patch values.yaml --metadata okta-metadata.xml --now ${NOW}`, dir, bin, true);
  }
  if (setup === 'response') {
    // the config and the metadata trust the fixture key the responses are signed with
    writeFileSync(join(dir, 'okta.xml'), metadataXml());
    run(`polyaxon-sso patch values.yaml --metadata okta.xml --now ${NOW}`, dir, bin, true);
    const b64 = Buffer.from(makeResponse()).toString('base64');
    const post = [
      ['SAMLResponse', b64],
      ['RelayState', 'x'],
    ];
    writeFileSync(
      join(dir, 'SAML-tracer-export.json'),
      JSON.stringify({
        requests: [{ requestId: '1', method: 'POST', url: 'https://polyaxon.acme.com/sso/okta/acs/acme', post }],
        timestamp: NOW,
      }),
    );
    writeFileSync(join(dir, 'response.b64'), Buffer.from(makeResponse({ encryptFor: 'okta-rotation' })).toString('base64'));
    put('sp.key', keyPath('okta-rotation'));
  }
  copyFileSync(join(dir, 'values.yaml'), join(dir, 'deploy', 'values.yaml'));
  return dir;
}

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One README line through bash (quotes, globs as quoted, redirections), like a reader's shell. */
export function run(command: string, cwd: string, bin: string, mustSucceed = false): Ran {
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, NO_COLOR: '1', FORCE_COLOR: undefined };
  const r = spawnSync('bash', ['-c', command], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  if (mustSucceed && r.status !== 0) throw new Error(`setup failed: ${command}: ${r.stderr}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
