import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUnchanged, findingCodes, runGuarded, snapshotDir, tempDir } from '../support/guarded-run.js';
import { HOST, metadata } from '../support/xml-fixtures.js';
import { TEST_NOW as NOW } from '../support/clock.js';

/**
 * The XML gate is shared: hostile XML is refused the same way when it arrives through `patch
 * --metadata`, inside a config linted by `lint` (with the real line in the YAML file), and in a
 * response checked by `check-response` (docs/design.md §5).
 */
const XXE = '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
const LAUGHS = `<!DOCTYPE r [<!ENTITY l "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i || ''};`.repeat(10)}">`).join('')}]>`;

describe.each([
  ['XXE', XXE],
  ['billion laughs', LAUGHS],
])('%s', (_name, doctype) => {
  it('patch --metadata refuses it: exit 1, config unchanged', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'values.yaml'), 'hostName: polyaxon.acme.com\n');
    writeFileSync(join(dir, 'idp.xml'), `<?xml version="1.0"?>${doctype}${metadata({ declaration: false })}`);
    const before = snapshotDir(dir);
    const r = await runGuarded(['patch', 'values.yaml', '--metadata', 'idp.xml', '--json', '--now', NOW], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.json?.outcome).toBe('metadata-invalid');
    expect(findingCodes(r.json)).toEqual(expect.arrayContaining(['XML_DOCTYPE', 'XML_ENTITY_DECLARATION']));
    expect(r.requests).toEqual([]);
    expectUnchanged(before, snapshotDir(dir));
  });

  it('lint reports it at its line in the YAML file', async () => {
    const dir = tempDir();
    // Every line of the block scalar indented (the certificate is wrapped over several lines).
    const yaml = `externalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: |-\n          ${doctype}\n          ${metadata({ declaration: false }).replace(/\n/g, '\n          ')}\n`;
    writeFileSync(join(dir, 'values.yaml'), yaml);
    const before = snapshotDir(dir);
    const r = await runGuarded(['lint', 'values.yaml', '--json', '--now', NOW], { cwd: dir });
    expect(r.code).toBe(1);
    const files = (r.json?.files ?? []) as { findings: { code: string; location?: { line: number; column: number } }[] }[];
    const doctypeFinding = files[0]?.findings.find((f) => f.code === 'XML_DOCTYPE');
    expect(doctypeFinding?.location).toMatchObject({ line: 7, column: 11 });
    expect(r.requests).toEqual([]);
    expectUnchanged(before, snapshotDir(dir));
  });

  it('check-response refuses it: no entity is resolved, nothing from /etc/passwd', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'idp.xml'), metadata());
    writeFileSync(
      join(dir, 'resp.xml'),
      `<?xml version="1.0"?>${doctype}<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="r">${doctype === XXE ? '&xxe;' : '&l9;'}</samlp:Response>`,
    );
    const r = await runGuarded(
      ['check-response', 'resp.xml', '--metadata', 'idp.xml', '--host', HOST, '--org', 'acme', '--json', '--now', NOW],
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    expect(findingCodes(r.json?.findings)).toEqual(expect.arrayContaining(['XML_DOCTYPE', 'XML_ENTITY_DECLARATION']));
    expect(r.json?.signatureValid).toBe(false);
    expect(r.stdout).not.toMatch(/root:x:0|lollol/);
    expect(r.requests).toEqual([]);
  });
});
