import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config/parse-config.js';
import { validateMetadata } from '../../../src/core/metadata/validate-metadata.js';
import { driftFindings, storedOktaMetadata } from '../../../src/core/trust/index.js';
import { CORPUS_NOW, HAS_CORPUS, corpusPath } from '../../support/corpus.js';
import { certBase64 } from '../../support/fixture-certs.js';

/** drift's findings, located in the config: which code for which difference, and where. */
const now = new Date(CORPUS_NOW);
const yellow = () => readFileSync(corpusPath('okta-metadata', 'yellowrook1-bugcrowd-pam-681.xml'), 'utf8');
const config = (xml: string) =>
  `hostName: polyaxon.acme.com\nexternalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: |-\n${xml
    .split('\n')
    .map((l) => `          ${l}`)
    .join('\n')}\n`;

function drift(storedXml: string, liveXml: string, minDays = 30, at = now) {
  const stored = storedOktaMetadata(parseConfig(config(storedXml), 'values.yaml'), 'values.yaml');
  if (!stored) throw new Error('no stored metadata');
  const before = validateMetadata(stored.xml, { now: at }).metadata;
  const live = validateMetadata(liveXml, { now: at }).metadata;
  if (!before || !live) throw new Error('not metadata');
  return driftFindings(stored, before, live, { now: at, minDays, liveSource: 'https://x/app/y/sso/saml/metadata' });
}
const codes = (r: ReturnType<typeof drift>) => r.findings.map((f) => f.code).sort();

describe.skipIf(!HAS_CORPUS)('driftFindings', () => {
  it('the same document: no finding', () => {
    expect(drift(yellow(), yellow()).findings).toEqual([]);
  });

  it('a new certificate in Okta: error at the config line of the stored certificate; the old one: warning', () => {
    const r = drift(
      yellow(),
      yellow().replace(/(<ds:X509Certificate>)[^<]+(<\/ds:X509Certificate>)/, `$1${certBase64('okta-rotation')}$2`),
    );
    expect(codes(r)).toEqual(['DRIFT_CERT_NOT_IN_CONFIG', 'DRIFT_CERT_NOT_IN_OKTA']);
    const added = r.findings.find((f) => f.code === 'DRIFT_CERT_NOT_IN_CONFIG');
    expect([added?.severity, added?.location?.file, added?.location?.line]).toEqual(['error', 'values.yaml', 8]);
  });

  it('another entityID and SSO URL: DRIFT_ENTITY_ID_CHANGED (error), DRIFT_SSO_URL_CHANGED (warning)', () => {
    const live = yellow()
      .replace(/exkjl16j5b8X4N6fS1d7/g, 'exkOTHER00000000000')
      .replace(/\/app\/scaleft\//g, '/app/renamed/');
    const r = drift(yellow(), live);
    expect(codes(r)).toEqual(['DRIFT_ENTITY_ID_CHANGED', 'DRIFT_SSO_URL_CHANGED']);
    expect(r.findings.find((f) => f.code === 'DRIFT_SSO_URL_CHANGED')?.severity).toBe('warning');
    expect(r.change.kind).toBe('replacement');
  });

  it('a live certificate expiring within --min-days is a warning; expired, an error', () => {
    // yellowrook1's certificate is valid until 2035-01-08
    expect(codes(drift(yellow(), yellow(), 30, new Date('2034-12-20T00:00:00Z')))).toEqual(['DRIFT_CERT_EXPIRING']);
    expect(codes(drift(yellow(), yellow(), 10, new Date('2034-12-20T00:00:00Z')))).toEqual([]);
    expect(codes(drift(yellow(), yellow(), 30, new Date('2035-02-01T00:00:00Z')))).toEqual(['DRIFT_CERT_EXPIRED']);
  });
});
