import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allCodes, CATALOGUES, lookupCode } from '../../../src/core/explain/catalogue.js';
import { runCli } from '../../support/run-cli.js';
// @ts-expect-error -- a plain .mjs script without types; only its CATALOGUES list is read
import { CATALOGUES as DOC_CATALOGUES } from '../../../scripts/findings-doc.mjs';

describe('explain <CODE>', () => {
  it('prints the catalogue entry: severity, meaning, how to fix', async () => {
    const r = await runCli(['explain', 'AUTH_ENABLED_QUOTED']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('AUTH_ENABLED_QUOTED  (Deployment config (lint), lint check auth-schema)');
    expect(r.stdout).toContain('  Severity    error\n');
    expect(r.stdout).toContain('  Meaning     enabled is a quoted string\n');
    expect(r.stdout).toContain('  How to fix  Helm treats any non-empty string as true');
  });

  it('--json: the entry as one document (schemas/explain.schema.json); case and dashes forgiven', async () => {
    const r = await runCli(['explain', 'cert-expired', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      schemaVersion: 1,
      exitCode: 0,
      code: 'CERT_EXPIRED',
      catalogue: 'Certificates',
      title: 'The certificate has expired',
      severity: 'error',
    });
    expect(doc.help).toContain('Generate new certificate');
  });

  it('an unknown code: did-you-mean, exit 2, also as the --json error document', async () => {
    const r = await runCli(['explain', 'CERT_EXPRED']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'polyaxon-sso: unknown finding code "CERT_EXPRED"\n  hint: Did you mean CERT_EXPIRED? Every code is listed in docs/findings.md.\n',
    );
    const j = await runCli(['explain', 'otka_absent', '--json']);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout).error).toEqual({
      code: 'UNKNOWN_FINDING_CODE',
      message: 'unknown finding code "otka_absent"',
      hint: 'Did you mean OKTA_ABSENT? Every code is listed in docs/findings.md.',
    });
    const none = await runCli(['explain', 'QQQQQQQQQQ']);
    expect(none.stderr).toContain('hint: Every code is listed in docs/findings.md');
  });

  it('a missing code is a usage error with a hint', async () => {
    const r = await runCli(['explain', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe('MISSING_ARGUMENT');
  });

  it('knows every code of docs/findings.md, from the same catalogues in the same order', () => {
    expect(CATALOGUES.map((c) => [c.name, c.source])).toEqual((DOC_CATALOGUES as string[][]).map(([name, source]) => [name, source]));
    const documented = [...readFileSync('docs/findings.md', 'utf8').matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]);
    expect(documented.length).toBeGreaterThan(100);
    for (const code of documented) expect(lookupCode(code as string), code).toBeDefined();
    expect(new Set(documented)).toEqual(new Set(allCodes()));
  });
});
