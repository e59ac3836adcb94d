import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config/parse-config.js';

const codes = (yaml: string) => parseConfig(yaml, 'v.yaml').findings.map((f) => [f.code, f.location?.line, f.location?.column]);

describe('parseConfig', () => {
  it('reads YAML 1.1 like PyYAML: yes is a boolean', () => {
    expect(parseConfig('a: yes\nb: 0012\n').doc?.toJS()).toEqual({ a: true, b: 10 });
  });

  it('strips and reports a BOM', () => {
    const p = parseConfig('\uFEFFa: 1\n');
    expect([p.bom, p.text]).toEqual([true, 'a: 1\n']);
  });

  it.each([
    ['x: !!python/object/apply:os.system ["id"]\n', [['YAML_UNSAFE_TAG', 1, 4]]],
    ['a: 1\nb: !custom thing\n', [['YAML_UNSAFE_TAG', 2, 4]]],
    ['a: !!str 1\nb: !!binary aGk=\nc: !!set {x}\nd: !!timestamp 2001-12-14\n', []],
    ['a: 1\na: 2\n', [['YAML_DUPLICATE_KEY', 2, 1]]],
    // an unclosed flow sequence is reported where it opens, as PyYAML names it
    ['a: [1\n', [['YAML_SYNTAX', 1, 4]]],
    ['a: 1\n---\nb: 2\n', [['YAML_MULTI_DOCUMENT', 2, 1]]],
  ])('%j → %j', (yaml, expected) => {
    expect(codes(yaml)).toEqual(expected);
  });
});
