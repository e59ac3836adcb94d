import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';
import { checkJsonSchema } from '../../support/check-json-schema.js';
import { NOW_ARGS as NOW } from '../../support/clock.js';

const SARIF = JSON.parse(readFileSync('test/schemas/sarif-2.1.0-subset.schema.json', 'utf8'));
const LINT = JSON.parse(readFileSync('schemas/lint.schema.json', 'utf8'));
const FIX = 'fixtures/configs-lint';
const SCENARIOS: Record<string, string[]> = {
  clean: [`${FIX}/clean.yaml`],
  everything: [FIX, '--host', 'polyaxon.example.com'],
  unreadable: [`${FIX}/clean.yaml`, `${FIX}/missing.yaml`],
};

describe('SARIF output validates against the SARIF 2.1.0 schema (subset) and GitHub code scanning rules', () => {
  it.each(Object.keys(SCENARIOS))('%s', async (name) => {
    const r = await runCli(['lint', ...(SCENARIOS[name] as string[]), '--format', 'sarif', ...NOW]);
    const log = JSON.parse(r.stdout);
    expect(checkJsonSchema(SARIF, log)).toEqual([]);
    const run = log.runs[0];
    const ids = run.tool.driver.rules.map((x: { id: string }) => x.id);
    for (const res of run.results) {
      // GitHub: ruleId names a rule; every result has a location with a relative URI and a region.
      expect(ids[res.ruleIndex]).toBe(res.ruleId);
      expect(res.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(res.locations[0].physicalLocation.artifactLocation.uri).not.toMatch(/^\/|^[a-z]+:/);
      expect(Object.keys(res.partialFingerprints)).toEqual(['polyaxonSsoFinding/v1']);
    }
    for (const rule of run.tool.driver.rules) expect(rule.shortDescription.text.length * rule.help.text.length).toBeGreaterThan(0);
    const prints = run.results.map((x: { partialFingerprints: Record<string, string> }) => Object.values(x.partialFingerprints)[0]);
    expect(new Set(prints).size).toBe(prints.length);
    expect(run.invocations[0].executionSuccessful).toBe(name !== 'unreadable');
  });

  it('fingerprints survive lines moving (a comment added on top)', async () => {
    const a = JSON.parse(
      (await runCli(['lint', '-', '--format', 'sarif', ...NOW], { stdin: readFileSync(`${FIX}/auth-unknown-key.yaml`) })).stdout,
    );
    const b = JSON.parse(
      (
        await runCli(['lint', '-', '--format', 'sarif', ...NOW], {
          stdin: `# moved\n${readFileSync(`${FIX}/auth-unknown-key.yaml`, 'utf8')}`,
        })
      ).stdout,
    );
    const fp = (log: {
      runs: { results: { partialFingerprints: object; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    }) => log.runs[0]?.results.map((x) => [Object.values(x.partialFingerprints)[0], x.locations[0]?.physicalLocation.region.startLine]);
    expect(fp(a)?.map((x) => x[0])).toEqual(fp(b)?.map((x) => x[0]));
    expect(fp(a)?.map((x) => (x[1] as number) + 1)).toEqual(fp(b)?.map((x) => x[1]));
  });

  it('the checker itself rejects broken SARIF (so these tests can fail)', () => {
    expect(checkJsonSchema(SARIF, { version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toEqual(['$.runs[0].tool.driver: missing name']);
    expect(
      checkJsonSchema(SARIF, { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: {}, level: 'fatal' }] }] }),
    ).toHaveLength(2);
    expect(checkJsonSchema(SARIF, { version: '2.1.0', runs: [], extra: 1 })).toEqual(['$.extra: not allowed']);
  });
});

describe('lint --json validates against schemas/lint.schema.json', () => {
  it.each(Object.keys(SCENARIOS))('%s', async (name) => {
    const r = await runCli(['lint', ...(SCENARIOS[name] as string[]), '--json', ...NOW]);
    expect(checkJsonSchema(LINT, JSON.parse(r.stdout))).toEqual([]);
  });
});
