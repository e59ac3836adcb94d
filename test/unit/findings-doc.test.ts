import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types
import { CATALOGUES, renderFindingsDoc } from '../../scripts/findings-doc.mjs';
import { CATALOGUES as EXPLAIN_CATALOGUES } from '../../src/core/explain/catalogue.js';

/** The catalogue objects by their source file: the same list explain reads. */
const BY_SOURCE: Record<string, object> = Object.fromEntries(EXPLAIN_CATALOGUES.map((c) => [c.source, c.codes]));

describe('docs/findings.md', () => {
  it('is generated from the code catalogues (run node scripts/findings-doc.mjs when this fails)', () => {
    const cats = (CATALOGUES as [string, string, string, string][]).map(([title, source, , intro]) => [title, intro, BY_SOURCE[source]]);
    expect(readFileSync('docs/findings.md', 'utf8')).toBe(renderFindingsDoc(cats));
  });

  it('lists every code once', () => {
    const doc = readFileSync('docs/findings.md', 'utf8');
    const listings = EXPLAIN_CATALOGUES.flatMap((c) => Object.keys(c.codes));
    // once per catalogue that lists it (lint lists a few codes of other catalogues again, with its severity)
    for (const code of new Set(listings))
      expect(doc.split(`| \`${code}\` |`).length - 1, code).toBe(listings.filter((c) => c === code).length);
  });
});
