/**
 * What changes for the service provider when the stored IdP metadata is replaced by another
 * document (docs/design.md §8, "Trust changes"). The SP trusts an issuer (entityID), the IdP's SSO
 * endpoints and a set of signing certificates (SAML metadata §2.4.1.1: every signing KeyDescriptor
 * is trusted); a change of any of them is shown before it is written.
 */

/** One signing certificate as the summary shows it. */
export interface CertBrief {
  /** Okta's form: upper-case hex pairs joined by ':'. */
  sha256: string;
  sha1: string;
  subject: string;
  notAfter: string;
  keyType: string;
  keySize?: number;
  signatureAlgorithm: string;
}

export interface BeforeAfter<T> {
  before: T;
  after: T;
  changed: boolean;
}

/**
 * - `same`: the entityID, the IdP host and the signing-certificate set are unchanged (the SSO
 *   URL may still move within the same host, e.g. an app renamed in Okta);
 * - `rotation`: same entityID and IdP host, a different set of signing certificates;
 * - `replacement`: a different entityID or IdP host (another app or another org), or stored
 *   metadata that cannot be read (nothing proves it is the same IdP).
 */
export type ChangeKind = 'same' | 'rotation' | 'replacement';

export type WeakerWhat = 'key-size' | 'sha1-signature' | 'earlier-expiry' | 'http-endpoint';

export interface WeakerFlag {
  what: WeakerWhat;
  message: string;
}

export interface TrustChange {
  kind: ChangeKind;
  /** false when the stored options.xml could not be read as IdP metadata. */
  beforeReadable: boolean;
  entityId: BeforeAfter<string | null>;
  idpHost: BeforeAfter<string | null>;
  ssoUrls: BeforeAfter<string[]>;
  certs: { added: CertBrief[]; removed: CertBrief[]; kept: CertBrief[]; changed: boolean };
  /** Each thing that gets worse for the SP; empty when nothing does. */
  weaker: WeakerFlag[];
}
