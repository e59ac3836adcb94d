import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';

/** `polyaxon-sso schema`: the JSON Schema editors load (yaml-language-server), on stdout. */
describe('polyaxon-sso schema', () => {
  it('prints draft 2020-12 by default: one JSON document naming the Polyaxon version, exit 0', async () => {
    const r = await runCli(['schema']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.title).toContain('Polyaxon CLI 2.16');
    expect(s.additionalProperties).toBe(false);
    expect(Object.keys(s.$defs as object)).toContain('ExternalServicesConfig');
    // It compiles, and rejects the example.
    const validate = new Ajv2020.default({ strict: true, allowUnionTypes: true }).compile(s);
    expect(validate({ ingres: { enabled: true } })).toBe(false);
    expect(validate({ postgresql: { enabled: 'maybe' } })).toBe(false);
    expect(validate({ ingress: { enabled: true }, postgresql: { enabled: true } })).toBe(true);
  });

  it('--draft 07 uses definitions; --target helm leaves unknown keys open and drops the CLI-only rules', async () => {
    const d7 = JSON.parse((await runCli(['schema', '--draft', '07'])).stdout) as Record<string, unknown>;
    expect(d7.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(d7).toHaveProperty('definitions');
    expect(JSON.stringify(d7)).not.toContain('$defs');
    const helm = JSON.parse((await runCli(['schema', '--target', 'helm'])).stdout) as Record<string, unknown>;
    expect(helm.additionalProperties).toBeUndefined();
    expect(helm.allOf).toBeUndefined();
  });

  it('a bad --draft or --target is a usage error (exit 2), nothing on stdout', async () => {
    for (const args of [
      ['--draft', '04'],
      ['--target', 'kustomize'],
    ]) {
      const r = await runCli(['schema', ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    }
  });
});

describe('schema findings in every lint format, at line:col', () => {
  const FIX = 'fixtures/configs-lint/schema-type.yaml';
  it('text, json, github, sarif, junit', async () => {
    const text = await runCli(['lint', FIX, '--format', 'text']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`${FIX}:4:13`);
    const json = JSON.parse((await runCli(['lint', FIX, '--json'])).stdout) as {
      files: { findings: { code: string; location: unknown }[] }[];
    };
    expect(json.files[0]?.findings.find((f) => f.code === 'SCHEMA_TYPE')?.location).toEqual({ file: FIX, line: 4, column: 13 });
    expect((await runCli(['lint', FIX, '--format', 'github'])).stdout).toContain(`::error file=${FIX},line=4,col=13,title=SCHEMA_TYPE::`);
    const sarif = (await runCli(['lint', FIX, '--format', 'sarif'])).stdout;
    expect(sarif).toContain('"ruleId": "SCHEMA_TYPE"');
    expect(sarif).toMatch(/"startLine": 4,\s+"startColumn": 13/);
    expect((await runCli(['lint', FIX, '--format', 'junit'])).stdout).toContain('SCHEMA_TYPE');
  });

  it('--target helm: an unknown key is a warning, so the run passes (exit 0) unless --strict', async () => {
    const f = 'fixtures/configs-lint/api-organization-key.yaml';
    expect((await runCli(['lint', f])).code).toBe(1);
    expect((await runCli(['lint', f, '--target', 'helm'])).code).toBe(0);
    expect((await runCli(['lint', f, '--target', 'helm', '--strict'])).code).toBe(1);
    expect((await runCli(['lint', f, '--target', 'kubectl'])).code).toBe(2);
  });
});
