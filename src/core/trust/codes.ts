/**
 * Findings of `drift`: the config's stored IdP metadata against what Okta serves now. Severity
 * is the default; every one of them is drift (exit 1).
 */
export interface DriftCodeInfo {
  title: string;
  help: string;
}

const c = (title: string, help: string): DriftCodeInfo => ({ title, help });

export const DRIFT_CODES = {
  DRIFT_CERT_NOT_IN_CONFIG: c(
    'Okta publishes a signing certificate the config does not trust',
    'Logins fail as soon as Okta signs with it (activating a new certificate does that). Run `polyaxon-sso patch <config> --metadata <metadata URL> --fingerprint <its SHA-256>` and deploy before activating it in Okta.',
  ),
  DRIFT_CERT_NOT_IN_OKTA: c(
    'The config trusts a signing certificate Okta no longer publishes',
    'Okta rotated or removed it. Patch the config with the current metadata so only the certificates Okta signs with are trusted.',
  ),
  DRIFT_ENTITY_ID_CHANGED: c(
    'Okta serves another entityID than the config holds',
    'The metadata URL belongs to another app, or the app was recreated: check the URL, then patch with --allow-idp-change if this is the app to trust.',
  ),
  DRIFT_SSO_URL_CHANGED: c(
    "Okta's SSO URL differs from the config's",
    'Polyaxon sends users to the stored SSO URL. Patch the config with the current metadata.',
  ),
  DRIFT_CERT_EXPIRING: c(
    'A certificate Okta publishes expires within --min-days',
    'In Okta: your app → Sign On tab → SAML Signing Certificates → Generate new certificate, then follow the README\'s "Rotating Okta\'s signing certificate".',
  ),
  DRIFT_CERT_EXPIRED: c(
    'A certificate Okta publishes has expired',
    'Generate a new certificate in Okta (Sign On tab → SAML Signing Certificates) and follow the README\'s "Rotating Okta\'s signing certificate".',
  ),
  DRIFT_NO_STORED_METADATA: c(
    'The config holds no readable okta metadata to compare',
    'Set it up first: `polyaxon-sso patch <config> --metadata <metadata URL>`.',
  ),
} as const satisfies Record<string, DriftCodeInfo>;
