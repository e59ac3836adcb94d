import type { KnownCode } from '../../src/core/finding-codes.js';
import { describe, expect, it } from 'vitest';
import { finding, sortFindings } from '../../src/core/findings.js';

/** Reports are diffed in CI: their order must be the same bytes on every machine, whatever its locale. */
/** Codes as opaque tokens: the order compares their code units, not the catalogue. */
const code = (c: string) => c as KnownCode;

describe('sortFindings', () => {
  it('orders by file, line, column, severity, then code, comparing code units (not the locale)', () => {
    const at = (file: string, line: number, column = 1) => ({ file, line, column });
    const input = [
      finding(code('Z_INFO'), 'info', 'z', undefined, at('a.yaml', 2)),
      finding(code('B_ERR'), 'error', 'b', undefined, at('a.yaml', 2)),
      finding(code('A_ERR'), 'error', 'a', undefined, at('a.yaml', 2)),
      finding(code('X'), 'error', 'x', undefined, at('a.yaml', 1, 9)),
      // localeCompare puts "a.yaml" before "B.yaml" and "_" before "A"; code units put "B" (0x42) first.
      finding(code('Q'), 'error', 'q', undefined, at('B.yaml', 5)),
      finding(code('_LEAD'), 'warning', 'l', undefined, at('a.yaml', 2)),
      finding(code('ALONE'), 'error', 'no location'),
    ];
    expect(sortFindings(input).map((f) => f.code)).toEqual(['ALONE', 'Q', 'X', 'A_ERR', 'B_ERR', '_LEAD', 'Z_INFO']);
    expect(input[0]?.code).toBe('Z_INFO'); // a copy is sorted, not the caller's array
  });
});
