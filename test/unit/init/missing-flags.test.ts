import { describe, expect, it } from 'vitest';
import { initMode, missingFlags, missingFlagsMessage, type GivenFlags } from '../../../src/core/init/missing-flags.js';

describe('missingFlags: every missing answer at once', () => {
  const table: [string, GivenFlags, string | undefined, string[]][] = [
    ['nothing given', {}, undefined, ['--config', '--host', '--org', '--metadata']],
    ['config with a host stands in for --host', { config: 'v.yaml' }, 'polyaxon.acme.com', ['--org', '--metadata']],
    ['config without a host: --host still needed', { config: 'v.yaml' }, undefined, ['--host', '--org', '--metadata']],
    ['--host given, no config', { host: 'a.example' }, undefined, ['--config', '--org', '--metadata']],
    ['everything given', { config: 'v.yaml', host: 'a.example', org: 'acme', metadata: 'm.xml' }, undefined, []],
    ['only --metadata missing', { config: 'v.yaml', org: 'acme' }, 'a.example', ['--metadata']],
  ];
  it.each(table)('%s', (_n, given, configHost, expected) => {
    expect(missingFlags(given, configHost).map((m) => m.flag)).toEqual(expected);
  });

  it('one message names them all', () => {
    expect(missingFlagsMessage(missingFlags({}, undefined))).toBe(
      'missing --config, --host, --org, --metadata (no prompts without a terminal or with --yes)',
    );
  });
});

describe('initMode: prompts only when a person can answer', () => {
  const table: [boolean | undefined, boolean | undefined, boolean | undefined, string][] = [
    [true, true, undefined, 'interactive'],
    [true, true, true, 'scripted'],
    [false, true, undefined, 'scripted'],
    [true, false, undefined, 'scripted'],
    [undefined, undefined, undefined, 'scripted'],
  ];
  it.each(table)('stdin TTY %s, stdout TTY %s, --yes %s → %s', (i, o, y, mode) => {
    expect(initMode(i, o, y)).toBe(mode);
  });
});
