import { describe, expect, it } from 'vitest';
import { judgeMetadata, rotationRows } from '../../../src/core/init/judge-metadata.js';
import { initResult, nextSteps, shellWord } from '../../../src/core/init/init-result.js';
import { finding } from '../../../src/core/findings.js';
import type { CertInfo, MetadataReport } from '../../../src/core/metadata/types.js';
import { parseHost } from '../../../src/core/urls/parse-host.js';
import { buildSpUrls } from '../../../src/core/urls/sp-urls.js';

const host = (s: string, allowHttp = false) => {
  const r = parseHost(s, { allowHttp });
  if (!r.ok) throw new Error(s);
  return r.value;
};
const certInfo = (sha256: string, notAfter: string, newest: boolean): CertInfo => ({
  index: 0,
  use: 'signing',
  subject: `CN=${sha256}`,
  issuer: 'CN=x',
  serialNumber: '01',
  notBefore: '2025-01-01T00:00:00.000Z',
  notAfter,
  daysLeft: 100,
  keyType: 'RSA',
  keySize: 2048,
  signatureAlgorithm: 'sha256WithRSAEncryption',
  selfSigned: true,
  sha256,
  sha1: 'S1',
  newest,
  pem: '',
});
const report = (certs: CertInfo[], findings = [finding('MD_UNSIGNED', 'info', 'unsigned')]): MetadataReport => ({
  metadata: {
    entityId: 'http://www.okta.com/exk1',
    oktaEntityId: true,
    ssoEndpoints: [],
    sloEndpoints: [],
    nameIdFormats: [],
    idpHostKind: 'okta',
    signingCerts: certs,
    signed: false,
  },
  findings,
});

describe('judgeMetadata: never continue with bad metadata', () => {
  it('accepts clean metadata and picks the newest signing cert', () => {
    const v = judgeMetadata(
      report([certInfo('OLD', '2030-01-01T00:00:00.000Z', false), certInfo('NEW', '2035-01-01T00:00:00.000Z', true)]),
      '<x/>',
      'm.xml',
    );
    expect(v.ok).toBe(true);
    if (v.ok) {
      expect(v.metadata.cert.sha256).toBe('NEW');
      expect(v.metadata.certs.map((c) => c.sha256)).toEqual(['OLD', 'NEW']);
      expect(v.metadata.pinned).toBe(false);
    }
  });
  it('a matched pin is remembered', () => {
    const v = judgeMetadata(
      report([certInfo('A', '2035-01-01T00:00:00.000Z', true)], [finding('MD_FINGERPRINT_MATCH', 'info', 'ok')]),
      '<x/>',
      'm.xml',
    );
    expect(v.ok && v.metadata.pinned).toBe(true);
  });
  it('any error rejects it, with the errors to show', () => {
    const v = judgeMetadata(
      report(
        [certInfo('A', '2035-01-01T00:00:00.000Z', true)],
        [finding('CERT_EXPIRED', 'error', 'x'), finding('MD_UNSIGNED', 'info', 'y')],
      ),
      '<x/>',
      'm.xml',
    );
    expect(v.ok).toBe(false);
    if (!v.ok) expect([v.errors.map((f) => f.code), v.warnings.map((f) => f.code)]).toEqual([['CERT_EXPIRED'], ['MD_UNSIGNED']]);
  });
  it('no metadata or no cert without an error is still rejected', () => {
    const none = judgeMetadata({ findings: [] }, '', 'm.xml');
    expect(none.ok ? [] : none.errors.map((f) => f.code)).toEqual(['INIT_NO_SIGNING_CERT']);
    const noCert = judgeMetadata(report([]), '<x/>', 'm.xml');
    expect(noCert.ok).toBe(false);
  });
});

describe('rotationRows', () => {
  const c = (sha256: string) => ({ subject: 's', notAfter: '2035-01-01T00:00:00.000Z', daysLeft: 1, sha256 });
  it.each([
    [['A'], ['A'], true],
    [['A'], ['B'], false],
    [['A', 'B'], ['B', 'A'], true],
    [['A'], ['A', 'B'], false],
    [[], ['A'], false],
  ])('current %j, new %j → same %s', (cur, next, same) => {
    const r = rotationRows(cur.map(c), next.map(c));
    expect(r.sameCerts).toBe(same);
    expect(r.rows.map((x) => `${x.label}:${x.cert.sha256}`)).toEqual([...cur.map((s) => `current:${s}`), ...next.map((s) => `new:${s}`)]);
  });
});

describe('initResult and nextSteps', () => {
  it('the JSON shape', () => {
    const urls = buildSpUrls(host('polyaxon.acme.com'), 'acme');
    const cert = { subject: 'CN=x', notAfter: '2035-01-01T00:00:00.000Z', daysLeft: 5, sha256: 'AA' };
    expect(initResult('values.yaml', ['values.yaml'], urls, cert, true)).toEqual({
      schemaVersion: 1,
      config: 'values.yaml',
      written: ['values.yaml'],
      urls: { acsUrl: 'https://polyaxon.acme.com/sso/okta/acs/acme', spEntityId: 'https://polyaxon.acme.com/sso/okta/metadata/acme' },
      certificate: { subject: 'CN=x', notAfter: '2035-01-01T00:00:00.000Z', sha256: 'AA' },
      changed: true,
    });
  });
  it('next steps: deploy --check, upgrade, lint', () => {
    const h = host('polyaxon.acme.com');
    const steps = nextSteps('deploy/values.yaml', h, 'acme', buildSpUrls(h, 'acme'));
    expect(steps.flatMap((s) => s.commands)).toEqual([
      'polyaxon admin deploy -f deploy/values.yaml --check',
      'polyaxon admin upgrade -f deploy/values.yaml',
      'polyaxon-sso lint deploy/values.yaml --host polyaxon.acme.com --org acme',
    ]);
  });
  it('an http lab host carries --allow-http into the lint line; odd paths are quoted', () => {
    const h = host('http://10.0.0.12:8000', true);
    const steps = nextSteps("my values's.yaml", h, 'acme', buildSpUrls(h, 'acme'));
    expect(steps[1]?.commands).toEqual([`polyaxon-sso lint 'my values'\\''s.yaml' --host http://10.0.0.12:8000 --allow-http --org acme`]);
    expect(shellWord('a b')).toBe(`'a b'`);
    expect(shellWord('values.yaml')).toBe('values.yaml');
  });
});
