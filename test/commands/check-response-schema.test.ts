import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_CORPUS } from '../support/corpus.js';
import { runCli } from '../support/run-cli.js';
import { checkJsonSchema } from '../support/check-json-schema.js';
import { ATTACKS, runAttack } from '../support/attack-table.js';
import { ISSUED, SP, makeResponse, metadataXml } from '../support/make-response.js';

const SCHEMA = JSON.parse(readFileSync('schemas/check-response.schema.json', 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'cr-schema-'));

describe('check-response --json matches schemas/check-response.schema.json', () => {
  it('for a valid, redacted response; wrong values are caught', async () => {
    writeFileSync(join(dir, 'md.xml'), metadataXml(['okta-like']));
    writeFileSync(join(dir, 'r.xml'), makeResponse());
    const r = await runCli([
      'check-response',
      join(dir, 'r.xml'),
      '--metadata',
      join(dir, 'md.xml'),
      '--host',
      SP.host,
      '--org',
      SP.org,
      '--now',
      ISSUED,
      '--json',
      '--redact',
    ]);
    const doc = JSON.parse(r.stdout);
    expect(checkJsonSchema(SCHEMA, doc)).toEqual([]);
    expect(checkJsonSchema(SCHEMA, { ...doc, signed: 'maybe' })).not.toEqual([]);
    expect(checkJsonSchema(SCHEMA, { ...doc, extra: 1 })).not.toEqual([]);
  });
  it.skipIf(!HAS_CORPUS)(
    'for every corpus attack response',
    async () => {
      for (const [file, anchor] of ATTACKS)
        expect([file, checkJsonSchema(SCHEMA, (await runAttack(file, anchor)).json)]).toEqual([file, []]);
    },
    60_000,
  );
});
