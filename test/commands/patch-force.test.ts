import { copyFileSync, mkdtempSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { TEST_CLOCK as NOW } from '../support/clock.js';

/**
 * `patch --force` wrote metadata with hostile constructs into the config. --force
 * overrides only errors about content the tool understood; never the XML gate (any XML_* error)
 * nor a document that could not be read as IdP metadata. Those exit 1 with nothing written.
 */
const VALID = join(process.cwd(), 'fixtures', 'metadata', 'valid', 'okta-acme.xml');
const INVALID = join(process.cwd(), 'fixtures', 'metadata', 'invalid');
const ACME = readFileSync(VALID, 'utf8');
const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';
const OLD = new Date('2020-01-01T00:00:00Z');
const CONFIG = '# deployment\nhostName: polyaxon.acme.com\n';

/** The valid Okta export with one hostile construct added: the gate is the only thing that objects. */
const HOSTILE: Record<string, [xml: string | Buffer, code: string]> = {
  'DOCTYPE with an internal entity': [ACME.replace(DECL, `${DECL}<!DOCTYPE r [<!ENTITY a "b">]>\n`), 'XML_ENTITY_DECLARATION'],
  'a processing instruction': [
    ACME.replace(DECL, `${DECL}<?xml-stylesheet href="https://evil.example/x.xsl"?>\n`),
    'XML_PROCESSING_INSTRUCTION',
  ],
  'two roots': [`${ACME}${ACME.replace(DECL, '')}`, 'XML_MULTIPLE_ROOTS'],
  'a NUL byte': [ACME.replace('</md:EntityDescriptor>', '<!-- \u0000 --></md:EntityDescriptor>'), 'XML_NUL_BYTE'],
  'invalid UTF-8': [
    Buffer.concat([
      Buffer.from(ACME.replace('</md:EntityDescriptor>', '<!-- ')),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(' --></md:EntityDescriptor>\n'),
    ]),
    'XML_ENCODING',
  ],
};
/** Fixtures that fail the gate, or are not IdP metadata at all (no code of the XML layer). */
const FIXTURES: Record<string, string> = {
  'entity-expansion.xml': 'XML_ENTITY_DECLARATION',
  'signed-tampered.xml': 'XML_SIGNATURE_INVALID',
  'utf16-without-bom.xml': 'XML_ENCODING',
  'certificate-instead.pem': 'MD_PEM_GIVEN',
  'sp-metadata.xml': 'MD_SP_METADATA',
  'okta-sign-in-page.html': 'MD_HTML_PAGE',
  'aggregate-two-idps.xml': 'MD_AGGREGATE_NEEDS_ENTITY_ID',
  // understood, but never written: a secret into the config, or a javascript: endpoint
  'private-key-as-cert.xml': 'CERT_IS_PRIVATE_KEY',
  'sso-javascript.xml': 'MD_SSO_BAD_URL',
};

function workdir(metadata: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'patch-force-'));
  writeFileSync(join(dir, 'idp.xml'), metadata);
  writeFileSync(join(dir, 'values.yaml'), CONFIG);
  utimesSync(join(dir, 'values.yaml'), OLD, OLD);
  return dir;
}

async function forced(dir: string, ...extra: string[]) {
  const r = await runCli(['patch', 'values.yaml', '--metadata', 'idp.xml', '--force', ...extra], { cwd: dir, now: NOW });
  return { ...r, json: extra.includes('--json') ? JSON.parse(r.stdout) : undefined };
}

function expectUntouched(dir: string): void {
  expect(readFileSync(join(dir, 'values.yaml'), 'utf8')).toBe(CONFIG);
  expect(statSync(join(dir, 'values.yaml')).mtimeMs).toBe(OLD.getTime());
  expect(readdirSync(dir).sort()).toEqual(['idp.xml', 'values.yaml']);
}

describe('patch --force never overrides the XML gate', () => {
  for (const [name, [xml, code]] of Object.entries(HOSTILE)) {
    it(`${name}: ${code}, exit 1, nothing written, "--force cannot override this"`, async () => {
      const dir = workdir(xml);
      const r = await forced(dir, '--json', '--backup');
      expect(r.code).toBe(1);
      expect(r.json).toMatchObject({ schemaVersion: 1, outcome: 'metadata-invalid', written: false, forced: false });
      expect(r.json.findings.filter((f: { severity: string }) => f.severity === 'error').map((f: { code: string }) => f.code)).toContain(
        code,
      );
      expect(r.stderr).toContain('--force cannot override this');
      expectUntouched(dir);
      const text = await forced(dir);
      expect(text.code).toBe(1);
      expect(text.stderr).toContain('--force cannot override this');
      expectUntouched(dir);
    });
  }

  for (const [file, code] of Object.entries(FIXTURES)) {
    it(`fixtures/metadata/invalid/${file}: ${code}, exit 1, nothing written`, async () => {
      const dir = workdir('');
      copyFileSync(join(INVALID, file), join(dir, 'idp.xml'));
      const r = await forced(dir, '--json');
      expect(r.code).toBe(1);
      expect(r.json).toMatchObject({ outcome: 'metadata-invalid', written: false, forced: false });
      expect(r.json.findings.map((f: { code: string }) => f.code)).toContain(code);
      expect(r.stderr).toContain('--force cannot override this');
      expectUntouched(dir);
    });
  }

  it('--force still overrides errors about understood content (expired cert, RSA-1024, http endpoint): exit 0, forced', async () => {
    for (const [file, code] of [
      ['expired-cert.xml', 'CERT_EXPIRED'],
      ['rsa1024-cert.xml', 'CERT_WEAK_KEY'],
      ['sso-http.xml', 'MD_SSO_NOT_HTTPS'],
    ] as const) {
      const dir = workdir('');
      copyFileSync(join(INVALID, file), join(dir, 'idp.xml'));
      const r = await forced(dir, '--json');
      expect({ file, code: r.code }).toEqual({ file, code: 0 });
      expect(r.json).toMatchObject({ outcome: 'written', written: true, forced: true });
      expect(r.json.findings.map((f: { code: string }) => f.code)).toContain(code);
      expect(readFileSync(join(dir, 'values.yaml'), 'utf8')).toContain('okta:');
    }
  });
});
