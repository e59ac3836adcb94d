import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types
import { CATALOGUES, renderFindingsDoc } from '../../scripts/findings-doc.mjs';
import { CERT_CODES } from '../../src/core/cert/codes.js';
import { LINT_CODES } from '../../src/core/lint/codes.js';
import { METADATA_CODES } from '../../src/core/metadata/codes.js';
import { RESPONSE_CODES } from '../../src/core/response/codes.js';
import { DRIFT_CODES } from '../../src/core/trust/codes.js';
import { URL_CODES } from '../../src/core/urls/codes.js';
import { XML_CODES } from '../../src/core/xml/codes.js';

const BY_NAME: Record<string, object> = { XML_CODES, METADATA_CODES, CERT_CODES, LINT_CODES, RESPONSE_CODES, DRIFT_CODES, URL_CODES };

describe('docs/findings.md', () => {
  it('is generated from the code catalogues (run node scripts/findings-doc.mjs when this fails)', () => {
    const cats = (CATALOGUES as [string, string, string, string][]).map(([title, , name, intro]) => [title, intro, BY_NAME[name]]);
    expect(readFileSync('docs/findings.md', 'utf8')).toBe(renderFindingsDoc(cats));
  });

  it('lists every code once', () => {
    const doc = readFileSync('docs/findings.md', 'utf8');
    for (const code of Object.keys({ ...XML_CODES, ...METADATA_CODES, ...CERT_CODES })) expect(doc.split(`| \`${code}\` |`).length - 1, code).toBe(1);
  });
});
