import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';

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
    for (const args of [['--draft', '04'], ['--target', 'kustomize']]) {
      const r = await runCli(['schema', ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    }
  });
});
