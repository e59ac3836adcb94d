import type { XmlEncoding } from '../xml/decode-xml.js';
import type { Finding, Location } from '../findings.js';

import type { CertInfo } from '../cert/cert-types.js';
export type { CertInfo };

export interface SsoEndpoint {
  binding: string; // full URN
  location: string;
  position?: Location;
}

export type OktaHostKind = 'okta' | 'oktapreview' | 'okta-emea' | 'custom' | 'not-okta';

export interface ParsedMetadata {
  entityId: string;
  /** true when entityID has Okta's `http://www.okta.com/<appId>` form. */
  oktaEntityId: boolean;
  ssoEndpoints: SsoEndpoint[];
  sloEndpoints: SsoEndpoint[];
  nameIdFormats: string[];
  wantAuthnRequestsSigned?: boolean;
  validUntil?: string;
  cacheDuration?: string;
  /** Host of the first SSO endpoint, e.g. `dev-123.okta.com`. */
  idpHost?: string;
  idpHostKind: OktaHostKind;
  signingCerts: CertInfo[];
  /** A ds:Signature on the root element is present. */
  signed: boolean;
}

export interface ValidateOptions {
  /** The clock for every time-based check (docs/design.md §3: time is an input). */
  now: Date;
  /** Warn when a certificate expires within this many days. Default 30. */
  minDays?: number;
  /** Pins: SHA-256 or SHA-1, any case, with or without colons. One must match a signing cert. */
  fingerprints?: string[];
  /** Picks one EntityDescriptor from an EntitiesDescriptor aggregate. */
  entityId?: string;
  /** PEM certificates trusted to sign the metadata document itself. */
  signerCerts?: string[];
  /** An unsigned document is an error. */
  requireSignature?: boolean;
  /** Shown in finding locations. */
  file?: string;
  /**
   * The encoding the bytes were decoded with: the XML declaration must name it. Text handed over as
   * a string (a config's options.xml, pasted XML) reaches python3-saml as UTF-8 bytes: the default.
   */
  encoding?: XmlEncoding;
}

export interface MetadataReport {
  /** Absent when the document could not be read as IdP metadata at all. */
  metadata?: ParsedMetadata;
  findings: Finding[];
  /**
   * Only set when the document is signed: true when the signature verified and every value in
   * `metadata` was read from the element the verified reference covers.
   */
  signatureValid?: boolean;
  /** How the signature was trusted: a --signer-cert, or only the document's own embedded key. */
  signatureTrust?: 'signer-cert' | 'embedded-key-integrity-only';
}
