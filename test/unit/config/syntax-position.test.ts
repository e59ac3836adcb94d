import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config/parse-config.js';

/** A YAML syntax error is reported where the user must fix it, as PyYAML names it. */
const at = (text: string) => {
  const f = parseConfig(text, 'v.yaml').findings.find((x) => x.code === 'YAML_SYNTAX');
  return f?.location && [f.location.line, f.location.column];
};

describe('YAML syntax error positions', () => {
  it('an unterminated quoted scalar: where its quote opens (PyYAML: "while scanning a quoted scalar … line 5, column 4")', () => {
    expect(at('a: 1\nb: 2\nc: 3\nd: 4\ne: "unterminated\nf: 6\n')).toEqual([5, 4]);
    expect(at("a: 1\nb: 'open\n")).toEqual([2, 4]);
  });
  it('an unclosed flow collection: where it opens (PyYAML: "while parsing a flow sequence … line 5, column 16")', () => {
    expect(at('hostName: a.b.com\nexternalServices:\n  auth:\n    okta:\n      enabled: [true\n      options: {}\n')).toEqual([5, 16]);
  });
  it('other errors keep the position yaml gives', () => {
    expect(at('a: 1\nb:\n  - x\n  y: 2\n')).toEqual([4, 1]);
    expect(at('a: "closed"\nb: [1, 2]\nc: {d: 1\n')).toEqual([3, 4]);
  });
});
