import { describe, expect, it } from 'vitest';
import { CORPUS, CORPUS_NOW, HAS_CORPUS, corpusPath } from '../support/corpus.js';
import { findingCodes, runGuarded } from '../support/guarded-run.js';

/**
 * Every attack response in the shared corpus (attacks/, 49 files; anchors as listed in
 * SOURCES.md "attacks: trust anchors") through `check-response`. An attack must end
 * with signatureValid false, exit 1, and the finding that names the reason; the four files that
 * are genuinely valid keep signatureValid true with the full NameID.
 */
type Row = [file: string, anchor: string, codes: string[]];
const SSOREADY = 'okta-metadata/ssoready-trial1022863-indented-cert.xml';
const NODE = 'attacks/xsw-node-saml.idp-cert.pem';
const JAVA = 'attacks/java-saml.idp-cert.pem';
const CREW39 = 'attacks/xsw-crewjam-permutation-3-9.idp-metadata.xml';
const CREW12 = 'attacks/xsw-crewjam-permutation-1-2.idp-metadata-onelogin.xml';

const attacks: Row[] = [
  ['badalg-ssoready-okta-response-digest-alg.xml', SSOREADY, ['XML_SIGNATURE_ALGORITHM']],
  ['badalg-ssoready-okta-response-signature-alg.xml', SSOREADY, ['XML_SIGNATURE_ALGORITHM']],
  ['badcert-ssoready-okta-response-no-x509-in-keyinfo.xml', SSOREADY, ['XML_SIGNATURE_INVALID']],
  ['comment-ruby-saml-node-text-attack.xml.base64', 'attacks/python3-saml.idp-cert.pem', ['XML_SIGNATURE_INVALID', 'XML_COMMENT_IN_VALUE']],
  ['comment-ruby-saml-node-text-attack3-cdata.xml.base64', 'attacks/ruby-saml.idp-cert.pem', ['XML_SIGNATURE_INVALID']],
  ['malformed-ssoready-nul-byte-response.xml', SSOREADY, ['XML_NUL_BYTE']],
  ['oktadev-scenario-1.b64', 'attacks/oktadev-scenarios.idp-cert.pem', ['RESPONSE_UNSIGNED']],
  ['oktadev-scenario-12.b64', 'attacks/oktadev-scenarios.idp-cert.pem', ['RESPONSE_UNSIGNED']],
  ['oktadev-scenario-13.b64', 'attacks/oktadev-scenarios.idp-cert.pem', ['XML_SIGNATURE_INVALID']],
  // c14n 1.1 is outside the allow-list, so the attacker's KeyInfo cert is never even tried.
  ['oktadev-scenario-3.b64', 'attacks/oktadev-scenarios.idp-cert.pem', ['XML_SIGNATURE_ALGORITHM']],
  ['unsigned-ssoready-okta-response.xml', SSOREADY, ['XML_SIGNATURE_INVALID']],
  ['xmlcrypto-cve-2025-29774-multiple-signedinfo.xml', 'attacks/xmlcrypto-cve-2025.saml_external_ns.pem', ['XML_SIGNATURE_STRUCTURE']],
  ['xmlcrypto-cve-2025-29774-wrapped-signedinfo.xml', 'attacks/xmlcrypto-cve-2025.saml_external_ns.pem', ['ASSERTION_MULTIPLE']],
  ['xmlcrypto-cve-2025-29775-digestvalue-comment.xml', 'attacks/xmlcrypto-cve-2025.feide_public.pem', ['XML_SIGNATURE_INVALID']],
  ['xmlcrypto-cve-2025-no-signedinfo.xml', 'attacks/xmlcrypto-cve-2025.feide_public.pem', ['XML_SIGNATURE_STRUCTURE']],
  ['xsw-crewjam-permutation-one.b64', CREW12, ['RESPONSE_DUPLICATE_ID', 'ASSERTION_MULTIPLE']],
  ['xsw-crewjam-permutation-two.b64', CREW12, ['RESPONSE_DUPLICATE_ID', 'ASSERTION_MULTIPLE']],
  ['xsw-crewjam-permutation-three.b64', CREW39, ['ASSERTION_MULTIPLE']],
  ['xsw-crewjam-permutation-four.b64', CREW39, ['ASSERTION_MULTIPLE']],
  ['xsw-crewjam-permutation-five.b64', CREW39, ['ASSERTION_MULTIPLE']],
  ['xsw-crewjam-permutation-six.b64', CREW39, ['ASSERTION_MULTIPLE']],
  ['xsw-crewjam-permutation-seven.b64', CREW39, ['ASSERTION_MULTIPLE', 'RESPONSE_DUPLICATE_ID']],
  ['xsw-crewjam-permutation-eight.b64', CREW39, ['ASSERTION_MULTIPLE', 'RESPONSE_DUPLICATE_ID']],
  ['xsw-crewjam-permutation-nine.b64', CREW39, ['ASSERTION_MULTIPLE']],
  ['xsw-java-saml-concealed-signed-assertion.xml', 'attacks/ruby-saml.idp-cert.pem', ['ASSERTION_MULTIPLE']],
  ['xsw-java-saml-duplicate-reference-uri.xml.base64', JAVA, ['XML_SIGNATURE_REFERENCE']],
  ['xsw-java-saml-spoofed-response-signature.xml', JAVA, ['XML_SIGNATURE_NOT_CHILD']],
  ['xsw-java-saml-triple-signed-response.xml.base64', JAVA, ['XML_SIGNATURE_MULTIPLE']],
  ['xsw-java-saml-wrong-signed-element.xml.base64', JAVA, ['XML_SIGNATURE_NOT_CHILD']],
  ['xsw-node-saml-response.root-resigned-by-attacker-assertion-unsigned-attackers-cert-at-keyinfo.xml', NODE, ['XML_SIGNATURE_INVALID']],
  ['xsw-node-saml-response.root-signed-transforms.assertion-unsigned.xml', NODE, ['XML_SIGNATURE_ALGORITHM']],
  ['xsw-node-saml-response.root-signed.assertion-invalidly-signed.xml', NODE, ['XML_SIGNATURE_INVALID']],
  ['xsw-node-saml-response.root-signed.assertion-signed.1advice-signed.xml', NODE, ['ASSERTION_MULTIPLE']],
  ['xsw-node-saml-response.root-signed.multiple-root-elements.xml', NODE, ['XML_MULTIPLE_ROOTS']],
  ['xsw-node-saml-response.root-unsigned.assertion-signed-transforms.xml', NODE, ['XML_SIGNATURE_ALGORITHM']],
  [
    'xsw-python3-saml-signature-wrapping-attack2.xml.base64',
    'attacks/xsw-python3-saml-signature-wrapping-attack2.idp-metadata.xml',
    ['ASSERTION_MULTIPLE'],
  ],
  ['xsw-ruby-saml-doubled-signed-assertion.xml', 'attacks/ruby-saml.idp-cert.pem', ['ASSERTION_MULTIPLE']],
  ['xsw-ruby-saml-encrypted-new-attack.xml.base64', 'attacks/xsw-ruby-saml-encrypted-new-attack.idp-cert.pem', ['XML_SIGNATURE_REFERENCE']],
  ['xsw-ruby-saml-multiple-signed.xml.base64', 'attacks/python3-saml.idp-cert.pem', ['XML_SIGNATURE_MULTIPLE']],
  [
    'xsw-ruby-saml-response-assertion-wrapped.xml.base64',
    'attacks/xsw-ruby-saml-response-assertion-wrapped.idp-cert.pem',
    ['ASSERTION_MULTIPLE'],
  ],
  ['xsw-ruby-saml-response-wrapped.xml.base64', 'attacks/python3-saml.idp-cert.pem', ['XML_SIGNATURE_NOT_CHILD']],
  [
    'xsw-ruby-saml-signature-wrapping-attack.xml.base64',
    'attacks/python3-saml.idp-cert.pem',
    ['RESPONSE_DUPLICATE_ID', 'ASSERTION_MULTIPLE'],
  ],
  [
    'xsw-samlify-attack-response-signed-multiroot.xml',
    'attacks/xsw-samlify-attack-response-signed-multiroot.idp-cert.pem',
    ['XML_MULTIPLE_ROOTS'],
  ],
  [
    'xsw-xml-crypto-valid-saml-signature-wrapping.xml',
    'attacks/xmlcrypto-cve-2025.feide_public.pem',
    ['RESPONSE_DUPLICATE_ID', 'ASSERTION_MULTIPLE'],
  ],
  // No anchor needed: the DOCTYPE is refused before any parser runs.
  ['xxe-ruby-saml-billion-laughs.xml', 'attacks/python3-saml.idp-cert.pem', ['XML_DOCTYPE', 'XML_ENTITY_DECLARATION']],
];

/** Genuinely valid signatures (SOURCES.md): the NameID is read in full. */
const valid: [file: string, anchor: string, nameId: string][] = [
  ['comment-crewjam-google-response-base.b64', 'attacks/comment-crewjam-google-idp-metadata-expired.xml', 'ross@octolabs.io'],
  ['comment-ruby-saml-node-text-attack2.xml.base64', 'attacks/ruby-saml.idp-cert.pem', 'test@onelogin.com'],
  ['digestcomment-clever-saml2-commented-out-digest.xml', 'attacks/digestcomment-clever-saml2.idp-cert.crt', 'tstudent'],
  ['oktadev-scenario-16.b64', 'attacks/oktadev-scenarios.idp-cert.pem', 'jane.doe@example.com'],
];

const run = (file: string, anchor: string) =>
  runGuarded(
    [
      'check-response',
      corpusPath('attacks', file),
      ...(anchor.endsWith('.xml') ? ['--metadata'] : ['--idp-cert']),
      corpusPath(anchor),
      '--host',
      'polyaxon.acme.com',
      '--org',
      'acme',
      '--json',
      '--now',
      CORPUS_NOW,
    ],
    { cwd: CORPUS },
  );

describe.skipIf(!HAS_CORPUS)('corpus attack responses through check-response', () => {
  it.each(attacks)('%s → signatureValid false, %j', async (file, anchor, codes) => {
    const r = await run(file, anchor);
    expect(r.code).toBe(1);
    expect(r.json?.signatureValid).toBe(false);
    expect(findingCodes(r.json?.findings)).toEqual(expect.arrayContaining(codes));
    expect(r.requests).toEqual([]);
  });

  it.each(valid)('%s (a valid signature) → signatureValid true, nameId %s in full', async (file, anchor, nameId) => {
    const r = await run(file, anchor);
    expect(r.json?.signatureValid).toBe(true);
    expect(r.json?.nameId).toBe(nameId);
  });
});
