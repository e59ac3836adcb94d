import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * What users get from `npm pack` ("Packaging"): only what runs, and it runs from an empty
 * directory. npm test builds dist/ first; without it these tests are skipped like the bin e2e.
 */
const ROOT = process.cwd();
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// Under `npm test` the env carries npm_config_local_prefix etc., which would point a child npm
// back at this repository: give children a clean npm environment.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
Object.assign(env, { npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' });

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 150_000 });
}

const ALLOWED =
  /^(bin\/polyaxon-sso\.js|bin\/package\.json|dist\/.+\.(c?js|d\.ts)|schemas\/[^/]+\.json|docs\/[^/]+\.md|README\.md|SECURITY\.md|LICENSE|package\.json)$/;

describe.skipIf(!existsSync('dist/cli.cjs'))('npm pack', () => {
  let tmp = '';
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'polyaxon-sso-pack-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it(
    'contains only what runs and what the README links to: bin, dist, schemas, docs, README, SECURITY.md, LICENSE, package.json',
    { timeout: 180_000 },
    () => {
      const r = run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT);
      expect(r.status, r.stderr).toBe(0);
      const [manifest] = JSON.parse(r.stdout) as { files: { path: string }[] }[];
      const paths = manifest!.files.map((f) => f.path);
      expect(paths.filter((p) => !ALLOWED.test(p))).toEqual([]);
      expect(paths.filter((p) => /^(src|test|fixtures|bench|scripts|node_modules)\//.test(p))).toEqual([]);
      for (const needed of [
        'bin/polyaxon-sso.js',
        'bin/package.json',
        'dist/cli.cjs',
        'dist/index.js',
        'dist/index.d.ts',
        'README.md',
        'SECURITY.md',
        'docs/findings.md',
        'LICENSE',
        'package.json',
      ]) {
        expect(paths).toContain(needed);
      }
      // Every relative link of the README (docs/, SECURITY.md, schemas/) resolves inside the tarball.
      const links = [...readFileSync('README.md', 'utf8').matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)]
        .map((m) => m[1] as string)
        .filter((l) => !/^[a-z]+:/.test(l));
      expect(links.length).toBeGreaterThan(3);
      expect(links.filter((l) => !paths.includes(l))).toEqual([]);
    },
  );

  it('installs into an empty directory; npx polyaxon-sso runs --version, urls, a signed validate-metadata and the library import', (ctx) => {
    const packed = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], ROOT);
    expect(packed.status, packed.stderr).toBe(0);
    const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
    const tgz = join(tmp, filename);
    expect(existsSync(tgz)).toBe(true);

    const app = join(tmp, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "pack-smoke", "private": true }\n');
    // The tarball's dependencies come from npm's cache (filled by `npm ci`), else the registry.
    const install = ['install', '--no-audit', '--no-fund', '--no-package-lock', tgz];
    let r = run('npm', [...install, '--offline'], app);
    if (r.status !== 0) r = run('npm', [...install, '--prefer-offline'], app);
    if (r.status !== 0) {
      const why = `could not install ${filename} (npm cache and registry both failed): ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`;
      if (process.env.CI === 'true') throw new Error(why);
      process.stderr.write(`notice: ${why}; skipped\n`);
      ctx.skip();
    }
    expect(existsSync(join(app, 'node_modules', 'polyaxon-sso', 'src'))).toBe(false);

    const version = run('npx', ['polyaxon-sso', '--version'], app);
    expect({ code: version.status, stdout: version.stdout, stderr: version.stderr }).toEqual({
      code: 0,
      stdout: `${pkg.version}\n`,
      stderr: '',
    });

    const urls = run('npx', ['polyaxon-sso', 'urls', '--host', 'https://polyaxon.acme.com/', '--org', 'acme', '--json'], app);
    expect(urls.status, urls.stderr).toBe(0);
    expect(urls.stdout).toBe(readFileSync(join(ROOT, 'test/golden/urls/acme.json'), 'utf8'));

    const usage = run('npx', ['polyaxon-sso', 'urls', '--host', 'polyaxon.acme.com', '--org', '../x'], app);
    expect(usage.status).toBe(2);

    // The library entry resolves through package.json "exports" from the installed copy.
    const lib = run(
      process.execPath,
      ['--input-type=module', '-e', "const m = await import('polyaxon-sso'); console.log(m.VERSION, typeof m.buildSpUrls)"],
      app,
    );
    expect(lib.stdout, lib.stderr).toBe(`${pkg.version} function\n`);

    // A signed document: the CLI loads dist/lazy/xml-crypto.cjs; the library, which
    // nothing preloads, falls back to requiring the installed xml-crypto. Both must verify.
    const signed = join(ROOT, 'fixtures/metadata/valid/okta-signed.xml');
    const signer = join(ROOT, 'fixtures/certs/okta-rotation.cert.pem');
    const vm = run(
      'npx',
      ['polyaxon-sso', 'validate-metadata', signed, '--signer-cert', signer, '--now', '2026-06-01T00:00:00Z', '--json'],
      app,
    );
    expect(vm.status, vm.stderr).toBe(0);
    expect((JSON.parse(vm.stdout) as { signatureValid: boolean }).signatureValid).toBe(true);
    const libSigned = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { readFileSync } from 'node:fs'; const m = await import('polyaxon-sso');
       const r = m.validateMetadata(readFileSync(${JSON.stringify(signed)}, 'utf8'), { now: new Date('2026-06-01T00:00:00Z'), signerCerts: [readFileSync(${JSON.stringify(signer)}, 'utf8')] });
       console.log(r.signatureValid, r.signatureTrust)`,
      ],
      app,
    );
    expect(libSigned.stdout, libSigned.stderr).toBe('true signer-cert\n');
  }, 180_000);
});

describe('package.json', () => {
  it('names the repository, homepage and issue tracker (npm shows them)', () => {
    const meta = JSON.parse(readFileSync('package.json', 'utf8')) as {
      repository?: { url?: string };
      homepage?: string;
      bugs?: { url?: string };
    };
    expect(meta.repository?.url).toMatch(/^git\+https:\/\/github\.com\/[^/]+\/polyaxon-sso\.git$/);
    expect(meta.homepage).toMatch(/^https:\/\/github\.com\/[^/]+\/polyaxon-sso#readme$/);
    expect(meta.bugs?.url).toMatch(/^https:\/\/github\.com\/[^/]+\/polyaxon-sso\/issues$/);
  });
});
