import { describe, expect, it } from 'vitest';
import { compileGlob } from '../../../src/commands/lint/glob-match.js';

describe('glob matcher: an automaton, linear in the name', () => {
  it.each([
    ['{a,{b,c}x}.yaml', 'cx.yaml', true],
    ['{a,{b,c}x}.yaml', 'c.yaml', false],
    ['{,prod-}values.yaml', 'values.yaml', true],
    ['[a-c].yaml', 'b.yaml', true],
    ['[a-c].yaml', 'd.yaml', false],
    ['[]]', ']', true],
    ['[^a]', 'b', true],
    ['[!/]', '/', false],
    ['\\*.yaml', '*.yaml', true],
    ['\\*.yaml', 'a.yaml', false],
    ['**/x/*.yaml', 'a/b/x/c.yaml', true],
    ['**/x/*.yaml', 'x/c.yaml', true],
    ['**/x/*.yaml', 'ax/c.yaml', false],
    ['a**', 'ab/c', true],
    ['*', 'a/b', false],
    ['é?.yaml', 'é😀.yaml', true],
    ['', '', true],
  ] as const)('%s ~ %s → %s', (glob, path, ok) => expect(compileGlob(glob).test(path)).toBe(ok));

  it.each(['[z-a].yaml', '{a,b.yaml', 'a}.yaml', '*.{yaml', '[abc', 'x/[!'])('%s is a usage error (GLOB_INVALID)', (glob) => {
    expect(() => compileGlob(glob)).toThrow(expect.objectContaining({ kind: 'usage', code: 'GLOB_INVALID' }));
  });

  // Hang guard: a backtracking matcher takes minutes on these (the test timeout catches it).
  it('stars against long names that almost match', { timeout: 10_000 }, () => {
    expect(compileGlob('*-*-*-*-*-*.yaml').test('a'.repeat(200))).toBe(false);
    expect(compileGlob('*-*-*-*-*-*.yaml').test(`${'-'.repeat(5000)}.yml`)).toBe(false);
    expect(compileGlob('*-*-*-*-*-*.yaml').test(`${'a-'.repeat(5000)}.yaml`)).toBe(true);
    expect(compileGlob('**a**a**a**a**a**a**a**b').test('a'.repeat(20_000))).toBe(false);
    expect(compileGlob('**/**/**/**/**/*.yaml').test(`${'d/'.repeat(3000)}x.yml`)).toBe(false);
    expect(compileGlob(`{${Array.from({ length: 50 }, (_, k) => `*${k}*`).join(',')}}.yaml`).test('9'.repeat(10_000))).toBe(false);
  });

  it('hostile shapes stay off the stack: 50 000 chained **/, braces nested 10 000 deep (a usage error)', { timeout: 10_000 }, () => {
    expect(compileGlob(`${'**/'.repeat(50_000)}*.yaml`).test('a/b/c.yaml')).toBe(true);
    expect(compileGlob(`${'{a,'.repeat(32)}b${'}'.repeat(32)}`).test('b')).toBe(true);
    expect(() => compileGlob(`${'{a,'.repeat(10_000)}b${'}'.repeat(10_000)}`)).toThrow(expect.objectContaining({ code: 'GLOB_INVALID' }));
  });
});
