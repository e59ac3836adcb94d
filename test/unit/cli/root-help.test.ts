import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';

describe('polyaxon-sso --help', () => {
  it('says where to start (init) and shows three examples, then the exit codes', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Start here:\n  $ polyaxon-sso init ');
    const examples = /Examples:\n((?: {2}\$ polyaxon-sso .+\n)+)/.exec(r.stdout)?.[1] ?? '';
    expect(examples.trim().split('\n')).toHaveLength(3);
    expect(r.stdout).toMatch(/Exit codes:\n {2}0 {4}ok/);
  });
});
