import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateMetadata, validateMetadataBytes } from '../../src/core/metadata/validate-metadata.js';
import { HAS_CORPUS, corpusPath } from '../support/corpus.js';
import { metadata, pem, sign } from '../support/xml-fixtures.js';
import { TEST_CLOCK as NOW } from '../support/clock.js';

/**
 * Findings worded for the IdP that was detected, and an expired --signer-cert said out loud
 * (a warning; --strict fails it, as every warning).
 */
const noNameId = (xml: string) => xml.replace(/<md:NameIDFormat>[^<]*<\/md:NameIDFormat>/g, '');
const other = (xml: string) =>
  xml
    .replace(/http:\/\/www\.okta\.com\/\w+/, 'https://sts.windows.net/0000/')
    .replace(/dev-000000\.okta\.com/g, 'login.microsoftonline.com');
const find = (xml: string, code: string) => validateMetadata(xml, { now: NOW }).findings.find((f) => f.code === code);

describe('Okta wording stays with Okta', () => {
  it('no NameIDFormat: a warning for Okta, an info for other IdPs', () => {
    expect(find(noNameId(metadata()), 'MD_NAMEID_FORMAT_MISSING')?.severity).toBe('warning');
    const f = find(noNameId(other(metadata())), 'MD_NAMEID_FORMAT_MISSING');
    expect(f?.severity).toBe('info');
    expect(`${f?.message} ${f?.hint}`).not.toMatch(/okta/i);
  });
  it('unsigned: "normal for Okta" only for Okta', () => {
    expect(find(metadata(), 'MD_UNSIGNED')?.message).toContain('normal for Okta');
    const f = find(other(metadata()), 'MD_UNSIGNED');
    expect(`${f?.message} ${f?.hint}`).not.toMatch(/okta/i);
  });
  it.skipIf(!HAS_CORPUS)('real Entra ID and PingOne metadata get no NameIDFormat warning and no Okta wording', () => {
    for (const name of ['entra-id-ssoready-utf8bom-signed.xml', 'pingone-ssoready.xml']) {
      const r = validateMetadataBytes(readFileSync(corpusPath('other-idp-metadata', name)), { now: NOW });
      expect(r.findings.filter((f) => f.code === 'MD_NAMEID_FORMAT_MISSING' && f.severity !== 'info')).toEqual([]);
      expect(r.findings.filter((f) => /okta/i.test(`${f.message} ${f.hint ?? ''}`) && f.code !== 'MD_SIGNATURE_INTEGRITY_ONLY')).toEqual(
        [],
      );
    }
  });
});

describe('an expired --signer-cert', () => {
  const signed = sign(metadata({ id: '_m' }), { key: 'expired.key.pem', cert: 'expired.cert.pem' });
  it('verifies, with a warning that names the expiry', () => {
    const r = validateMetadata(signed, { now: NOW, signerCerts: [pem('expired.cert.pem')] });
    expect(r.signatureValid).toBe(true);
    const f = r.findings.find((x) => x.code === 'MD_SIGNER_CERT_EXPIRED');
    expect([f?.severity, f?.message.includes('2020-01-01')]).toEqual(['warning', true]);
  });
  it('a current signer cert gets no such warning', () => {
    const ok = sign(metadata({ id: '_m' }));
    expect(validateMetadata(ok, { now: NOW, signerCerts: [pem('okta-like.cert.pem')] }).findings.map((x) => x.code)).not.toContain(
      'MD_SIGNER_CERT_EXPIRED',
    );
  });
});
