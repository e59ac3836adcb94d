/**
 * The shared contract of checkResponse. `signatureValid` and `nameId` are fixed JSON
 * fields (docs/design.md §8); the rest is this command's own shape, published in
 * schemas/check-response.schema.json.
 */
import type { Finding } from '../findings.js';
import type { GroupsMatcher } from './groups-filter.js';

export interface AttributeNameOptions {
  email: string;
  firstName: string;
  lastName: string;
  /** undefined: the group statement is left out (--no-groups), so it is not expected. */
  groups?: string;
  /** Okta's "Matches regex" group filter; groups that do not match are reported. */
  groupsFilter?: string;
}

export interface CheckResponseOptions {
  /** Name shown in finding locations. */
  file?: string;
  /** PEM certificates (or public keys) trusted to sign: metadata signing certs, --idp-cert. */
  trustedCerts: string[];
  /** The metadata entityID the Issuer must equal; undefined when trust came from --idp-cert only. */
  expectedIssuer?: string;
  /** SP entity ID (Okta "Audience URI"), or --audience. */
  audience: string;
  /** ACS URL (Okta "Single sign-on URL"), or --acs-url. */
  acsUrl: string;
  now: Date;
  clockSkewSeconds: number;
  /** PEM private key for an EncryptedAssertion. */
  spKey?: string;
  attributes: AttributeNameOptions;
  /**
   * Matches group values against --groups-filter. Default: in the calling thread (values over 256
   * characters are never matched); the CLI passes a time-bounded one (groups-filter.ts).
   */
  matchGroups?: GroupsMatcher;
  /** Mask every attribute value and the NameID in the values reported (personal data). */
  redact?: boolean;
  /** The ID of the AuthnRequest the response must answer (--request-id). */
  requestId?: string;
}

export type SignedPart = 'response' | 'assertion' | 'both' | 'none';

export interface SignatureSummary {
  /** Where the ds:Signature sits: on the Response, on an Assertion, or anywhere else (refused). */
  on: 'response' | 'assertion' | 'other';
  /** ID of the element holding it. */
  id: string | null;
  referenceUri: string | null;
  signatureAlgorithm: string | null;
  digestAlgorithm: string | null;
  /** In the decrypted assertion rather than the outer document. */
  encrypted: boolean;
  valid: boolean;
  /** 0-based index of the trusted cert that verified it. */
  certIndex: number | null;
}

export interface ResponseEnvelope {
  id: string | null;
  issuer: string | null;
  destination: string | null;
  inResponseTo: string | null;
  issueInstant: string | null;
  status: string | null;
  statusMessage: string | null;
  /** Covered by a verified Response signature. */
  signed: boolean;
}

export interface UserValues {
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  groups: string[] | null;
}

export interface ResponseReport {
  /** What the document root is. */
  document: 'response' | 'assertion' | 'other';
  signatureValid: boolean;
  nameId: string | null;
  nameIdFormat: string | null;
  signed: SignedPart;
  encrypted: boolean;
  /** The Assertion's Issuer. */
  issuer: string | null;
  /** The first Audience; all of them in `audiences`. */
  audience: string | null;
  audiences: string[];
  response: ResponseEnvelope | null;
  subjectConfirmation: { method: string | null; recipient: string | null; notOnOrAfter: string | null; inResponseTo: string | null } | null;
  conditions: {
    notBefore: string | null;
    notOnOrAfter: string | null;
    authnInstant: string | null;
    sessionNotOnOrAfter: string | null;
  } | null;
  attributes: Record<string, string[]>;
  user: UserValues;
  signatures: SignatureSummary[];
  expected: { issuer: string | null; audience: string; acsUrl: string };
  findings: Finding[];
}
