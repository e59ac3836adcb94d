/**
 * checkResponse: the XML bytes of a captured SAML Response (or a bare Assertion) → a report of
 * what a careful SP concludes, offline. Pure: trust anchors, expected URLs, the clock
 * and the SP key are inputs. Values are read only from the Assertion a verified signature covers;
 * `signatureValid` is true only when every value reported came from such an element.
 */
import { finding, hasErrors } from '../findings.js';
import { decodeXml } from '../xml/decode-xml.js';
import { analyzeSignatures, duplicateIds } from './analyze-signatures.js';
import { decryptAssertion, isAuthenticatedContent } from './decrypt-assertion.js';
import { fitResponseHints } from './fit-hints.js';
import { checkInResponseTo } from './in-response-to.js';
import { openDecrypted } from './open-decrypted.js';
import { readAssertion, type AssertionValues } from './read-assertion.js';
import { maskUser, mapUser } from './user-values.js';
import { NS, attr, child, descendants, isDescendant, isEl, locOf, parseDom, textOf } from './saml-dom.js';
import { checkAssertion, checkEnvelope } from './sp-checks.js';
import type { CheckResponseOptions, ResponseEnvelope, ResponseReport } from './types.js';

export function checkResponse(xmlBytes: Uint8Array, opts: CheckResponseOptions): ResponseReport {
  const report = readResponse(xmlBytes, opts);
  // The shared XML layer's hints speak of metadata; a problem in a response is fixed by capturing
  // it again, never by downloading metadata.
  fitResponseHints(report.findings);
  return report;
}

function readResponse(xmlBytes: Uint8Array, opts: CheckResponseOptions): ResponseReport {
  const report = emptyReport(opts);
  const f = report.findings;
  const decoded = decodeXml(xmlBytes, opts.file);
  f.push(...decoded.findings);
  if (decoded.text === undefined) return report;
  const parsed = parseDom(decoded.text, opts.file, decoded.encoding ? { encoding: decoded.encoding } : {});
  f.push(...parsed.findings);
  const doc = parsed.doc;
  if (!doc) return report;
  const root = doc.documentElement;
  const rootName = { ns: root.namespaceURI ?? '', local: root.localName };
  const isResponse = isEl(root, NS.protocol, 'Response');
  // A bare Assertion (or EncryptedAssertion) document is accepted as input.
  if (!isResponse && !isEl(root, NS.assertion, 'Assertion') && !isEl(root, NS.assertion, 'EncryptedAssertion')) {
    f.push(
      finding(
        'RESPONSE_NOT_SAML',
        'error',
        `the root element is {${rootName.ns}}${rootName.local}, not a SAML 2.0 Response or Assertion`,
        'Capture the SAMLResponse POSTed to the ACS URL (see docs/check-response.md).',
        locOf(root, opts.file),
      ),
    );
    report.document = 'other';
    return report;
  }
  report.document = isResponse ? 'response' : 'assertion';
  f.push(...duplicateIds(doc, opts.file));
  const sigs = analyzeSignatures(doc, decoded.text, opts.trustedCerts, { encrypted: false, ...(opts.file ? { file: opts.file } : {}) });
  f.push(...sigs.findings);
  report.signatures.push(...sigs.summaries);
  let anyFailed = sigs.anyFailed;
  const responseSigned = isResponse && sigs.covered.has(root);

  if (isResponse) {
    report.response = envelope(root, responseSigned);
    f.push(...checkEnvelope(report.response, root, opts));
  }
  // Exactly one assertion, plain or encrypted, directly in the Response (java-saml, ruby-saml:
  // "SAML Response must contain 1 assertion"); several means someone added one.
  const plain = isResponse || isEl(root, NS.assertion, 'EncryptedAssertion') ? descendants(doc, NS.assertion, 'Assertion') : [root];
  const enc = descendants(doc, NS.assertion, 'EncryptedAssertion');
  const all = [...plain, ...enc];
  let structuralOk = !hasErrors(
    f.filter((x) => (x.code.startsWith('XML_') && !x.code.startsWith('XML_SIGNATURE')) || x.code === 'RESPONSE_DUPLICATE_ID'),
  );
  if (all.length !== 1) {
    if (all.length > 1 || report.response?.status === 'urn:oasis:names:tc:SAML:2.0:status:Success' || !isResponse)
      f.push(
        finding(
          all.length ? 'ASSERTION_MULTIPLE' : 'ASSERTION_MISSING',
          'error',
          all.length ? `the document holds ${all.length} assertions` : 'the Response holds no Assertion',
          all.length
            ? 'Okta sends exactly one assertion; extra ones are signature wrapping.'
            : 'The login did not produce an assertion; check the Status and the Okta System Log.',
          locOf(root, opts.file),
        ),
      );
    return finish(report, opts, undefined, false, anyFailed, responseSigned, undefined);
  }
  const only = all[0] as Element;
  if (isResponse && only.parentNode !== root) {
    structuralOk = false;
    f.push(
      finding(
        'ASSERTION_MISPLACED',
        'error',
        `the assertion sits inside ${(only.parentNode as Element).localName}, not directly in the Response`,
        'Okta puts the assertion directly in the Response; anything else is signature wrapping.',
        locOf(only, opts.file),
      ),
    );
  }
  let assertion: Element | undefined = only;
  let covered = responseSigned && isDescendant(only, root);
  if (isEl(only, NS.assertion, 'EncryptedAssertion')) {
    report.encrypted = true;
    assertion = undefined;
    if (opts.spKey === undefined) {
      f.push(
        finding(
          'ENCRYPTED_ASSERTION_NO_KEY',
          'error',
          'the assertion is encrypted and no --sp-key was given',
          'Pass the private key of the encryption certificate uploaded to Okta with --sp-key <pem>.',
          locOf(only, opts.file),
        ),
      );
    } else {
      const dec = decryptAssertion(only, opts.spKey);
      if (!dec.ok) f.push(finding(dec.code, 'error', dec.message, dec.hint, locOf(only, opts.file)));
      else {
        const opened = openDecrypted(dec.xml, only, opts, f, isAuthenticatedContent(dec.dataAlgorithm));
        if (opened) {
          const inner = opened.assertion;
          const isig = analyzeSignatures(inner.ownerDocument as Document, opened.text, opts.trustedCerts, { encrypted: true });
          f.push(...isig.findings);
          report.signatures.push(...isig.summaries);
          anyFailed ||= isig.anyFailed;
          assertion = inner;
          if (isig.covered.has(inner)) sigs.covered.add(inner);
        } else structuralOk = false;
      }
    }
  }
  const assertionSigned = assertion !== undefined && sigs.covered.has(assertion);
  covered ||= assertionSigned;
  report.signed = responseSigned && assertionSigned ? 'both' : responseSigned ? 'response' : assertionSigned ? 'assertion' : 'none';
  if (report.signed === 'none' && !anyFailed)
    f.push(
      finding(
        'RESPONSE_UNSIGNED',
        'error',
        'neither the Response nor the Assertion is signed',
        'Okta always signs; in the app\'s SAML settings keep "Response" and "Assertion Signature" set to Signed. An unsigned response must never log anyone in.',
        locOf(root, opts.file),
      ),
    );
  return finish(report, opts, assertion, covered && structuralOk, anyFailed, responseSigned, isResponse ? root : undefined);
}

function finish(
  report: ResponseReport,
  opts: CheckResponseOptions,
  a: Element | undefined,
  covered: boolean,
  anyFailed: boolean,
  responseSigned: boolean,
  root: Element | undefined,
): ResponseReport {
  if (report.response) report.response.signed = responseSigned;
  if (a === undefined) return report;
  // Positions in a decrypted assertion are lines of the plaintext, so they are labelled as such.
  const aopts = report.encrypted && opts.file !== undefined ? { ...opts, file: `${opts.file} (decrypted assertion)` } : opts;
  const v: AssertionValues = readAssertion(a, aopts.file);
  report.findings.push(...v.findings);
  const user = mapUser(v.attributes, opts.attributes);
  report.findings.push(...checkAssertion(v, user, aopts));
  const responseSite =
    root && report.response
      ? { value: report.response.inResponseTo, el: root, ...(opts.file !== undefined ? { file: opts.file } : {}) }
      : undefined;
  const sites = v.inResponseTos.map((x) => ({ ...x, ...(aopts.file !== undefined ? { file: aopts.file } : {}) }));
  report.findings.push(...checkInResponseTo(responseSite, sites, opts.requestId));
  report.signatureValid = covered && !anyFailed;
  report.issuer = v.issuer;
  report.nameId = v.nameId;
  report.nameIdFormat = v.nameIdFormat;
  report.audiences = v.audiences;
  report.audience = v.audiences[0] ?? null;
  report.subjectConfirmation = v.subjectConfirmation;
  report.conditions = v.conditions;
  report.attributes = v.attributes;
  report.user = user;
  if (opts.redact) maskUser(report);
  return report;
}

function envelope(root: Element, signed: boolean): ResponseEnvelope {
  const status = child(root, NS.protocol, 'Status');
  return {
    id: attr(root, 'ID') ?? null,
    issuer: textOf(child(root, NS.assertion, 'Issuer'))?.trim() ?? null,
    destination: attr(root, 'Destination') ?? null,
    inResponseTo: attr(root, 'InResponseTo') ?? null,
    issueInstant: attr(root, 'IssueInstant') ?? null,
    status: attr(child(status, NS.protocol, 'StatusCode'), 'Value') ?? null,
    statusMessage: textOf(child(status, NS.protocol, 'StatusMessage'))?.trim() ?? null,
    signed,
  };
}

function emptyReport(opts: CheckResponseOptions): ResponseReport {
  return {
    document: 'other',
    signatureValid: false,
    nameId: null,
    nameIdFormat: null,
    signed: 'none',
    encrypted: false,
    issuer: null,
    audience: null,
    audiences: [],
    response: null,
    subjectConfirmation: null,
    conditions: null,
    attributes: {},
    user: { email: null, firstName: null, lastName: null, groups: null },
    signatures: [],
    expected: { issuer: opts.expectedIssuer ?? null, audience: opts.audience, acsUrl: opts.acsUrl },
    findings: [],
  };
}
