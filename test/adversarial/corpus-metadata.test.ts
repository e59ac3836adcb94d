import { describe, expect, it } from 'vitest';
import { CORPUS, CORPUS_NOW, HAS_CORPUS, corpusPath } from '../support/corpus.js';
import { findingCodes, runGuarded } from '../support/guarded-run.js';

/**
 * The corpus's hostile and broken metadata (attacks/) through `validate-metadata`:
 * each is refused with the finding that names the problem. A forged copy of real Okta metadata
 * with an attacker certificate is indistinguishable without a pin; with the genuine SHA-256 pinned
 * it fails with MD_FINGERPRINT_MISMATCH, which is why `--fingerprint` exists.
 */
const cases: [file: string, codes: string[]][] = [
  ['badcert-adfs-coveo-signed-case-flipped-certs.xml', ['CERT_UNDECODABLE', 'XML_SIGNATURE_INVALID']],
  ['badcert-okta-custom-domain-placeholder-cert.xml', ['CERT_PLACEHOLDER']],
  ['badcert-ruby-saml-multi-signing-mixed-pem-base64.xml', ['CERT_PEM_IN_BASE64', 'CERT_EXPIRED']],
  ['badcert-ruby-saml-pem-double-base64.xml', ['CERT_PEM_IN_BASE64']],
  ['badcert-uaa-okta-wrong-xmldsig-namespace.xml', ['MD_KEYINFO_WRONG_NAMESPACE', 'MD_NO_SIGNING_CERT']],
  ['comment-crewjam-google-idp-metadata-expired.xml', ['MD_VALID_UNTIL_EXPIRED', 'CERT_EXPIRED']],
  ['expired-python3-saml-metadata-validuntil-2007.xml', ['MD_SP_METADATA']],
  ['expired-ruby-saml-idp-metadata-multi-certs.xml', ['CERT_EXPIRED', 'CERT_WEAK_KEY']],
  ['malformed-entra-id-utf16-doublebom-signed.xml', ['XML_DOUBLE_BOM']],
];

const validate = (path: string, extra: string[] = []) =>
  runGuarded(['validate-metadata', path, '--json', '--now', CORPUS_NOW, ...extra], { cwd: CORPUS });

describe.skipIf(!HAS_CORPUS)('corpus hostile metadata through validate-metadata', () => {
  it.each(cases)('%s → exit 1 with %j', async (file, codes) => {
    const r = await validate(corpusPath('attacks', file));
    expect(r.code).toBe(1);
    expect(findingCodes(r.json?.findings)).toEqual(expect.arrayContaining(codes));
    expect(r.requests).toEqual([]);
  });

  it.each([
    ['badcert-forged-okta-metadata-attacker-cert.xml', 'okta-metadata/yellowrook1-bugcrowd-pam-681.xml'],
    ['badcert-ssoready-okta-metadata-wrong-cert.xml', 'okta-metadata/ssoready-trial1022863-indented-cert.xml'],
  ])('%s: same entityID as the genuine metadata, caught only by the pin → MD_FINGERPRINT_MISMATCH', async (forged, genuine) => {
    const real = await validate(corpusPath(genuine));
    const pin = ((real.json?.certificates ?? []) as { sha256: string }[])[0]?.sha256 as string;
    expect(pin).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const unpinned = await validate(corpusPath('attacks', forged));
    expect(unpinned.json?.entityId).toBe(real.json?.entityId);
    const pinned = await validate(corpusPath('attacks', forged), ['--fingerprint', pin]);
    expect(pinned.code).toBe(1);
    expect(findingCodes(pinned.json?.findings)).toContain('MD_FINGERPRINT_MISMATCH');
    expect(((pinned.json?.certificates ?? []) as { sha256: string }[]).map((c) => c.sha256)).not.toContain(pin);
  });
});
