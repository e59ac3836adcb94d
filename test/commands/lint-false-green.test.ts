import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { NOW_ARGS as NOW } from '../support/clock.js';

/** lint never passes what it did not check: empty inputs, unreadable directories, loops, bad globs. */
const lint = (args: string[], opts: Parameters<typeof runCli>[1] = {}) => runCli(['lint', ...args, ...NOW], opts);
type Doc = {
  exitCode: number;
  files: { file: string; skipped?: string; unreadable?: boolean; findings: { code: string; severity: string }[] }[];
};
const json = (s: string) => JSON.parse(s) as Doc;
const dir = () => mkdtempSync(join(tmpdir(), 'lint-green-'));
const CLEAN = 'deploymentChart: platform\nexternalServices:\n  auth:\n    github:\n      enabled: false\n';

describe('lint: an empty input is a finding', () => {
  const cases: [string, string][] = [
    ['empty file', ''],
    ['comments only', '# values go here\n# later\n'],
    ['whitespace', '\n  \n'],
    ['document marker only', '---\n'],
    ['BOM only', '\uFEFF'],
  ];
  it.each(cases)('%s: warning without --require-okta, error (exit 1) with it', async (_name, text) => {
    const cwd = dir();
    writeFileSync(join(cwd, 'values.yaml'), text);
    const plain = await lint(['values.yaml', '--json'], { cwd });
    expect(plain.code).toBe(0);
    expect(json(plain.stdout).files[0]?.findings).toMatchObject([{ code: 'CONFIG_EMPTY', severity: 'warning' }]);
    expect((await lint(['values.yaml', '--strict'], { cwd })).code).toBe(1);
    const required = await lint(['values.yaml', '--require-okta', '--json'], { cwd });
    expect(required.code).toBe(1);
    expect(json(required.stdout).files[0]?.findings).toMatchObject([{ code: 'CONFIG_EMPTY', severity: 'error' }]);
  });

  it('empty stdin (`helm get values … | lint -` that printed nothing)', async () => {
    const r = await lint(['-', '--require-okta', '--json'], { stdin: '' });
    expect(r.code).toBe(1);
    expect(json(r.stdout).files).toMatchObject([{ file: '<stdin>', findings: [{ code: 'CONFIG_EMPTY', severity: 'error' }] }]);
    expect((await lint(['-'], { stdin: '' })).stdout).toContain('[CONFIG_EMPTY]');
  });

  it('an empty file found in a directory is reported too', async () => {
    const cwd = dir();
    mkdirSync(join(cwd, 'deploy'));
    writeFileSync(join(cwd, 'deploy/values.yaml'), '');
    const r = await lint(['deploy', '--require-okta', '--json'], { cwd });
    expect(r.code).toBe(1);
    expect(json(r.stdout).files[0]?.findings[0]?.code).toBe('CONFIG_EMPTY');
  });
});

describe('lint: expanding inputs', () => {
  function loopTree(): string {
    const cwd = dir();
    mkdirSync(join(cwd, 'deploy/prod'), { recursive: true });
    writeFileSync(join(cwd, 'deploy/prod/values.yaml'), CLEAN);
    symlinkSync('..', join(cwd, 'deploy/prod/up'));
    return cwd;
  }

  it('a symlink loop: exit 2, the rest still linted, reported in every format', async () => {
    const cwd = loopTree();
    const j = await lint(['deploy', '--json'], { cwd });
    expect(j.code).toBe(2);
    expect(json(j.stdout).files.map((f) => [f.file, f.unreadable ?? false, f.findings[0]?.code])).toEqual([
      ['deploy/prod/up', true, 'INPUT_LOOP'],
      ['deploy/prod/values.yaml', false, 'OKTA_ABSENT'],
    ]);
    expect(j.stderr).toContain('symlink loop: deploy/prod/up leads back to deploy');
    const sarif = await lint(['deploy', '--format', 'sarif'], { cwd });
    expect(sarif.code).toBe(2);
    const inv = JSON.parse(sarif.stdout).runs[0].invocations[0];
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications[0].message.text).toContain('symlink loop');
    const gh = await lint(['deploy', '--format', 'github'], { cwd });
    expect([gh.code, gh.stdout]).toEqual([2, expect.stringMatching(/^::error file=deploy\/prod\/up.*symlink loop/m)]);
    const junit = await lint(['deploy', '--format', 'junit'], { cwd });
    expect([junit.code, junit.stdout]).toEqual([2, expect.stringMatching(/errors="1"[\s\S]*symlink loop/)]);
    const text = await lint(['deploy', '--format', 'text'], { cwd });
    expect([text.code, text.stdout]).toEqual([2, expect.stringContaining('[INPUT_LOOP]')]);
  });

  it('a symlinked subfolder is followed; a second path to the same folder is reported as skipped', async () => {
    const cwd = dir();
    mkdirSync(join(cwd, 'shared'));
    mkdirSync(join(cwd, 'deploy'));
    writeFileSync(join(cwd, 'shared/values.yaml'), CLEAN);
    symlinkSync('../shared', join(cwd, 'deploy/prod'));
    symlinkSync('../shared', join(cwd, 'deploy/staging'));
    const r = await lint(['deploy', '--json'], { cwd });
    expect(r.code).toBe(0);
    expect(json(r.stdout).files.map((f) => [f.file, f.skipped])).toEqual([
      ['deploy/prod/values.yaml', undefined],
      ['deploy/staging', 'same directory as deploy/prod, already searched'],
    ]);
  });

  it('a link to a folder inside the tree: files keep their real paths, the link is reported as skipped', async () => {
    const cwd = dir();
    mkdirSync(join(cwd, 'deploy/zone'), { recursive: true });
    writeFileSync(join(cwd, 'deploy/zone/values.yaml'), CLEAN);
    symlinkSync('zone', join(cwd, 'deploy/alias'));
    const r = await lint(['deploy', '--json'], { cwd });
    expect(r.code).toBe(0);
    expect(json(r.stdout).files.map((f) => [f.file, f.skipped])).toEqual([
      ['deploy/alias', 'same directory as deploy/zone, already searched'],
      ['deploy/zone/values.yaml', undefined],
    ]);
  });

  it('a broken symlink named *.yaml is reported as skipped, not dropped', async () => {
    const cwd = dir();
    mkdirSync(join(cwd, 'deploy'));
    writeFileSync(join(cwd, 'deploy/a.yaml'), CLEAN);
    symlinkSync('gone.yaml', join(cwd, 'deploy/b.yaml'));
    const r = await lint(['deploy', '--json'], { cwd });
    expect(json(r.stdout).files.map((f) => [f.file, f.skipped])).toEqual([
      ['deploy/a.yaml', undefined],
      ['deploy/b.yaml', 'broken symlink (its target does not exist)'],
    ]);
  });

  it('a path too long (ENAMETOOLONG): exit 2 with the reason', async () => {
    const r = await lint([`${'x'.repeat(300)}.yaml`, '--json'], { cwd: dir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('path too long (ENAMETOOLONG)');
  });

  it.each(['deploy/[z-a].yaml', 'deploy/{a,b.yaml', 'deploy/*.yaml}{'])(
    'invalid glob %s: usage error, exit 2, nothing on stdout',
    async (glob) => {
      const cwd = loopTree();
      const r = await lint([glob], { cwd });
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(/^polyaxon-sso: invalid glob /);
      expect(r.stderr).not.toContain('internal error');
    },
  );

  it('a glob against a 200-character name answers at once (hang guard)', { timeout: 10_000 }, async () => {
    const cwd = dir();
    writeFileSync(join(cwd, `${'a'.repeat(200)}.yaml`), CLEAN);
    writeFileSync(join(cwd, 'a-b-c-d-e-f.yaml'), CLEAN);
    const r = await lint(['*-*-*-*-*-*.yaml', '--json'], { cwd });
    expect(json(r.stdout).files.map((f) => f.file)).toEqual(['a-b-c-d-e-f.yaml']);
  });
});

describe('lint: nothing linted is not a pass (every file found was skipped)', () => {
  const k8s = () => {
    const cwd = dir();
    mkdirSync(join(cwd, 'k8s'));
    writeFileSync(join(cwd, 'k8s/cm.yaml'), 'kind: ConfigMap\napiVersion: v1\n');
    return cwd;
  };

  it('a directory of non-Polyaxon YAML: NOTHING_LINTED warning (exit 0; --strict exit 1), linted 0', async () => {
    const cwd = k8s();
    const r = await lint(['k8s', '--json'], { cwd });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.files).toMatchObject([
      {
        file: 'k8s',
        findings: [{ code: 'NOTHING_LINTED', severity: 'warning', message: 'nothing was linted: the one file found was skipped' }],
      },
      { file: 'k8s/cm.yaml', skipped: 'not a Polyaxon deployment config (no known top-level key)' },
    ]);
    expect(doc.summary).toEqual({ files: 1, linted: 0, skipped: 1, unreadable: 0, error: 0, warning: 1, info: 0 });
    expect((await lint(['k8s', '--strict'], { cwd })).code).toBe(1);
  });

  it('with --require-okta: an error, exit 1, in every format', async () => {
    const cwd = k8s();
    const run = (format: string) => lint(['k8s', '--require-okta', '--format', format], { cwd });
    const text = await run('text');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      'k8s  error  nothing was linted: the one file found was skipped (--require-okta needs a config with an okta block)  [NOTHING_LINTED]',
    );
    expect(text.stdout).toContain('0 files linted, 1 skipped: 1 error, 0 warnings, 0 info');
    const json = await run('json');
    expect([json.code, JSON.parse(json.stdout).exitCode]).toEqual([1, 1]);
    expect(JSON.parse(json.stdout).files[0]).toMatchObject({ file: 'k8s', findings: [{ code: 'NOTHING_LINTED', severity: 'error' }] });
    const github = await run('github');
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(/^::error file=k8s,title=NOTHING_LINTED::nothing was linted/m);
    const sarif = await run('sarif');
    expect(sarif.code).toBe(1);
    const results = JSON.parse(sarif.stdout).runs[0].results;
    expect(
      results.map((x: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => [
        x.ruleId,
        x.level,
        x.locations[0]?.physicalLocation.artifactLocation.uri,
      ]),
    ).toEqual([['NOTHING_LINTED', 'error', 'k8s']]);
    const junit = await run('junit');
    expect(junit.code).toBe(1);
    expect(junit.stdout).toContain('<testsuites name="polyaxon-sso lint" tests="2" failures="1" errors="0" skipped="1">');
    expect(junit.stdout).toContain(
      '<failure type="NOTHING_LINTED" message="nothing was linted: the one file found was skipped (--require-okta needs a config with an okta block)">',
    );
  });

  it('named files all skipped with --skip-non-polyaxon: one finding per input; a linted config among them: none', async () => {
    const cwd = dir();
    writeFileSync(join(cwd, 'ci.yml'), 'name: ci\non: push\njobs: {}\n');
    writeFileSync(join(cwd, 'values.yaml'), CLEAN);
    const r = await lint(['ci.yml', '--skip-non-polyaxon', '--require-okta', '--json'], { cwd });
    expect(r.code).toBe(1);
    expect(
      JSON.parse(r.stdout).files.map((f: { file: string; findings: { code: string }[] }) => [f.file, f.findings.map((x) => x.code)]),
    ).toEqual([
      ['ci.yml', []],
      ['ci.yml', ['NOTHING_LINTED']],
    ]);
    const mixed = await lint(['ci.yml', 'values.yaml', '--skip-non-polyaxon', '--json'], { cwd });
    expect(JSON.stringify(JSON.parse(mixed.stdout))).not.toContain('NOTHING_LINTED');
  });

  it('an unreadable input is exit 2 on its own, without NOTHING_LINTED', async () => {
    const r = await lint(['missing.yaml', '--require-okta', '--json'], { cwd: dir() });
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain('NOTHING_LINTED');
  });
});
