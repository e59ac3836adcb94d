import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateMetadata } from '../../src/core/metadata/validate-metadata.js';
import { DS, MD, b64, keyDescriptor, metadata } from '../support/xml-fixtures.js';
import { runCli } from '../support/run-cli.js';
import { TEST_CLOCK as NOW } from '../support/clock.js';

/**
 * One metadata intake for every command (src/cli/load-metadata.ts): a file reads the same in
 * validate-metadata, patch, init and check-response --metadata; what patch stores is UTF-8 with a
 * matching declaration; from an aggregate only the selected entity is stored, and lint finds no
 * metadata error in whatever patch writes.
 */
const ARGS = ['--now', NOW.toISOString()];
const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const okta = metadata({ declaration: false });
const UTF16 = utf16(`<?xml version="1.0" encoding="UTF-16"?>\n${okta}`);

function dir(files: Record<string, string | Buffer>): string {
  const d = mkdtempSync(join(tmpdir(), 'intake-'));
  writeFileSync(join(d, 'values.yaml'), 'hostName: polyaxon.acme.com\n');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(d, name), content);
  return d;
}
const storedXml = (d: string) =>
  parseDocument(readFileSync(join(d, 'values.yaml'), 'utf8'), { version: '1.1' }).getIn([
    'externalServices',
    'auth',
    'okta',
    'options',
    'xml',
  ]) as string;
const lintErrors = async (d: string) => {
  const r = await runCli(['lint', 'values.yaml', '--json', ...ARGS], { cwd: d, now: NOW });
  const files = (JSON.parse(r.stdout).files ?? []) as { findings: { code: string; severity: string }[] }[];
  return files
    .flatMap((f) => f.findings)
    .filter((f) => f.severity === 'error')
    .map((f) => f.code);
};

describe('a UTF-16 metadata file reads the same in every command', () => {
  it('validate-metadata, check-response --metadata, patch and init all accept it', async () => {
    const d = dir({ 'idp.xml': UTF16, 'response.xml': '<x/>' });
    expect((await runCli(['validate-metadata', 'idp.xml', ...ARGS], { cwd: d, now: NOW })).code).toBe(0);
    const cr = await runCli(
      ['check-response', 'response.xml', '--metadata', 'idp.xml', '--host', 'polyaxon.acme.com', '--org', 'acme', ...ARGS],
      { cwd: d, now: NOW },
    );
    expect(cr.stderr).not.toContain('not usable IdP metadata');
    expect(cr.code).toBe(1); // the response is no SAML response: a finding, not an unreadable trust source
    expect((await runCli(['patch', 'values.yaml', '--metadata', 'idp.xml', ...ARGS], { cwd: d, now: NOW })).code).toBe(0);
    // Stored as UTF-8 text: the declaration that said UTF-16 is dropped.
    expect(storedXml(d).startsWith('<md:EntityDescriptor')).toBe(true);
    expect(await lintErrors(d)).toEqual([]);
    const d2 = dir({ 'idp.xml': UTF16 });
    const init = await runCli(['init', '--config', 'values.yaml', '--org', 'acme', '--metadata', 'idp.xml', '--yes', '--json', ...ARGS], {
      cwd: d2,
      now: NOW,
    });
    expect(init.code).toBe(0);
    expect(storedXml(d2).startsWith('<md:EntityDescriptor')).toBe(true);
  });

  it('a UTF-8 declaration is kept', async () => {
    const d = dir({ 'idp.xml': `<?xml version="1.0" encoding="utf-8"?>\n${okta}` });
    expect((await runCli(['patch', 'values.yaml', '--metadata', 'idp.xml', ...ARGS], { cwd: d, now: NOW })).code).toBe(0);
    expect(storedXml(d).startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  });

  it('a UTF-8 file labelled UTF-16 is refused by every command', async () => {
    const d = dir({ 'idp.xml': `<?xml version="1.0" encoding="UTF-16"?>\n${okta}`, 'response.xml': '<x/>' });
    const v = await runCli(['validate-metadata', 'idp.xml', '--json', ...ARGS], { cwd: d, now: NOW });
    expect([v.code, v.stdout.includes('XML_ENCODING_DECLARATION')]).toEqual([1, true]);
    expect((await runCli(['patch', 'values.yaml', '--metadata', 'idp.xml', ...ARGS], { cwd: d, now: NOW })).code).toBe(1);
    const cr = await runCli(
      ['check-response', 'response.xml', '--metadata', 'idp.xml', '--host', 'polyaxon.acme.com', '--org', 'acme', ...ARGS],
      { cwd: d, now: NOW },
    );
    expect(cr.code).toBe(2);
    expect(cr.stderr).toContain('encoding');
  });
});

describe('aggregates: patch --entity-id stores only the selected EntityDescriptor', () => {
  const other = okta.replace(/entityID="[^"]*"/, 'entityID="https://other.example/idp"').replace(/ xmlns:md="[^"]*"/, '');
  const entity = okta.replace(/ xmlns:md="[^"]*"/, '');
  // The entities inherit xmlns:md (and xmlns:ds for the KeyInfo) from the aggregate.
  const aggregate = `<?xml version="1.0" encoding="UTF-8"?>\n<md:EntitiesDescriptor xmlns:md="${MD}" xmlns:ds="${DS}" Name="fed">\n${other}\n${entity}\n</md:EntitiesDescriptor>\n`;
  const id = /entityID="([^"]*)"/.exec(okta)?.[1] as string;

  it('the stored document is the entity alone, with its inherited namespaces, and lint finds no error', async () => {
    const d = dir({ 'fed.xml': aggregate });
    const r = await runCli(['patch', 'values.yaml', '--metadata', 'fed.xml', '--entity-id', id, ...ARGS], { cwd: d, now: NOW });
    expect([r.code, r.stderr]).toEqual([0, expect.any(String)]);
    const stored = storedXml(d);
    expect(stored.startsWith(`<md:EntityDescriptor xmlns:md="${MD}" xmlns:ds="${DS}"`)).toBe(true);
    expect(stored).not.toContain('EntitiesDescriptor');
    expect(stored).not.toContain('other.example');
    expect(validateMetadata(stored, { now: NOW }).metadata?.entityId).toBe(id);
    expect(await lintErrors(d)).toEqual([]);
  });

  it('picking the second of two IdPs stores that one, not the first', async () => {
    const d = dir({ 'fed.xml': aggregate });
    expect(
      (
        await runCli(['patch', 'values.yaml', '--metadata', 'fed.xml', '--entity-id', 'https://other.example/idp', ...ARGS], {
          cwd: d,
          now: NOW,
        })
      ).code,
    ).toBe(0);
    expect(validateMetadata(storedXml(d), { now: NOW }).metadata?.entityId).toBe('https://other.example/idp');
    expect(await lintErrors(d)).toEqual([]);
  });

  it('without --entity-id nothing is written', async () => {
    const d = dir({ 'fed.xml': aggregate });
    expect((await runCli(['patch', 'values.yaml', '--metadata', 'fed.xml', ...ARGS], { cwd: d, now: NOW })).code).toBe(1);
    expect(readFileSync(join(d, 'values.yaml'), 'utf8')).toBe('hostName: polyaxon.acme.com\n');
  });
});

describe('property: whatever patch writes, lint finds no metadata error in it', () => {
  const cert = b64('okta-rotation.cert.pem');
  const inputs: [string, string | Buffer, string[]][] = [
    ['UTF-16 BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(UTF16.subarray(2)).swap16()]), []],
    ['BOM + CRLF', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(okta.replace(/\n/g, '\r\n'))]), []],
    ['two signing keys', metadata({ keyDescriptor: keyDescriptor(b64('okta-like.cert.pem')) + keyDescriptor(cert) }), []],
    ['signing + encryption', metadata({ keyDescriptor: keyDescriptor(b64('okta-like.cert.pem')) + keyDescriptor(cert, 'encryption') }), []],
    ['comments around the root', `<!-- licence -->\n${okta}\n<!-- end -->`, []],
  ];
  it.each(inputs)('%s', async (_name, content, extra) => {
    const d = dir({ 'idp.xml': content });
    const r = await runCli(['patch', 'values.yaml', '--metadata', 'idp.xml', ...extra, ...ARGS], { cwd: d, now: NOW });
    expect(r.code).toBe(0);
    expect(await lintErrors(d)).toEqual([]);
  });
});
