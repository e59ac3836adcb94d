/**
 * The metadata document's own signature (docs/design.md §5/§8). By default it is checked
 * against --signer-cert certificates; with none, against the key embedded in the signature (or, if
 * KeyInfo has none, the document's own signing certs), which proves integrity, not origin.
 * Offers checkMetadataSignature(text, doc, root, entity, opts).
 */
import { X509Certificate } from 'node:crypto';
import { analyzeCertificate } from '../cert/analyze-certificate.js';
import { finding, type Finding, type Location } from '../findings.js';
import { NS, childElements, descendants, elementText } from '../xml/dom.js';
import { locationOf } from '../xml/parse-dom.js';
import { verifyEnvelopedSignature } from '../xml/verify-enveloped-signature.js';
import { METADATA_CODES as C } from './codes.js';

export interface SignatureOutcome {
  signed: boolean;
  signatureValid?: boolean;
  signatureTrust?: 'signer-cert' | 'embedded-key-integrity-only';
  findings: Finding[];
}

export interface SignatureOptions {
  signerCerts?: string[];
  requireSignature?: boolean;
  /** Base64 certs of the entity's signing KeyDescriptors: the last-resort embedded key. */
  entityCerts: string[];
  now: Date;
  file?: string;
  /** The document is Okta's (wording only: unsigned is normal there). */
  okta?: boolean;
}

export function checkMetadataSignature(
  text: string,
  doc: Document,
  root: Element,
  entity: Element,
  opts: SignatureOptions,
): SignatureOutcome {
  const findings: Finding[] = [];
  const withSigner = (opts.signerCerts?.length ?? 0) > 0;
  const targets = [root, ...(entity !== root ? [entity] : [])].filter((el) => childElements(el, NS.DS, 'Signature').length > 0);
  if (targets.length === 0) {
    // Still run the checks: a Signature elsewhere that claims to cover the root is an error.
    findings.push(...verifyEnvelopedSignature(text, doc, root, { trustedCerts: [], ...(opts.file ? { file: opts.file } : {}) }).findings);
    const required = opts.requireSignature || withSigner;
    findings.push(
      required
        ? finding(
            'MD_SIGNATURE_REQUIRED',
            'error',
            `the document is not signed${opts.requireSignature ? ' (--require-signature)' : ' but --signer-cert was given'}`,
            C.MD_SIGNATURE_REQUIRED.help,
            locationOf(root, opts.file),
          )
        : opts.okta
          ? finding('MD_UNSIGNED', 'info', 'the document is not signed (normal for Okta)', C.MD_UNSIGNED.help, locationOf(root, opts.file))
          : finding(
              'MD_UNSIGNED',
              'info',
              'the document is not signed',
              'Its integrity rests on how it was fetched: download it over https from your IdP, or give --signer-cert if the IdP signs its metadata.',
              locationOf(root, opts.file),
            ),
    );
    return { signed: false, findings };
  }
  let allVerified = true;
  for (const el of targets) {
    const sig = childElements(el, NS.DS, 'Signature')[0] as Element;
    const certEls = descendants(sig, NS.DS, 'X509Certificate');
    const embedded = certEls.map((c) => elementText(c).value);
    // A signer cert that does not even decode is named as such (not only "does not verify").
    certEls.forEach((c, i) => {
      const loc: Location | undefined = locationOf(c.firstChild, opts.file) ?? locationOf(c, opts.file);
      const a = analyzeCertificate(embedded[i] ?? '', { now: opts.now, ...(loc ? { location: loc } : {}) });
      if (!a.cert) findings.push(...a.findings);
    });
    const trusted = withSigner ? (opts.signerCerts as string[]) : (embedded.length > 0 ? embedded : opts.entityCerts).map(toPem);
    const r = verifyEnvelopedSignature(text, doc, el, { trustedCerts: trusted, ...(opts.file ? { file: opts.file } : {}) });
    findings.push(...r.findings);
    if (!r.verified) {
      allVerified = false;
      continue;
    }
    if (withSigner)
      findings.push(
        ...signerValidity(
          (opts.signerCerts as string[])[r.trustedCertIndex ?? 0] ?? '',
          (r.trustedCertIndex ?? 0) + 1,
          opts.now,
          locationOf(sig, opts.file),
        ),
      );
    findings.push(
      withSigner
        ? finding(
            'MD_SIGNATURE_VERIFIED',
            'info',
            `the signature on <${el.nodeName}> verified with --signer-cert #${(r.trustedCertIndex ?? 0) + 1}`,
            undefined,
            locationOf(sig, opts.file),
          )
        : finding(
            'MD_SIGNATURE_INTEGRITY_ONLY',
            'info',
            `the signature on <${el.nodeName}> verified only against its own embedded key: it proves integrity, not origin`,
            C.MD_SIGNATURE_INTEGRITY_ONLY.help,
            locationOf(sig, opts.file),
          ),
    );
  }
  return {
    signed: true,
    signatureValid: allVerified,
    signatureTrust: withSigner ? 'signer-cert' : 'embedded-key-integrity-only',
    findings,
  };
}

/** Wraps base64 DER as PEM for xml-crypto; a bad cert simply fails verification. */
function toPem(b64: string): string {
  const lines = b64.replace(/\s+/g, '').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/**
 * A --signer-cert outside its validity still verifies (federations pin keys), but the user must
 * hear it: a warning, which --strict turns into a failure.
 */
function signerValidity(pem: string, n: number, now: Date, at?: Location): Finding[] {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch {
    return [];
  }
  const to = Date.parse(cert.validTo);
  const from = Date.parse(cert.validFrom);
  if (to <= now.getTime())
    return [
      finding(
        'MD_SIGNER_CERT_EXPIRED',
        'warning',
        `--signer-cert #${n}, which verified the signature, expired on ${new Date(to).toISOString().slice(0, 10)}`,
        C.MD_SIGNER_CERT_EXPIRED.help,
        at,
      ),
    ];
  if (from > now.getTime())
    return [
      finding(
        'MD_SIGNER_CERT_EXPIRED',
        'warning',
        `--signer-cert #${n}, which verified the signature, is valid only from ${new Date(from).toISOString().slice(0, 10)}`,
        C.MD_SIGNER_CERT_EXPIRED.help,
        at,
      ),
    ];
  return [];
}
