import { describe, expect, it } from 'vitest';
import { readmeLines } from './readme-lines.js';

describe('readmeLines', () => {
  it('joins continuations, drops trailing comments (not inside quotes), keeps only polyaxon-sso lines', () => {
    const md = [
      'text',
      '```sh',
      'npm ci',
      'polyaxon-sso lint "deploy/#x/*.yaml"   # every file',
      'polyaxon-sso init --config values.yaml \\',
      '  --yes --json',
      '```',
      '',
      '```console',
      'polyaxon-sso urls',
      '```',
    ].join('\n');
    expect(readmeLines(md)).toEqual([
      { text: 'polyaxon-sso lint "deploy/#x/*.yaml"', line: 4, block: 0 },
      { text: 'polyaxon-sso init --config values.yaml --yes --json', line: 5, block: 0 },
    ]);
  });

  it('skips a marked block, and a line whose comment says (network) or (terminal)', () => {
    const md = [
      '<!-- doctest: skip network -->',
      '',
      '```sh',
      'polyaxon-sso drift values.yaml',
      '```',
      '```sh',
      'polyaxon-sso validate-metadata https://x/y   # from Okta (network)',
      'polyaxon-sso init   # asks (terminal)',
      'polyaxon-sso urls --org a',
      '```',
    ].join('\n');
    expect(readmeLines(md).map((l) => [l.line, l.block, l.skip])).toEqual([
      [4, 0, 'network'],
      [7, 1, 'needs the network'],
      [8, 1, 'needs the terminal'],
      [9, 1, undefined],
    ]);
  });
});
