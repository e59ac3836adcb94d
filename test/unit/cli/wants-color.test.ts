import { describe, expect, it } from 'vitest';
import { wantsColor } from '../../../src/cli/io.js';
import { fakeIo, runCli } from '../../support/run-cli.js';

describe('colour: TERM=dumb gets none unless FORCE_COLOR', () => {
  it.each([
    [{}, true],
    [{ TERM: 'xterm-256color' }, true],
    [{ TERM: 'dumb' }, false],
    [{ TERM: 'dumb', FORCE_COLOR: '1' }, true],
    [{ TERM: 'dumb', FORCE_COLOR: '0' }, false],
    [{ NO_COLOR: '1' }, false],
  ] as const)('on a TTY with %o → %s', (env, colour) => {
    expect(wantsColor(fakeIo({ tty: true, env }))).toBe(colour);
  });

  it('a command on a dumb terminal prints no escape sequences', async () => {
    const args = ['urls', '--host', 'polyaxon.acme.com', '--org', 'acme'];
    expect((await runCli(args, { tty: true, env: { TERM: 'xterm' } })).stdout).toContain('\u001b[');
    expect((await runCli(args, { tty: true, env: { TERM: 'dumb' } })).stdout).not.toContain('\u001b[');
    expect((await runCli(args, { tty: true, env: { TERM: 'dumb', FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
  });
});
