import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readmeLines, type ReadmeLine } from './readme-lines.js';
import { binDir, NOW, ROOT, run, workdir, type Setup } from './readme-workdir.js';

/**
 * The README is executed: every `polyaxon-sso …` line of its ```sh blocks runs against the built
 * bin and the bundled fixtures, and its exit code and a key line of its output are checked. A line
 * that is not in TABLE fails (so the README cannot drift from the tool); lines that need the
 * network or a terminal are marked in the README and skipped by name.
 */
interface Expected {
  code: number;
  /** A line (or pattern) of stdout + stderr, or of `file` when the command writes one. */
  out: string | RegExp;
  file?: string;
  /** What the block's directory needs first (the first line of a block decides). */
  setup?: Setup;
}

/** README placeholders → values of the fixtures. */
const SUBSTITUTE: [string, string][] = [
  ['73:DC:D0:9C:…:04:53', '73:DC:D0:9C:65:52:55:AF:06:F6:39:C3:D4:22:00:6F:75:D3:8F:A9:A0:BF:83:0E:8B:E8:87:40:46:AE:04:53'], // okta-like
  ['55:3A:1A:…:2B:53', '55:3A:1A:7F:27:71:0B:53:D8:B9:73:10:3C:4E:B9:D7:1F:DB:1D:CE:71:01:1C:1C:36:53:39:FE:32:E0:2B:53'], // okta-rotation
  ['http://www.okta.com/exk…', 'http://www.okta.com/exk1fcia6d6EMsf2S5d7'],
];

const ACS = 'https://polyaxon.acme.com/sso/okta/acs/acme';
const TABLE: Record<string, Expected> = {
  // urls
  'polyaxon-sso urls --host polyaxon.acme.com --org acme': { code: 0, out: ACS },
  'polyaxon-sso urls --config values.yaml --org acme': { code: 0, out: /ingress\.hostName in values\.yaml/ },
  'polyaxon-sso urls --host polyaxon.acme.com --org acme --json': {
    code: 0,
    out: '"audienceUri": "https://polyaxon.acme.com/sso/okta/metadata/acme"',
  },
  'polyaxon-sso urls --host polyaxon.acme.com --org acme --format terraform > okta.tf': {
    code: 0,
    out: 'resource "okta_app_saml"',
    file: 'okta.tf',
  },
  // validate-metadata
  'polyaxon-sso validate-metadata okta-metadata.xml': { code: 0, out: 'http://www.okta.com/exk1fcia6d6EMsf2S5d7' },
  'polyaxon-sso validate-metadata federation.xml --entity-id http://www.okta.com/exk… --signer-cert signer.pem': {
    code: 0,
    out: 'signature: verified with --signer-cert',
  },
  // patch
  'polyaxon-sso patch values.yaml --metadata okta-metadata.xml --diff': { code: 0, out: '+    okta:' },
  'polyaxon-sso patch values.yaml --metadata okta-metadata.xml': { code: 0, out: 'patched values.yaml' },
  'polyaxon-sso patch values.yaml --metadata okta-metadata.xml --check': { code: 0, out: 'already up to date' },
  'polyaxon-sso patch values.yaml --disable': { code: 0, out: 'patched values.yaml' },
  'polyaxon-sso patch new-values.yaml --metadata okta.xml --create': { code: 0, out: 'created new-values.yaml' },
  'polyaxon-sso patch values.yaml --metadata okta-new.xml --fingerprint 55:3A:1A:…:2B:53': {
    code: 0,
    out: 'patched values.yaml',
    setup: 'patched',
  },
  'polyaxon-sso patch values.yaml --metadata other-app.xml --allow-idp-change': { code: 0, out: 'patched values.yaml' },
  // lint
  'polyaxon-sso lint deploy/': { code: 0, out: '1 file linted: 0 errors, 0 warnings', setup: 'patched' },
  'polyaxon-sso lint "deploy/**/*.{yaml,yml}" --min-days 45 --fingerprint 73:DC:D0:9C:…:04:53': {
    code: 0,
    out: '1 file linted: 0 errors, 0 warnings',
  },
  'polyaxon-sso lint values.yaml --host polyaxon.acme.com --org acme --require-okta': {
    code: 0,
    out: '1 file linted: 0 errors, 0 warnings',
  },
  'polyaxon-sso lint deploy/ --format sarif > polyaxon-sso.sarif': { code: 0, out: '"version": "2.1.0"', file: 'polyaxon-sso.sarif' },
  'polyaxon-sso lint values.yaml': { code: 0, out: '1 file linted: 0 errors, 0 warnings' },
  'polyaxon-sso lint values.yaml --target helm': { code: 0, out: '1 file linted: 0 errors, 0 warnings' },
  // schema
  'polyaxon-sso schema --draft 07 > polyaxon-deployment.schema.json': {
    code: 0,
    out: '"$schema": "http://json-schema.org/draft-07/schema#"',
    file: 'polyaxon-deployment.schema.json',
  },
  'polyaxon-sso schema': { code: 0, out: '"$schema": "https://json-schema.org/draft/2020-12/schema"' },
  'polyaxon-sso schema --target helm': { code: 0, out: 'Polyaxon CLI 2.16, Helm values' },
  // init
  'polyaxon-sso init --config values.yaml --host polyaxon.acme.com --org acme --metadata okta-metadata.xml --terraform-out okta.tf --yes --json':
    { code: 0, out: '"changed": true' },
  // check-response
  'polyaxon-sso check-response SAML-tracer-export.json --config values.yaml --host polyaxon.acme.com --org acme': {
    code: 0,
    out: 'jane.doe@acme.com',
    setup: 'response',
  },
  'polyaxon-sso check-response response.b64 --metadata okta.xml --host polyaxon.acme.com --org acme --sp-key sp.key --json': {
    code: 0,
    out: '"signatureValid": true',
  },
  // explain
  'polyaxon-sso explain CERT_EXPIRED': { code: 0, out: 'CERT_EXPIRED  (Certificates)' },
};

/** Commands that read a clock get the fixtures' one, so the README test never rots. */
function withClock(text: string): string {
  if (text.includes('--now')) return text;
  return text.replace(/^polyaxon-sso (validate-metadata|patch|lint|init|check-response|drift) /, `polyaxon-sso $1 --now ${NOW} `);
}

function substitute(text: string): string {
  return SUBSTITUTE.reduce((t, [from, to]) => t.split(from).join(to), text);
}

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const LINES = readmeLines(README);
const where = (l: ReadmeLine): string => `README.md:${l.line}: ${l.text}`;

describe('README command lines', () => {
  it('every line is in the table, and every table entry is still in the README', () => {
    const unknown = LINES.filter((l) => l.skip === undefined && !Object.hasOwn(TABLE, l.text)).map(where);
    expect(
      unknown,
      `README lines without an expected exit code and output: add them to TABLE in ${'test/readme/readme-doctest.test.ts'}`,
    ).toEqual([]);
    const stale = Object.keys(TABLE).filter((t) => !LINES.some((l) => l.text === t));
    expect(stale, 'TABLE entries no longer in the README').toEqual([]);
    expect(LINES.filter((l) => l.skip === undefined).length).toBeGreaterThan(10);
  });
});

describe.skipIf(!existsSync(join(ROOT, 'dist', 'cli.cjs')))('README doc-test (built bin, bundled fixtures)', () => {
  const bin = binDir();
  const dirs: string[] = [bin];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const blocks = [...new Set(LINES.map((l) => l.block))];

  for (const block of blocks) {
    const lines = LINES.filter((l) => l.block === block);
    it(`block ${block + 1} (README.md:${lines[0]?.line}): ${lines.length} line(s)`, (ctx) => {
      const runnable = lines.filter((l) => l.skip === undefined && Object.hasOwn(TABLE, l.text));
      for (const l of lines.filter((x) => x.skip !== undefined)) process.stderr.write(`notice: skipped ${where(l)} (${l.skip})\n`);
      if (runnable.length === 0) return ctx.skip();
      const setup = runnable.map((l) => TABLE[l.text]?.setup).find((s) => s !== undefined);
      const dir = workdir(setup, bin);
      dirs.push(dir);
      for (const l of runnable) {
        const want = TABLE[l.text] as Expected;
        const command = withClock(substitute(l.text));
        expect(command, `${where(l)}: a placeholder has no substitution`).not.toContain('…');
        const r = run(command, dir, bin);
        const output = want.file ? readFileSync(join(dir, want.file), 'utf8') : `${r.stdout}${r.stderr}`;
        expect(r.code, `${where(l)}\n${r.stderr}`).toBe(want.code);
        if (typeof want.out === 'string') expect(output, where(l)).toContain(want.out);
        else expect(output, where(l)).toMatch(want.out);
      }
    }, 120_000);
  }

  it('npm run demo: scripts/demo.sh runs every step and ends with "demo: done"', () => {
    const r = run('bash scripts/demo.sh', ROOT, bin);
    expect(r.code, r.stderr).toBe(0);
    for (const key of [
      '$ polyaxon-sso urls --config values.yaml --org acme',
      ACS,
      'patched values.yaml',
      'already up to date',
      'demo: done',
    ])
      expect(r.stdout).toContain(key);
  }, 120_000);
});
