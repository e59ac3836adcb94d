import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusPath } from '../support/corpus.js';
import { runCli } from '../support/run-cli.js';
import { checkJsonSchema } from '../support/check-json-schema.js';

/** Every kind of `patch --json` document matches schemas/patch.schema.json. */
const SCHEMA = JSON.parse(readFileSync('schemas/patch.schema.json', 'utf8'));
const ACME = join(process.cwd(), 'fixtures', 'metadata', 'valid', 'okta-acme.xml');
const METADATA = existsSync(ACME) ? ACME : corpusPath('okta-metadata', 'boot-saml-3-dev2148273-pretty.xml');
const BAD = join(process.cwd(), 'fixtures', 'configs', 'okta-metadata.xml');

describe('patch --json validates against its published schema', () => {
  it('written, up-to-date, would-change (+diff), --output, --backup, --disable, metadata-invalid, forced', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'patch-schema-'));
    copyFileSync(join('fixtures', 'configs', 'full-platform.yaml'), join(dir, 'values.yaml'));
    const run = async (...args: string[]) => JSON.parse((await runCli(['patch', 'values.yaml', ...args, '--json'], { cwd: dir })).stdout);
    const docs = [
      await run('--metadata', METADATA, '--check'),
      await run('--metadata', METADATA, '--diff'),
      await run('--metadata', METADATA, '--output', 'out.yaml'),
      await run('--metadata', METADATA, '--backup'),
      await run('--metadata', METADATA),
      await run('--disable'),
      await run('--metadata', BAD),
      await run('--metadata', BAD, '--force', '--allow-idp-change'),
      await run('--metadata', METADATA),
    ];
    expect(docs.map((d) => d.outcome)).toEqual([
      'would-change',
      'would-change',
      'written',
      'written',
      'up-to-date',
      'written',
      'metadata-invalid',
      'written',
      'trust-change-refused',
    ]);
    expect(docs[8].change.certs.changed).toBe(true);
    for (const d of docs) expect(checkJsonSchema(SCHEMA, d)).toEqual([]);
    expect(docs[1].diff).toContain('+    okta:');
    expect(docs[3].backup).toBe(join(dir, 'values.yaml.bak'));
    expect(docs[7].forced).toBe(true);
    expect(checkJsonSchema(SCHEMA, { ...docs[0], mode: 'on' })).not.toEqual([]);
    expect(checkJsonSchema(SCHEMA, { ...docs[0], changes: [{ path: 'x', action: 'moved' }] })).not.toEqual([]);
  });
});
