import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectMatchesSchema } from '../support/expect-matches-schema.js';

/**
 * Ctrl-C (SIGINT) while a command waits, outside any prompt: exit 130, one line and a hint on
 * stderr, and with --json the error document on stdout. The handler exists once the CLI is loaded;
 * a signal that lands earlier kills Node the default way (no output), so each try waits longer
 * before signalling, and only a run that reached the handler is judged.
 */
interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function interrupt(args: string[], afterMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/polyaxon-sso.js', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // stdin stays open: `-` waits for the document until the signal
    const timer = setTimeout(() => child.kill('SIGINT'), afterMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe.skipIf(!existsSync('dist/cli.cjs'))('Ctrl-C while reading stdin', () => {
  it('validate-metadata - --json: exit 130 with the error document', async () => {
    let r: Outcome | undefined;
    for (const wait of [300, 800, 2000, 5000]) {
      r = await interrupt(['validate-metadata', '-', '--json'], wait);
      if (r.signal === null) break; // the CLI's handler answered
    }
    expect(r?.signal, 'the CLI never reached its SIGINT handler').toBeNull();
    expect(r?.code).toBe(130);
    expect(r?.stderr).toBe('polyaxon-sso: cancelled (Ctrl-C)\n  hint: Run the command again when ready.\n');
    const doc = JSON.parse(r?.stdout ?? '');
    expect(doc).toMatchObject({ schemaVersion: 1, exitCode: 130, ok: false, error: { code: 'CANCELLED' } });
    expectMatchesSchema('validate-metadata', doc);
  }, 30_000);
});
