import type { KnownCode } from '../../../src/core/finding-codes.js';
import { describe, expect, it } from 'vitest';
import { renderFindings } from '../../../src/cli/render-findings.js';
import { finding } from '../../../src/core/findings.js';

const code = (c: string) => c as KnownCode;

describe('renderFindings', () => {
  const fs = [
    finding(code('B_INFO'), 'info', 'note'),
    finding(code('A_ERR'), 'error', 'broken', 'fix it', { file: 'm.xml', line: 3, column: 7 }),
    finding(code('C_WARN'), 'warning', 'careful'),
  ];

  it('groups by severity, errors first, with location, code and hint', () => {
    expect(renderFindings(fs, { color: false })).toBe(
      '\nErrors (1)\n  m.xml:3:7  broken [A_ERR]\n    hint: fix it\n' +
        '\nWarnings (1)\n  careful [C_WARN]\n' +
        '\nNotes (1)\n  note [B_INFO]\n',
    );
  });

  it('colours only when asked', () => {
    expect(renderFindings(fs, { color: true })).toMatch(/\u001b\[31m/);
    expect(renderFindings(fs, { color: false })).not.toMatch(/\u001b\[/);
    expect(renderFindings([], { color: true })).toBe('');
  });
});
