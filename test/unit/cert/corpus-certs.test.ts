import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeCertificate, matchesFingerprint, ROTATE_HINT, type CertAnalysis } from '../../../src/core/cert/index.js';
import { CORPUS_NOW, corpusPath, HAS_CORPUS } from '../../support/corpus.js';

const NOW = new Date(CORPUS_NOW);
/** Every X509Certificate element's text, whatever the prefix (a simple regex is enough here). */
const certTexts = (xml: string): string[] =>
  [...xml.matchAll(/<(?:[\w.-]+:)?X509Certificate(?:\s[^>]*)?>([^<]*)<\//g)].map((m) => m[1] ?? '');
const analyzeFile = (...parts: string[]): CertAnalysis[] =>
  certTexts(readFileSync(corpusPath(...parts), 'utf8')).map((t) => analyzeCertificate(t, { now: NOW }));
const errorCodes = (rs: CertAnalysis[]) => rs.flatMap((r) => r.findings.filter((f) => f.severity === 'error').map((f) => f.code));
const allCodes = (rs: CertAnalysis[]) => new Set(rs.flatMap((r) => r.findings.map((f) => f.code)));

// SHA-256 fingerprints computed once with `openssl x509 -inform der -noout -fingerprint -sha256`.
const OPENSSL_SHA256: Record<string, string> = {
  'boot-saml-3-dev2148273-pretty.xml': '59:F8:88:3C:23:17:6A:71:27:40:A9:0B:D4:C8:D6:7B:49:5A:25:F9:9B:1A:09:0F:C3:6F:4E:3A:42:AE:07:2B',
  'boot-saml-3-okta-branch-dev47517868-tab-indented.xml':
    'AE:42:B3:5B:C0:16:A7:31:30:19:F5:E3:D8:AD:A8:AC:94:BF:B5:0B:8A:5F:17:69:E1:73:AF:27:0D:05:2E:E2',
  'coveo-legacy-2014-rsa1024.xml': '05:25:67:C5:E1:58:94:2F:C9:94:FD:13:C5:9D:73:75:E3:EE:54:62:9A:6B:84:27:28:DC:76:EA:BD:8C:32:05',
  'crewjam-dev513394-spaced-cert.xml': 'D4:0D:F0:1C:CE:DE:49:D2:07:CB:6D:8A:BD:15:77:0A:4B:6E:CA:14:A8:54:48:C2:95:9A:98:F8:5D:C3:1E:D4',
  'react-samlify-oktapreview-dev605148-slo.xml':
    '28:3C:45:8C:0D:06:1C:70:2A:2A:E3:A2:DF:4A:82:39:4D:9C:85:36:13:84:4D:8A:CB:40:CC:27:73:B0:72:89',
  'saml-kit-oktapreview-dev989848.xml': '9F:74:13:3B:BC:5A:7B:8B:2D:4F:8B:EF:1E:88:EB:D1:AE:BC:19:BF:CA:19:C6:2F:0F:4B:31:1D:68:98:B0:1B',
  'samlify-oktapreview-dev599847.xml': 'D5:BF:EA:11:49:63:1D:16:64:85:5D:49:F3:C4:C0:5E:BC:D7:79:61:44:20:7A:0F:11:48:B9:49:A4:D6:9A:41',
  'spring-boot-saml-demo-dev82614421-pretty.xml':
    'A8:F4:D6:02:00:04:58:07:E8:F4:D6:39:3A:E4:AE:0F:DD:38:AA:ED:29:7E:65:C3:E6:06:0B:82:06:71:B4:F2',
  'spring-saml-oktapreview-https-entityid-ws.xml':
    '7E:53:EA:7E:85:AE:30:F0:B4:B9:F8:C6:CF:DA:32:A2:E3:00:33:6A:19:7B:04:0B:75:D6:60:A6:1E:D6:5C:2D',
  'ssoready-trial1022863-indented-cert.xml':
    '21:D5:E6:FF:D3:60:7D:88:BD:8E:EE:5F:97:9F:CB:E9:C3:A3:08:BF:E8:E4:42:A4:41:36:AB:60:B9:21:6B:CF',
  'uaa-pivotal-oktapreview-legacy-comment.xml':
    '52:ED:25:98:FC:AC:47:C3:36:81:9B:B0:E2:22:CB:12:A0:80:06:E0:1C:64:D5:20:FE:47:C9:BD:D6:A2:57:40',
  'yellowrook1-bugcrowd-pam-681.xml': '35:3F:E4:F3:9F:C2:F8:C2:39:FB:62:69:35:0C:05:5D:01:14:E3:66:C3:8B:D4:E1:02:04:A0:A0:C9:73:5B:57',
};
const LEGACY_RSA1024 = /^(coveo-legacy-|uaa-pivotal-)/;

describe.skipIf(!HAS_CORPUS)('corpus: okta-metadata certificates at the corpus clock', () => {
  const files = HAS_CORPUS ? readdirSync(corpusPath('okta-metadata')).filter((f) => f.endsWith('.xml')) : [];
  it('covers every file, each with a literal openssl fingerprint', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(files.filter((f) => !(f in OPENSSL_SHA256))).toEqual([]);
  });
  it.each(files)('%s', (file) => {
    const rs = analyzeFile('okta-metadata', file);
    expect(rs).toHaveLength(1);
    const [r] = rs;
    expect(r?.cert?.sha256).toBe(OPENSSL_SHA256[file]);
    expect(r?.cert?.selfSigned).toBe(true);
    expect(r?.cert?.selfSignatureValid).toBe(true);
    if (LEGACY_RSA1024.test(file)) {
      expect(errorCodes(rs)).toEqual(['CERT_WEAK_KEY']);
      expect(r?.cert?.keySize).toBe(1024);
      expect(r?.findings.find((f) => f.code === 'CERT_WEAK_KEY')?.hint).toBe(ROTATE_HINT);
    } else {
      expect(errorCodes(rs)).toEqual([]);
      expect(r?.cert?.keySize).toBe(2048);
    }
  });
});

describe.skipIf(!HAS_CORPUS)('corpus: badcert and expired attack files', () => {
  it('ADFS with case-flipped base64: two certificates do not decode, the other eight do', () => {
    const rs = analyzeFile('attacks', 'badcert-adfs-coveo-signed-case-flipped-certs.xml');
    expect(rs).toHaveLength(10);
    expect(errorCodes(rs)).toEqual(['CERT_UNDECODABLE', 'CERT_UNDECODABLE']);
    expect(rs.filter((r) => r.cert).length).toBe(8);
  });
  it('forged Okta metadata: a clean attacker cert that the genuine pin rejects', () => {
    const rs = analyzeFile('attacks', 'badcert-forged-okta-metadata-attacker-cert.xml');
    expect(errorCodes(rs)).toEqual([]);
    expect(rs[0]?.cert?.subject).toContain('CN=poc.securesaml.com');
    expect(matchesFingerprint(rs[0]!.cert!, OPENSSL_SHA256['yellowrook1-bugcrowd-pam-681.xml']!)).toBe(false);
  });
  it('ssoready metadata with the wrong cert: clean, but not the real ssoready Okta cert', () => {
    const rs = analyzeFile('attacks', 'badcert-ssoready-okta-metadata-wrong-cert.xml');
    expect(errorCodes(rs)).toEqual([]);
    expect(matchesFingerprint(rs[0]!.cert!, OPENSSL_SHA256['ssoready-trial1022863-indented-cert.xml']!)).toBe(false);
  });
  it('custom-domain Okta metadata: placeholder text', () => {
    expect(errorCodes(analyzeFile('attacks', 'badcert-okta-custom-domain-placeholder-cert.xml'))).toEqual(['CERT_PLACEHOLDER']);
  });
  it.each(['badcert-ruby-saml-multi-signing-mixed-pem-base64.xml', 'badcert-ruby-saml-pem-double-base64.xml'])(
    '%s: a PEM block base64-encoded again',
    (file) => {
      expect(allCodes(analyzeFile('attacks', file)).has('CERT_PEM_IN_BASE64')).toBe(true);
    },
  );
  it.each([
    'comment-crewjam-google-idp-metadata-expired.xml',
    'expired-ruby-saml-idp-metadata-multi-certs.xml',
    'xsw-crewjam-permutation-1-2.idp-metadata-onelogin.xml',
    'xsw-crewjam-permutation-3-9.idp-metadata.xml',
  ])('%s: expired certificate', (file) => expect(allCodes(analyzeFile('attacks', file)).has('CERT_EXPIRED')).toBe(true));
});

describe.skipIf(!HAS_CORPUS)('corpus: every certificate element anywhere', () => {
  it('is analyzed without throwing, and yields a cert or an error finding', () => {
    let seen = 0;
    for (const dir of ['okta-metadata', 'other-idp-metadata', 'okta-responses', 'attacks']) {
      for (const file of readdirSync(corpusPath(dir))) {
        const raw = readFileSync(corpusPath(dir, file));
        const text = /\.(b64|base64)$/.test(file)
          ? Buffer.from(raw.toString('latin1'), 'base64').toString('utf8')
          : raw.toString(raw[0] === 0xff || raw[0] === 0xfe ? 'utf16le' : 'utf8');
        for (const r of certTexts(text).map((t) => analyzeCertificate(t, { now: NOW }))) {
          seen += 1;
          expect(r.cert !== undefined || r.findings.some((f) => f.severity === 'error')).toBe(true);
        }
      }
    }
    expect(seen).toBeGreaterThan(50);
  });
});
