import { describe, expect, it } from 'vitest';
import { CORPUS_NOW, HAS_CORPUS, corpusPath } from '../support/corpus.js';
import { runCli } from '../support/run-cli.js';

/**
 * The real-world corpus (docs/design.md §7): expected entityID, SSO URL and SHA-256 values
 * were computed once with `openssl x509 -noout -fingerprint -sha256` on each X509Certificate and
 * are written here as literals.
 */
interface Json {
  entityId: string | null;
  signatureValid?: boolean;
  signatureTrust: string | null;
  metadata: { ssoEndpoints: { location: string }[] } | null;
  certificates: { sha256: string; keySize?: number }[];
  findings: { code: string; severity: string; hint?: string; location?: { line: number; column: number } }[];
  summary: { errors: number; warnings: number; infos: number };
  ok: boolean;
}

async function validate(file: string, ...extra: string[]): Promise<{ code: number; json: Json }> {
  const r = await runCli(['validate-metadata', corpusPath(file), '--now', CORPUS_NOW, '--json', ...extra]);
  expect(r.stderr).toBe('');
  return { code: r.code, json: JSON.parse(r.stdout) as Json };
}
const codes = (j: Json, sev?: string) => j.findings.filter((f) => !sev || f.severity === sev).map((f) => f.code);

const OKTA: [string, string, string, string][] = [
  [
    'boot-saml-3-dev2148273-pretty.xml',
    'http://www.okta.com/exk72f64paqWWLIBO5d7',
    'https://dev-2148273.okta.com/app/dev-2148273_carsonline_1/exk72f64paqWWLIBO5d7/sso/saml',
    '59:F8:88:3C:23:17:6A:71:27:40:A9:0B:D4:C8:D6:7B:49:5A:25:F9:9B:1A:09:0F:C3:6F:4E:3A:42:AE:07:2B',
  ],
  [
    'boot-saml-3-okta-branch-dev47517868-tab-indented.xml',
    'http://www.okta.com/exkasog55ioSohMSZ5d7',
    'https://dev-47517868.okta.com/app/dev-47517868_samlbootapp_1/exkasog55ioSohMSZ5d7/sso/saml',
    'AE:42:B3:5B:C0:16:A7:31:30:19:F5:E3:D8:AD:A8:AC:94:BF:B5:0B:8A:5F:17:69:E1:73:AF:27:0D:05:2E:E2',
  ],
  [
    'coveo-legacy-2014-rsa1024.xml',
    'http://www.okta.com/kw4xhzicLKWVTHEZNFXP',
    'https://coveo.okta.com/app/template_saml_2_0/kw4xhzicLKWVTHEZNFXP/sso/saml',
    '05:25:67:C5:E1:58:94:2F:C9:94:FD:13:C5:9D:73:75:E3:EE:54:62:9A:6B:84:27:28:DC:76:EA:BD:8C:32:05',
  ],
  [
    'crewjam-dev513394-spaced-cert.xml',
    'http://www.okta.com/exkppsa1qwuFV4D7z0h7',
    'https://dev-513394.oktapreview.com/app/rstudioincdev513394_dev_1/exkppsa1qwuFV4D7z0h7/sso/saml',
    'D4:0D:F0:1C:CE:DE:49:D2:07:CB:6D:8A:BD:15:77:0A:4B:6E:CA:14:A8:54:48:C2:95:9A:98:F8:5D:C3:1E:D4',
  ],
  [
    'react-samlify-oktapreview-dev605148-slo.xml',
    'http://www.okta.com/exkgoawmsbccv7wix0h7',
    'https://dev-605148.oktapreview.com/app/passifydev605148_passify_1/exkgoawmsbccv7wix0h7/sso/saml',
    '28:3C:45:8C:0D:06:1C:70:2A:2A:E3:A2:DF:4A:82:39:4D:9C:85:36:13:84:4D:8A:CB:40:CC:27:73:B0:72:89',
  ],
  [
    'saml-kit-oktapreview-dev989848.xml',
    'http://www.okta.com/exk8dx3jilpueVzpU0h7',
    'https://dev-989848.oktapreview.com/app/ciscodev843126_portal_1/exk8dx3jilpueVzpU0h7/sso/saml',
    '9F:74:13:3B:BC:5A:7B:8B:2D:4F:8B:EF:1E:88:EB:D1:AE:BC:19:BF:CA:19:C6:2F:0F:4B:31:1D:68:98:B0:1B',
  ],
  [
    'samlify-oktapreview-dev599847.xml',
    'http://www.okta.com/exk9u78i8aMSxvkV70h7',
    'https://dev-599847.oktapreview.com/app/expresssaml2dev599847_esaml2sp_1/exk9u78i8aMSxvkV70h7/sso/saml',
    'D5:BF:EA:11:49:63:1D:16:64:85:5D:49:F3:C4:C0:5E:BC:D7:79:61:44:20:7A:0F:11:48:B9:49:A4:D6:9A:41',
  ],
  [
    'spring-boot-saml-demo-dev82614421-pretty.xml',
    'http://www.okta.com/exka0jtzonERoBn7U5d7',
    'https://dev-82614421.okta.com/app/dev-82614421_samlbootapp_1/exka0jtzonERoBn7U5d7/sso/saml',
    'A8:F4:D6:02:00:04:58:07:E8:F4:D6:39:3A:E4:AE:0F:DD:38:AA:ED:29:7E:65:C3:E6:06:0B:82:06:71:B4:F2',
  ],
  [
    'spring-saml-oktapreview-https-entityid-ws.xml',
    'https://www.okta.com/exkp16rx3bOtNjse40h7',
    'https://dev-856753.oktapreview.com/app/pegasystemsdev856753_billasaml_1/exkp16rx3bOtNjse40h7/sso/saml',
    '7E:53:EA:7E:85:AE:30:F0:B4:B9:F8:C6:CF:DA:32:A2:E3:00:33:6A:19:7B:04:0B:75:D6:60:A6:1E:D6:5C:2D',
  ],
  [
    'ssoready-trial1022863-indented-cert.xml',
    'http://www.okta.com/exkdoocxa1VmjpXmX697',
    'https://trial-1022863.okta.com/app/trial-1022863_oktalocalhostbis_1/exkdoocxa1VmjpXmX697/sso/saml',
    '21:D5:E6:FF:D3:60:7D:88:BD:8E:EE:5F:97:9F:CB:E9:C3:A3:08:BF:E8:E4:42:A4:41:36:AB:60:B9:21:6B:CF',
  ],
  [
    'uaa-pivotal-oktapreview-legacy-comment.xml',
    'http://www.okta.com/k2lvtem0VAJDMINKEYJW',
    'https://pivotal.oktapreview.com/app/pivotal_pivotalcfdevelopment_1/k2lvtem0VAJDMINKEYJW/sso/saml',
    '52:ED:25:98:FC:AC:47:C3:36:81:9B:B0:E2:22:CB:12:A0:80:06:E0:1C:64:D5:20:FE:47:C9:BD:D6:A2:57:40',
  ],
  [
    'yellowrook1-bugcrowd-pam-681.xml',
    'http://www.okta.com/exkjl16j5b8X4N6fS1d7',
    'https://bugcrowd-pam-681.oktapreview.com/app/scaleft/exkjl16j5b8X4N6fS1d7/sso/saml',
    '35:3F:E4:F3:9F:C2:F8:C2:39:FB:62:69:35:0C:05:5D:01:14:E3:66:C3:8B:D4:E1:02:04:A0:A0:C9:73:5B:57',
  ],
];
const LEGACY = new Set(['coveo-legacy-2014-rsa1024.xml', 'uaa-pivotal-oktapreview-legacy-comment.xml']);
const YELLOWROOK_SHA256 = OKTA[11]![3];
const SSOREADY_SHA256 = OKTA[9]![3];

describe.skipIf(!HAS_CORPUS)('validate-metadata over okta-metadata/ (corpus clock)', () => {
  it.each(OKTA)('%s: entityID, SSO URL and SHA-256 as openssl computes', async (file, entityId, sso, sha256) => {
    const { code, json } = await validate(`okta-metadata/${file}`);
    expect(json.entityId).toBe(entityId);
    expect(json.metadata?.ssoEndpoints[0]?.location).toBe(sso);
    expect(json.certificates.map((c) => c.sha256)).toEqual([sha256]);
    expect(json.signatureValid).toBeUndefined();
    if (LEGACY.has(file)) {
      expect(codes(json, 'error')).toEqual(['CERT_WEAK_KEY']);
      expect(json.certificates[0]?.keySize).toBe(1024);
      expect(json.findings.find((f) => f.code === 'CERT_WEAK_KEY')?.hint).toMatch(/Generate new certificate/);
      expect(code).toBe(1);
    } else {
      expect(codes(json, 'error')).toEqual([]);
      expect(code).toBe(0);
    }
  });

  it('the pinned fingerprint of each Okta sample matches, in any case and without colons', async () => {
    const { code, json } = await validate(
      'okta-metadata/yellowrook1-bugcrowd-pam-681.xml',
      '--fingerprint',
      YELLOWROOK_SHA256.replace(/:/g, '').toLowerCase(),
    );
    expect(code).toBe(0);
    expect(codes(json)).toContain('MD_FINGERPRINT_MATCH');
  });
});

describe.skipIf(!HAS_CORPUS)('validate-metadata over other-idp-metadata/', () => {
  it('Azure AD verifies with its .signer.pem (trusted signer)', async () => {
    const { json } = await validate(
      'other-idp-metadata/azure-ad-wsfed-signed-xml-crypto.xml',
      '--signer-cert',
      corpusPath('other-idp-metadata/azure-ad-wsfed-signed-xml-crypto.signer.pem'),
    );
    expect(json.signatureValid).toBe(true);
    expect(json.signatureTrust).toBe('signer-cert');
    expect(codes(json)).toContain('MD_SIGNATURE_VERIFIED');
    expect(json.entityId).toBe('https://sts.windows.net/8bd6e98d-e212-4022-b13f-a244fab4c253/');
  });

  it.each(['entra-id-ssoready-utf8bom-signed.xml', 'adfs-java-saml-federationmetadata-signed.xml'])(
    '%s verifies against its embedded key: integrity only',
    async (file) => {
      const { json } = await validate(`other-idp-metadata/${file}`);
      expect(json.signatureValid).toBe(true);
      expect(json.signatureTrust).toBe('embedded-key-integrity-only');
      expect(codes(json)).toContain('MD_SIGNATURE_INTEGRITY_ONLY');
    },
  );

  it('Entra ID is otherwise clean (one signing cert valid until 2026-11-16)', async () => {
    const { code, json } = await validate('other-idp-metadata/entra-id-ssoready-utf8bom-signed.xml');
    expect(codes(json, 'error')).toEqual([]);
    expect(code).toBe(0);
  });

  it('swamid-testing fails verification', async () => {
    const { code, json } = await validate(
      'other-idp-metadata/swamid-testing-signed-entitiesdescriptor-shibboleth.xml',
      '--entity-id',
      'https://coip-test.sunet.se/idp/shibboleth',
    );
    expect(json.signatureValid).toBe(false);
    expect(codes(json, 'error')).toContain('XML_SIGNATURE_INVALID');
    expect(code).toBe(1);
  });

  it('the SWAMID aggregate needs --entity-id (no silent first pick) and its signature verifies (integrity only)', async () => {
    const { code, json } = await validate('other-idp-metadata/swamid-1.0-signed-entitiesdescriptor-aggregate.xml');
    expect(codes(json, 'error')).toEqual(['MD_AGGREGATE_NEEDS_ENTITY_ID']);
    expect(json.entityId).toBeNull();
    expect(json.signatureValid).toBe(true);
    expect(code).toBe(1);
  });

  it.each([
    ['google-workspace-ssoready.xml', []],
    ['onelogin-486670.xml', ['CERT_EXPIRED']],
    ['pingone-ssoready.xml', ['CERT_EXPIRED']],
    ['keycloak-ssoready.xml', ['MD_SSO_NOT_HTTPS']],
  ])('%s: errors %j', async (file, expected) => {
    const { json } = await validate(`other-idp-metadata/${file}`);
    expect([...new Set(codes(json, 'error'))]).toEqual(expected);
  });
});

describe.skipIf(!HAS_CORPUS)('validate-metadata over attacks/ metadata', () => {
  it('badcert-adfs-coveo-signed-case-flipped-certs: a cert that does not decode, and the signature fails', async () => {
    const { code, json } = await validate('attacks/badcert-adfs-coveo-signed-case-flipped-certs.xml');
    expect(codes(json, 'error')).toEqual(expect.arrayContaining(['CERT_UNDECODABLE', 'XML_SIGNATURE_INVALID']));
    expect(json.signatureValid).toBe(false);
    expect(code).toBe(1);
  });

  it.each([
    ['badcert-forged-okta-metadata-attacker-cert.xml', YELLOWROOK_SHA256],
    ['badcert-ssoready-okta-metadata-wrong-cert.xml', SSOREADY_SHA256],
  ])('%s: clean structure; the genuine fingerprint does not match', async (file, genuine) => {
    const plain = await validate(`attacks/${file}`);
    expect(codes(plain.json, 'error')).toEqual([]);
    expect(plain.code).toBe(0);
    const pinned = await validate(`attacks/${file}`, '--fingerprint', genuine);
    expect(codes(pinned.json, 'error')).toEqual(['MD_FINGERPRINT_MISMATCH']);
    expect(pinned.code).toBe(1);
  });

  it('badcert-okta-custom-domain-placeholder-cert: placeholder text', async () => {
    const { json } = await validate('attacks/badcert-okta-custom-domain-placeholder-cert.xml');
    expect(codes(json, 'error')).toContain('CERT_PLACEHOLDER');
    expect(codes(json)).toContain('MD_OKTA_CUSTOM_DOMAIN');
  });

  it.each(['badcert-ruby-saml-multi-signing-mixed-pem-base64.xml', 'badcert-ruby-saml-pem-double-base64.xml'])(
    '%s: a PEM block base64-encoded again',
    async (file) => {
      const { code, json } = await validate(`attacks/${file}`);
      expect(codes(json, 'error')).toContain('CERT_PEM_IN_BASE64');
      expect(code).toBe(1);
    },
  );

  it('badcert-uaa-okta-wrong-xmldsig-namespace: no signing cert, with the namespace hint', async () => {
    const { json } = await validate('attacks/badcert-uaa-okta-wrong-xmldsig-namespace.xml');
    expect(codes(json, 'error')).toEqual(expect.arrayContaining(['MD_NO_SIGNING_CERT', 'MD_KEYINFO_WRONG_NAMESPACE']));
    expect(json.findings.find((f) => f.code === 'MD_NO_SIGNING_CERT')?.hint).toMatch(/xmldsig#/);
    expect(json.certificates).toEqual([]);
  });

  it.each([
    ['comment-crewjam-google-idp-metadata-expired.xml', true],
    ['expired-ruby-saml-idp-metadata-multi-certs.xml', false],
    ['xsw-crewjam-permutation-1-2.idp-metadata-onelogin.xml', false],
    ['xsw-crewjam-permutation-3-9.idp-metadata.xml', false],
  ])('%s: expired certificate (validUntil too: %s)', async (file, validUntil) => {
    const { code, json } = await validate(`attacks/${file}`);
    expect(codes(json, 'error')).toContain('CERT_EXPIRED');
    expect(codes(json, 'error').includes('MD_VALID_UNTIL_EXPIRED')).toBe(validUntil);
    expect(code).toBe(1);
  });

  it('expired-python3-saml-metadata-validuntil-2007: SP metadata, not IdP metadata', async () => {
    const { json } = await validate('attacks/expired-python3-saml-metadata-validuntil-2007.xml');
    expect(codes(json, 'error')).toEqual(['MD_SP_METADATA']);
  });

  it('every XML file in attacks/ gives a verdict, never a crash', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(corpusPath('attacks')).filter((f) => f.endsWith('.xml'));
    expect(files.length).toBeGreaterThan(30);
    for (const f of files) {
      const r = await runCli(['validate-metadata', corpusPath('attacks', f), '--now', CORPUS_NOW, '--json']);
      expect([0, 1]).toContain(r.code);
      expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
    }
  });

  it('a PEM file or a base64 capture given instead of metadata is named as such', async () => {
    expect(codes((await validate('attacks/java-saml.idp-cert.pem')).json, 'error')).toEqual(['MD_PEM_GIVEN']);
    expect(codes((await validate('attacks/oktadev-scenario-1.b64')).json, 'error')).toEqual(['MD_BASE64_GIVEN']);
    expect(codes((await validate('okta-responses/dex-okta-resp-2017.xml')).json, 'error')).toEqual(['MD_SAML_RESPONSE']);
  });

  it('hostile documents are rejected before any value is read', async () => {
    const xxe = await validate('attacks/xxe-ruby-saml-billion-laughs.xml');
    expect(codes(xxe.json, 'error')).toContain('XML_DOCTYPE');
    expect(xxe.json.findings[0]?.location).toEqual({ file: corpusPath('attacks/xxe-ruby-saml-billion-laughs.xml'), line: 2, column: 1 });
    const multi = await validate('attacks/xsw-samlify-attack-response-signed-multiroot.xml');
    expect(codes(multi.json, 'error')).toContain('XML_MULTIPLE_ROOTS');
    const utf16 = await validate('attacks/malformed-entra-id-utf16-doublebom-signed.xml');
    expect(codes(utf16.json, 'error')).toEqual(['XML_DOUBLE_BOM']);
    const nul = await validate('attacks/malformed-ssoready-nul-byte-response.xml');
    expect(codes(nul.json, 'error')).toContain('XML_NUL_BYTE');
  });
});
