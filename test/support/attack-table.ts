/**
 * Test data (not a test): every response in corpus attacks/ with the trust anchor its own suite used
 * (SOURCES.md "attacks: trust anchors") and the verdict a correct SP must reach.
 */
import { corpusPath } from './corpus.js';
import { runCli } from './run-cli.js';
import { ownValues } from './own-values.js';

export const A = (f: string) => corpusPath('attacks', f);
const md = (f: string) => ['--metadata', corpusPath(f)];
const pem = (f: string) => ['--idp-cert', A(f)];
const SSOREADY = md('okta-metadata/ssoready-trial1022863-indented-cert.xml');
const RUBY = pem('ruby-saml.idp-cert.pem');
const PY3 = pem('python3-saml.idp-cert.pem');
const JAVA = pem('java-saml.idp-cert.pem');
const NODE = pem('xsw-node-saml.idp-cert.pem');
const FEIDE = pem('xmlcrypto-cve-2025.feide_public.pem');
const EXTNS = pem('xmlcrypto-cve-2025.saml_external_ns.pem');
const CREW12 = md('attacks/xsw-crewjam-permutation-1-2.idp-metadata-onelogin.xml');
const CREW39 = md('attacks/xsw-crewjam-permutation-3-9.idp-metadata.xml');
const OKTADEV = pem('oktadev-scenarios.idp-cert.pem');

/** [file, anchor args, signatureValid, nameId expectation: exact string, null, or { not: value }] */
type NameIdRule = string | null | { not: string } | undefined;
export const ATTACKS: [string, string[], boolean, NameIdRule][] = [
  ['badalg-ssoready-okta-response-digest-alg.xml', SSOREADY, false, undefined],
  ['badalg-ssoready-okta-response-signature-alg.xml', SSOREADY, false, undefined],
  ['badcert-ssoready-okta-response-no-x509-in-keyinfo.xml', SSOREADY, false, undefined],
  ['comment-crewjam-google-response-base.b64', md('attacks/comment-crewjam-google-idp-metadata-expired.xml'), true, 'ross@octolabs.io'],
  ['comment-ruby-saml-node-text-attack.xml.base64', PY3, false, 'support@onelogin.com'],
  ['comment-ruby-saml-node-text-attack2.xml.base64', RUBY, true, 'test@onelogin.com'],
  ['comment-ruby-saml-node-text-attack3-cdata.xml.base64', RUBY, false, undefined],
  ['digestcomment-clever-saml2-commented-out-digest.xml', pem('digestcomment-clever-saml2.idp-cert.crt'), true, undefined],
  ['malformed-ssoready-nul-byte-response.xml', SSOREADY, false, null],
  ['oktadev-scenario-1.b64', OKTADEV, false, undefined],
  ['oktadev-scenario-12.b64', OKTADEV, false, undefined],
  ['oktadev-scenario-13.b64', OKTADEV, false, undefined],
  ['oktadev-scenario-16.b64', OKTADEV, true, undefined],
  ['oktadev-scenario-3.b64', OKTADEV, false, undefined],
  ['unsigned-ssoready-okta-response.xml', SSOREADY, false, undefined],
  ['xmlcrypto-cve-2025-29774-multiple-signedinfo.xml', EXTNS, false, undefined],
  ['xmlcrypto-cve-2025-29774-wrapped-signedinfo.xml', EXTNS, false, { not: 'anyone@gmail.com' }],
  ['xmlcrypto-cve-2025-29775-digestvalue-comment.xml', FEIDE, false, undefined],
  ['xmlcrypto-cve-2025-no-signedinfo.xml', FEIDE, false, undefined],
  ['xsw-crewjam-permutation-one.b64', CREW12, false, undefined],
  ['xsw-crewjam-permutation-two.b64', CREW12, false, undefined],
  ...(['three', 'four', 'five', 'six', 'seven', 'eight', 'nine'].map((n) => [
    `xsw-crewjam-permutation-${n}.b64`,
    CREW39,
    false,
    undefined,
  ]) as [string, string[], boolean, NameIdRule][]),
  ['xsw-java-saml-concealed-signed-assertion.xml', RUBY, false, { not: 'victim@example.com' }],
  ['xsw-java-saml-duplicate-reference-uri.xml.base64', JAVA, false, undefined],
  ['xsw-java-saml-spoofed-response-signature.xml', JAVA, false, undefined],
  ['xsw-java-saml-triple-signed-response.xml.base64', JAVA, false, undefined],
  ['xsw-java-saml-wrong-signed-element.xml.base64', JAVA, false, undefined],
  ['xsw-node-saml-response.root-resigned-by-attacker-assertion-unsigned-attackers-cert-at-keyinfo.xml', NODE, false, undefined],
  ['xsw-node-saml-response.root-signed-transforms.assertion-unsigned.xml', NODE, false, undefined],
  ['xsw-node-saml-response.root-signed.assertion-invalidly-signed.xml', NODE, false, undefined],
  ['xsw-node-saml-response.root-signed.assertion-signed.1advice-signed.xml', NODE, false, undefined],
  ['xsw-node-saml-response.root-signed.multiple-root-elements.xml', NODE, false, null],
  ['xsw-node-saml-response.root-unsigned.assertion-signed-transforms.xml', NODE, false, undefined],
  [
    'xsw-python3-saml-signature-wrapping-attack2.xml.base64',
    md('attacks/xsw-python3-saml-signature-wrapping-attack2.idp-metadata.xml'),
    false,
    { not: 'HACKER@gmail.com' },
  ],
  ['xsw-ruby-saml-doubled-signed-assertion.xml', RUBY, false, { not: 'victim@example.com' }],
  [
    'xsw-ruby-saml-encrypted-new-attack.xml.base64',
    [
      ...pem('xsw-ruby-saml-encrypted-new-attack.idp-cert.pem'),
      '--sp-key',
      corpusPath('okta-responses/ruby-saml-okta-response-retrievalmethod-2016.sp-key.pem'),
    ],
    false,
    undefined,
  ],
  ['xsw-ruby-saml-multiple-signed.xml.base64', PY3, false, undefined],
  [
    'xsw-ruby-saml-response-assertion-wrapped.xml.base64',
    pem('xsw-ruby-saml-response-assertion-wrapped.idp-cert.pem'),
    false,
    { not: 'bogus@onelogin.com' },
  ],
  ['xsw-ruby-saml-response-wrapped.xml.base64', PY3, false, undefined],
  ['xsw-ruby-saml-signature-wrapping-attack.xml.base64', PY3, false, undefined],
  [
    'xsw-samlify-attack-response-signed-multiroot.xml',
    pem('xsw-samlify-attack-response-signed-multiroot.idp-cert.pem'),
    false,
    { not: 'evil@evil.com' },
  ],
  ['xsw-xml-crypto-valid-saml-signature-wrapping.xml', FEIDE, false, undefined],
  ['xxe-ruby-saml-billion-laughs.xml', RUBY, false, null],
];

export async function runAttack(file: string, anchor: string[]) {
  const own = ownValues(A(file));
  const r = await runCli([
    'check-response',
    A(file),
    ...anchor,
    '--audience',
    own.audience,
    '--acs-url',
    own.acsUrl,
    '--now',
    own.now,
    '--json',
  ]);
  return { ...r, json: JSON.parse(r.stdout) as Record<string, unknown> & { findings: { code: string; severity: string }[] } };
}
