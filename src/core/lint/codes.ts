import { HINTS } from '../config/hazard.js';
import { c, type LintCheck, type LintCodeInfo } from './lint-code-info.js';
import { SCHEMA_LINT_CODES } from './schema-codes.js';

/**
 * The checks `lint` reports per file. JUnit output has one testcase per check, so every
 * code belongs to exactly one; codes from validateMetadata (XML, metadata, certificate) fall under
 * `metadata`.
 */
export type { LintCheck, LintCodeInfo } from './lint-code-info.js';
export { LINT_CHECKS } from './lint-code-info.js';

export const LINT_CODES = {
  INPUT_NOT_FOUND: c('error', 'read', 'Input file not found', 'Check the path; lint exits 2 when an input cannot be read.'),
  INPUT_UNREADABLE: c(
    'error',
    'read',
    'Input file cannot be read',
    'Check the file permissions; lint exits 2 when an input cannot be read.',
  ),
  INPUT_TOO_LARGE: c(
    'error',
    'read',
    'Input file is larger than --max-size',
    'A deployment config is a few hundred KB at most; raise --max-size if needed.',
  ),
  INPUT_NOT_REGULAR: c(
    'error',
    'read',
    'Input is not a regular file',
    'A FIFO, device, socket or /proc entry is refused; save the config to a file, or pass - to read stdin.',
  ),
  INPUT_LOOP: c(
    'error',
    'read',
    'Symlink loop while expanding the inputs',
    'A symlinked directory leads back to one of its parents: remove the link or lint a narrower path.',
  ),
  INPUT_NO_MATCH: c(
    'error',
    'read',
    'A directory or glob matched no YAML file',
    'Check the pattern; quote globs so the shell does not expand them.',
  ),
  NOTHING_LINTED: c(
    'warning',
    'read',
    'No input was linted: every file found was skipped',
    'Every YAML file found was skipped (not a Polyaxon deployment config), so nothing was checked: name the deployment config itself (e.g. values.yaml). With --require-okta this is an error.',
  ),
  YAML_SYNTAX: c('error', 'yaml', 'YAML syntax error', 'Fix the YAML at this position: `polyaxon admin deploy` cannot read the file.'),
  YAML_DUPLICATE_KEY: c('error', 'yaml', 'Duplicate key', 'Remove one of the keys: PyYAML silently keeps the last one.'),
  YAML_UNSAFE_TAG: c(
    'error',
    'yaml',
    'Tag refused by PyYAML safe_load',
    'Remove the tag (e.g. !!python/object/apply, !custom) and write a plain value: Polyaxon reads the file with safe_load, which refuses it.',
  ),
  YAML_MULTI_DOCUMENT: c('error', 'yaml', 'Several YAML documents in one file', 'A deployment config is a single YAML document.'),
  // Where PyYAML's safe_load (YAML 1.1), which Polyaxon uses, would read the file differently or refuse it.
  YAML_LINE_BREAK: c('error', 'yaml', 'A line break only PyYAML knows (CR, NEL, LS, PS)', HINTS.YAML_LINE_BREAK),
  YAML_FORBIDDEN_CHAR: c('error', 'yaml', "A character PyYAML's reader refuses", HINTS.YAML_FORBIDDEN_CHAR),
  YAML_TAB: c('error', 'yaml', 'A tab where PyYAML refuses one', HINTS.YAML_TAB),
  YAML_DIRECTIVE: c('error', 'yaml', 'A %YAML or %TAG directive PyYAML reads differently', HINTS.YAML_DIRECTIVE),
  YAML_DUPLICATE_ANCHOR: c('error', 'yaml', 'An anchor defined twice', HINTS.YAML_DUPLICATE_ANCHOR),
  YAML_COMPLEX_KEY: c('error', 'yaml', 'A mapping or list used as a key', HINTS.YAML_COMPLEX_KEY),
  YAML_MERGE_KEY: c('error', 'yaml', 'A merge key (<<) on the way to the auth settings, or merging a non-mapping', HINTS.YAML_MERGE_KEY),
  YAML_TAG_UNSUPPORTED: c('error', 'yaml', 'An explicit tag that may be read differently', HINTS.YAML_TAG_UNSUPPORTED),
  YAML_PLAIN_INDICATOR: c('error', 'yaml', 'A plain = or << value, refused by PyYAML', HINTS.YAML_PLAIN_INDICATOR),
  YAML_TOO_DEEP: c('error', 'yaml', 'Collections nested deeper than PyYAML can read', HINTS.YAML_TOO_DEEP),
  CONFIG_EMPTY: c(
    'warning',
    'yaml',
    'The config is empty',
    'An empty input (or only comments; e.g. `helm get values` that printed nothing) has no okta block, so Polyaxon would run without SSO. With --require-okta this is an error.',
  ),
  CONFIG_NOT_A_MAP: c(
    'error',
    'yaml',
    'The config is not a mapping',
    'A Polyaxon deployment config is a mapping of top-level keys (deploymentChart, externalServices, ...).',
  ),
  AUTH_NOT_A_MAP: c(
    'error',
    'auth-schema',
    'externalServices or externalServices.auth is not a mapping',
    'Write `externalServices:` / `auth:` as mappings of provider blocks.',
  ),
  AUTH_UNKNOWN_PROVIDER: c(
    'error',
    'auth-schema',
    'Unknown key under externalServices.auth',
    'Polyaxon accepts exactly github, gitlab, bitbucket, google, okta, onelogin and azuread; any other key fails validation.',
  ),
  AUTH_SAML_REMOVED: c(
    'error',
    'auth-schema',
    'externalServices.auth.saml was removed',
    'Polyaxon CLI 2.0.1 removed the saml key: move the IdP metadata to externalServices.auth.okta.options.xml. A disabled, empty saml block left from 1.x is removed by `polyaxon-sso patch` as part of its edit.',
  ),
  AUTH_PROVIDER_NOT_A_MAP: c(
    'error',
    'auth-schema',
    'A provider block is not a mapping',
    'Each provider is {enabled, backend, url, options}.',
  ),
  AUTH_UNKNOWN_KEY: c(
    'error',
    'auth-schema',
    'Unknown key in a provider block',
    'A provider block accepts only enabled, backend, url and options; unknown keys fail validation.',
  ),
  AUTH_ENABLED_QUOTED: c(
    'error',
    'auth-schema',
    'enabled is a quoted string',
    'Helm treats any non-empty string as true, so `enabled: "false"` turns the provider ON. Write enabled: true or enabled: false without quotes.',
  ),
  AUTH_ENABLED_YAML11_BOOL: c(
    'warning',
    'auth-schema',
    'enabled uses a YAML 1.1 boolean word',
    'yes/no/on/off are booleans only in YAML 1.1 (PyYAML); YAML 1.2 tools read a string. Write true or false.',
  ),
  AUTH_ENABLED_NOT_BOOL: c('error', 'auth-schema', 'enabled is not a boolean', 'Write enabled: true or enabled: false.'),
  AUTH_FIELD_NOT_STRING: c('error', 'auth-schema', 'backend or url is not a string', "backend and url are strings in Polyaxon's schema."),
  AUTH_OPTIONS_NOT_A_MAP: c(
    'error',
    'auth-schema',
    'options is not a mapping',
    'options is a mapping; for Okta: options: {xml: <the IdP metadata>}.',
  ),
  OKTA_ABSENT: c(
    'info',
    'okta',
    'No Okta SSO configured',
    'Run `polyaxon-sso patch <config> --metadata <okta-metadata.xml>` to add the okta block. With --require-okta this is an error.',
  ),
  OKTA_DISABLED_WITH_METADATA: c(
    'info',
    'okta',
    'Okta is disabled but its metadata is present',
    'Fine while rolling out; set enabled: true to turn SSO on. With --require-okta this is an error.',
  ),
  OKTA_XML_MISSING: c(
    'error',
    'okta',
    'Okta is enabled without options.xml',
    'Paste the IdP metadata from Okta ("View SAML setup instructions" / metadata URL) into options.xml, e.g. with `polyaxon-sso patch`.',
  ),
  OKTA_XML_NOT_STRING: c(
    'error',
    'okta',
    'options.xml is not a string',
    'options.xml holds the metadata XML as a string: use a literal block scalar (xml: |-).',
  ),
  OKTA_XML_EMPTY: c('error', 'okta', 'options.xml is empty', 'Paste the IdP metadata downloaded from Okta into options.xml.'),
  OKTA_XML_NOT_BLOCK: c(
    'info',
    'okta',
    'options.xml is not a literal block scalar',
    'Positions inside a quoted or folded scalar are approximate; `polyaxon-sso patch` rewrites it as a literal block (xml: |-).',
  ),
  PLATFORM_SECRET_OKTA_IGNORED: c(
    'warning',
    'deployment',
    'platformSecret is set: the okta block is ignored',
    'With platformSecret, pods read their environment from that secret, so the okta options in this file never reach Polyaxon: put POLYAXON_AUTH_OKTA_OPTIONS in the secret.',
  ),
  PLAINTEXT_SECRET: c(
    'warning',
    'deployment',
    'A secret in plain text',
    'Keep secrets out of the values file: use an existing Kubernetes Secret (existingSecret / platformSecret) or your secret manager. The value is never printed; --no-secret-warnings turns this check off.',
  ),
  // The deployment-config schema (src/core/schema, Polyaxon CLI 2.16) and its cross-field rules.
  ...SCHEMA_LINT_CODES,
  HOST_MISMATCH: c(
    'error',
    'deployment',
    'The config host differs from --host',
    "Okta's Single sign-on URL and Audience URI are built from the host: fix ingress.hostName (or hostName) or the --host you expect.",
  ),
  HOST_NOT_IN_CONFIG: c(
    'info',
    'deployment',
    'The config sets no host to compare with --host',
    'Set ingress.hostName (with ingress.enabled) or hostName so the deployment serves the host Okta redirects to.',
  ),
} as const satisfies Record<string, LintCodeInfo>;

export type LintCode = keyof typeof LINT_CODES;

export function lintCodeInfo(code: string): LintCodeInfo | undefined {
  return Object.prototype.hasOwnProperty.call(LINT_CODES, code) ? (LINT_CODES as Readonly<Record<string, LintCodeInfo>>)[code] : undefined;
}

/** Codes not in the catalogue come from validateMetadata: they belong to the metadata check. */
export function checkOf(code: string): LintCheck {
  return lintCodeInfo(code)?.check ?? 'metadata';
}
