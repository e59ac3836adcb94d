// Signs a template with xmlsec1 (the reference implementation the bench also times), registering
// the ID attribute of the metadata root so `#ID` references resolve (as in shared/corpus/SOURCES.md).
import { execFileSync } from 'node:child_process';

export const MD_NS = 'urn:oasis:names:tc:SAML:2.0:metadata';

export function xmlsecSign(template, output, { key, cert }, rootName) {
  execFileSync(
    'xmlsec1',
    ['--sign', '--privkey-pem', `${key},${cert}`, `--id-attr:ID`, `${MD_NS}:${rootName}`, '--output', output, template],
    { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 },
  );
}

/**
 * The arguments of `xmlsec1 --verify` trusting only `cert`: `--enabled-key-data rsa` stops xmlsec1
 * from taking the key out of the document's own KeyInfo, the same pinning our CLI does with
 * --signer-cert (docs/design.md §5); a wrong cert fails.
 */
export function xmlsecVerifyArgs(file, cert, rootName) {
  return ['--verify', '--enabled-key-data', 'rsa', '--pubkey-cert-pem', cert, `--id-attr:ID`, `${MD_NS}:${rootName}`, file];
}
