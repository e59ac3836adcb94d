import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_NOW, HAS_CORPUS, corpusPath } from '../support/corpus.js';
import { runCli } from '../support/run-cli.js';
import { checkJsonSchema } from '../support/check-json-schema.js';

/** Every --json document validate-metadata prints matches schemas/validate-metadata.schema.json. */
const SCHEMA = JSON.parse(readFileSync('schemas/validate-metadata.schema.json', 'utf8'));
const run = async (args: string[]) => JSON.parse((await runCli(['validate-metadata', ...args, '--json', '--now', CORPUS_NOW])).stdout);

describe('validate-metadata --json validates against its published schema', () => {
  it.each([
    ...readdirSync('fixtures/metadata/valid').map((f) => `valid/${f}`),
    ...readdirSync('fixtures/metadata/invalid').map((f) => `invalid/${f}`),
  ])('fixtures/metadata/%s', async (f) => {
    expect(checkJsonSchema(SCHEMA, await run([`fixtures/metadata/${f}`]))).toEqual([]);
  });

  it('a signed document with --signer-cert', async () => {
    const doc = await run(['fixtures/metadata/valid/okta-signed.xml', '--signer-cert', 'fixtures/certs/okta-rotation.cert.pem']);
    expect(checkJsonSchema(SCHEMA, doc)).toEqual([]);
    expect(doc.signatureValid).toBe(true);
  });

  it.skipIf(!HAS_CORPUS)('every corpus metadata file', async () => {
    for (const dir of ['okta-metadata', 'other-idp-metadata'])
      for (const f of readdirSync(corpusPath(dir)).filter((x) => x.endsWith('.xml')))
        expect(checkJsonSchema(SCHEMA, await run([corpusPath(dir, f)]))).toEqual([]);
  });

  it('the schema rejects a wrong document (so these tests can fail)', async () => {
    const doc = await run(['fixtures/metadata/valid/okta-acme.xml']);
    expect(checkJsonSchema(SCHEMA, { ...doc, schemaVersion: 2 })).not.toEqual([]);
    expect(checkJsonSchema(SCHEMA, { ...doc, certificates: [{ ...doc.certificates[0], sha256: 'abc' }] })).not.toEqual([]);
  });
});
