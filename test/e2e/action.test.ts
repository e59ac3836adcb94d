import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * action.yml: its structure, and its two shell steps run for real against the built CLI
 * the way the runner would: PSSO_* env from the step's `env:` block, $GITHUB_OUTPUT, the workspace as cwd.
 */
const ROOT = process.cwd();
interface Step {
  id?: string;
  name?: string;
  run?: string;
  uses?: string;
  shell?: string;
  if?: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
  outputs: Record<string, { value: string }>;
}
const action = parse(readFileSync('action.yml', 'utf8')) as Action;
const step = (name: string): Step => action.runs.steps.find((s) => s.name === name)!;

describe('action.yml structure', () => {
  it('is a composite action whose expressions only name declared inputs', () => {
    expect(action.runs.using).toBe('composite');
    const text = readFileSync('action.yml', 'utf8');
    const used = [...text.matchAll(/inputs\.([a-z-]+)/g)].map((m) => m[1]!);
    expect(used.filter((n) => !(n in action.inputs))).toEqual([]);
    for (const n of ['paths', 'format', 'min-days', 'fail-on', 'max-warnings', 'sarif-file', 'upload-sarif'])
      expect(action.inputs).toHaveProperty(n);
    expect([action.inputs.format?.default, action.inputs['fail-on']?.default, action.inputs['min-days']?.default]).toEqual([
      'github',
      'errors',
      '30',
    ]);
    expect(action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))).toBeDefined();
  });

  it('never splices an expression into a script (inputs reach bash through env)', () => {
    for (const s of action.runs.steps.filter((x) => x.run !== undefined)) {
      expect(s.run).not.toContain('${{');
      expect(s.shell).toBe('bash');
    }
  });
});

/** Resolves `${{ inputs.x }}` / `${{ github.action_path }}` / `${{ steps.lint.outputs.x }}` in an env block. */
function resolveEnv(env: Record<string, string>, inputs: Record<string, string>, outputs: Record<string, string> = {}) {
  const value = (expr: string): string => {
    const [kind, ...rest] = expr.trim().split('.');
    if (kind === 'inputs') return inputs[rest[0]!] ?? action.inputs[rest[0]!]?.default ?? '';
    if (kind === 'github' && rest[0] === 'action_path') return ROOT;
    if (kind === 'steps') return outputs[rest[2]!] ?? '';
    throw new Error(`unexpected expression ${expr}`);
  };
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v).replace(/\$\{\{([^}]+)\}\}/g, (_m, e: string) => value(e))]));
}

// Each case starts the CLI two or three times: a generous hang guard, not a performance bound.
describe.skipIf(!existsSync('dist/cli.cjs') || !existsSync('src/commands/lint/run.ts'))(
  'action.yml steps, run for real',
  { timeout: 120_000 },
  () => {
    let ws = '';
    beforeAll(() => {
      ws = mkdtempSync(join(tmpdir(), 'polyaxon-sso-action-'));
      copyFileSync('fixtures/demo/values.yaml', join(ws, 'good.yaml'));
      writeFileSync(join(ws, 'bad.yaml'), 'externalServices:\n  auth:\n    okta:\n      enabled: "true"\n');
    });
    afterAll(() => rmSync(ws, { recursive: true, force: true }));

    // format: sarif only cats the log it wrote, so cases that do not read the log skip a second CLI run.
    function runAction(given: Record<string, string>) {
      const inputs = { format: 'sarif', ...given };
      const out = join(ws, `output-${Math.random().toString(36).slice(2)}`);
      writeFileSync(out, '');
      const base = { PATH: process.env.PATH ?? '', GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: out };
      const lint = spawnSync('bash', ['-c', step('Lint').run!], {
        cwd: ws,
        encoding: 'utf8',
        env: { ...base, ...resolveEnv(step('Lint').env!, inputs) },
        timeout: 60_000,
      });
      const outputs = Object.fromEntries(
        readFileSync(out, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]),
      );
      const result = spawnSync('bash', ['-c', step('Result').run!], {
        cwd: ws,
        encoding: 'utf8',
        env: { ...base, ...resolveEnv(step('Result').env!, inputs, outputs) },
      });
      return { lint, outputs, result: result.status };
    }

    it('a config with errors: SARIF written with the findings, annotations in the log, the job fails', () => {
      const r = runAction({ paths: 'good.yaml\nbad.yaml', format: 'github' });
      expect(r.lint.status).toBe(0);
      expect(r.outputs).toEqual({ 'exit-code': '1', 'sarif-file': 'polyaxon-sso.sarif', 'sarif-written': 'true' });
      const sarif = JSON.parse(readFileSync(join(ws, 'polyaxon-sso.sarif'), 'utf8'));
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toContain('AUTH_ENABLED_QUOTED');
      expect(r.lint.stdout).toContain('::error file=bad.yaml,line=4');
      expect(r.result).toBe(1);
    });

    it('fail-on: never reports without failing; a clean config passes; globs reach polyaxon-sso unexpanded', () => {
      expect(runAction({ paths: 'bad.yaml', 'fail-on': 'never' }).result).toBe(0);
      const clean = runAction({ paths: 'go*.yaml', 'sarif-file': 'clean.sarif', format: 'text' });
      expect(clean.outputs['exit-code']).toBe('0');
      expect(clean.lint.stdout).toContain('1 file linted');
      expect(clean.result).toBe(0);
    });

    it('fail-on: warnings adds --strict, so a lone warning fails; max-warnings passes through', () => {
      writeFileSync(join(ws, 'warn.yaml'), 'externalServices:\n  auth:\n    github:\n      enabled: yes\n');
      expect(runAction({ paths: 'warn.yaml', 'sarif-file': 'w1.sarif' }).result).toBe(0);
      const strict = runAction({ paths: 'warn.yaml', 'fail-on': 'warnings', 'sarif-file': 'w2.sarif' });
      expect(strict.outputs['exit-code']).toBe('1');
      expect(strict.result).toBe(1);
      expect(runAction({ paths: 'warn.yaml', 'max-warnings': '0', 'sarif-file': 'w3.sarif' }).result).toBe(1);
    });

    it('inputs cannot inject shell commands; a missing path means "could not run" (2) and fails', () => {
      const r = runAction({ paths: '$(touch pwned1) `touch pwned2`; touch pwned3' });
      for (const f of ['pwned1', 'pwned2', 'pwned3']) expect(existsSync(join(ws, f))).toBe(false);
      expect(r.outputs['exit-code']).toBe('2');
      expect(r.result).toBe(2);
      expect(runAction({ paths: 'good.yaml', 'fail-on': 'sometimes' }).result).toBe(2);
    });
  },
);
