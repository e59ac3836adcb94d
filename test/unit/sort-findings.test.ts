import { describe, expect, it } from 'vitest';
import { finding, sortFindings } from '../../src/core/findings.js';

/** Reports are diffed in CI: their order must be the same bytes on every machine, whatever its locale. */
describe('sortFindings', () => {
  it('orders by file, line, column, severity, then code, comparing code units (not the locale)', () => {
    const at = (file: string, line: number, column = 1) => ({ file, line, column });
    const input = [
      finding('Z_INFO', 'info', 'z', undefined, at('a.yaml', 2)),
      finding('B_ERR', 'error', 'b', undefined, at('a.yaml', 2)),
      finding('A_ERR', 'error', 'a', undefined, at('a.yaml', 2)),
      finding('X', 'error', 'x', undefined, at('a.yaml', 1, 9)),
      // localeCompare puts "a.yaml" before "B.yaml" and "_" before "A"; code units put "B" (0x42) first.
      finding('Q', 'error', 'q', undefined, at('B.yaml', 5)),
      finding('_LEAD', 'warning', 'l', undefined, at('a.yaml', 2)),
      finding('ALONE', 'error', 'no location'),
    ];
    expect(sortFindings(input).map((f) => f.code)).toEqual(['ALONE', 'Q', 'X', 'A_ERR', 'B_ERR', '_LEAD', 'Z_INFO']);
    expect(input[0]?.code).toBe('Z_INFO'); // a copy is sorted, not the caller's array
  });
});
