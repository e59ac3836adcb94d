/**
 * Hints fit the input: the shared XML layer (decode-xml, the hostile-construct gate) words its
 * hints for IdP metadata ("View IdP metadata"). For a SAML response the fix is another capture, so
 * such hints are replaced; the finding's code, severity, message and position stay.
 */
import type { Finding } from '../findings.js';

export const RECAPTURE_HINT =
  "Capture the SAML response again and pass it unchanged: the POST to the ACS URL in SAML-tracer, or the browser's network log saved as HAR (docs/check-response.md).";

/** Hints written for a metadata download; a signature hint that says to refresh the metadata stays. */
const METADATA_HINT = /View IdP metadata|"Metadata URL"|metadata as an IdP exports|SAML metadata is/;

export function fitResponseHints(findings: Finding[]): void {
  for (const f of findings) if (f.hint !== undefined && METADATA_HINT.test(f.hint) && !KEEP.has(f.code)) f.hint = RECAPTURE_HINT;
}

/** Response findings whose fix really is in the metadata (it belongs to another Okta app). */
const KEEP = new Set(['RESPONSE_ISSUER_MISMATCH', 'ASSERTION_ISSUER_MISMATCH']);
