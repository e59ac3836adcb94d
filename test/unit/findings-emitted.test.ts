import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every code a code path can emit is in docs/findings.md (generated from the catalogues), so
 * `explain` and the docs know it. Codes are written as literals where they are emitted, so the
 * source is scanned for code-shaped strings; the few that are not codes are listed with why.
 */
const NOT_CODES: Record<string, string> = {
  BLOCK_FOLDED: "yaml's scalar type",
  BLOCK_LITERAL: "yaml's scalar type",
  QUOTE_DOUBLE: "yaml's scalar type",
  QUOTE_SINGLE: "yaml's scalar type",
  RSA_SHA256: 'a Terraform attribute value',
  XML_SIGNATURE: 'a prefix of the XML_SIGNATURE_* codes',
};
/** Error codes of Node, libuv, getaddrinfo and undici that are mapped to ours. */
const FOREIGN = /^(E[A-Z]+|EAI_[A-Z]+|ERR_[A-Z_]+|UND_ERR_[A-Z_]+)$/;
const CODE_SHAPED = /'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g;

const walk = (d: string): string[] =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
const documented = new Set([...readFileSync('docs/findings.md', 'utf8').matchAll(/^\| `([A-Z0-9_]+)`/gm)].map((m) => m[1]));

describe('finding and error codes are documented', () => {
  it('every code-shaped literal in src/ is in docs/findings.md', () => {
    const missing: string[] = [];
    for (const file of walk('src').filter((f) => f.endsWith('.ts'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(CODE_SHAPED)) {
        const code = m[1]!;
        if (!documented.has(code) && !(code in NOT_CODES) && !FOREIGN.test(code)) missing.push(`${code} (${file})`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('the scan sees the emitting sites (a catalogued code in use is found)', () => {
    const all = walk('src')
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const code of ['CERT_EXPIRED', 'PATCH_MERGE_KEY', 'FETCH_TLS', 'HOST_IS_OKTA']) expect(all).toContain(`'${code}'`);
    for (const code of Object.keys(NOT_CODES)) expect(documented.has(code)).toBe(false);
  });
});
