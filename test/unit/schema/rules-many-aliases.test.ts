import { describe, expect, it } from 'vitest';
import { lintConfig } from '../../../src/core/lint/lint-config.js';

const rules = (text: string) =>
  lintConfig(text, 'values.yaml', { validateXml: () => ({ findings: [] }) })
    .findings.filter((f) => /^RULE_/.test(f.code))
    .map((f) => [f.code, f.location?.line, f.location?.column]);

/** A legitimate config with `count` aliases of one string (PyYAML reads 8,000 aliases of 1 MB fine). */
function manyAliases(head: string, count: number, size: number): string {
  const items = Array.from({ length: count }, (_, i) => `    k${i}: *big`).join('\n');
  return `${head}nodeSelector:\n  big: &big "${'x'.repeat(size)}"\nannotations:\n  more:\n${items}\n`;
}

describe('cross-field rules on a config with more aliases than yaml expands by default', () => {
  it('8,000 aliases of a 1 MB string: the rules are still checked, at the right position', () => {
    const text = manyAliases('postgresql:\n  enabled: false\n', 8000, 1_000_000);
    expect(rules(text)).toEqual([['RULE_POSTGRES_REQUIRED', 2, 12]]);
  });

  it('1,001 aliases and a clean config: no rule finding (nothing invented either)', () => {
    expect(rules(manyAliases('postgresql:\n  enabled: true\nbroker: redis\nredis:\n  enabled: true\n', 1001, 10))).toEqual([]);
  });

  it('values reached through aliases and merge keys count, as PyYAML constructs them', () => {
    expect(rules('base: &pg\n  enabled: false\npostgresql: *pg\n').map((r) => r[0])).toEqual(['RULE_POSTGRES_REQUIRED']);
    expect(rules('securityContext:\n  <<: {runAsUser: 100}\n').map((r) => r[0])).toEqual(['RULE_SECURITY_CONTEXT_USER_GROUP']);
    expect(rules('deploymentChart: agent\nagent: {}\nbroker: redis\n').map((r) => r[0])).toEqual(['RULE_AGENT_KEY']);
  });
});
