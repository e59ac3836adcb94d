/**
 * The catalogue of patch's refusals and notes (also init's, which writes through patch). A refusal
 * stops the run and writes nothing (exit 2: the config cannot be patched safely as it is); the two
 * warnings are printed beside a successful write. docs/findings.md lists them from here.
 */
import type { CodeInfo } from '../xml/codes.js';

const AGAIN = 'then run patch again';

export const PATCH_CODES = {
  PATCH_METADATA_REQUIRED: {
    title: 'No metadata given',
    help: 'Pass --metadata <file|https-url|->: in Okta, the app\'s Sign On tab → "View IdP metadata".',
  },
  PATCH_CONFIG_NOT_FOUND: {
    title: 'The config does not exist',
    help: 'Check the path, or add --create to write a new config holding only the okta block.',
  },
  PATCH_CONFIG_UNREADABLE: { title: 'The config cannot be read', help: 'Check the path and the file permissions.' },
  PATCH_CONFIG_ENCODING: { title: 'The config is not UTF-8', help: 'Save the config as UTF-8: PyYAML and Helm read UTF-8.' },
  PATCH_NOT_YAML: { title: 'The config is not valid YAML', help: `Fix the YAML at the position given, ${AGAIN}.` },
  PATCH_PYYAML_MISMATCH: {
    title: 'PyYAML would read the config differently',
    help: `Polyaxon reads the config with PyYAML safe_load; rewrite the construct named at that position, ${AGAIN}.`,
  },
  PATCH_MULTI_DOCUMENT: {
    title: 'Several YAML documents',
    help: 'polyaxon admin deploy reads one document: split the file, then patch the deployment config.',
  },
  PATCH_DUPLICATE_KEY: {
    title: 'A key occurs twice',
    help: `Keep one of the two keys (PyYAML would keep the last, yaml the first), ${AGAIN}.`,
  },
  PATCH_MERGE_KEY: { title: 'A merge key (<<) on the way to the okta block', help: `Write the merged keys out in full, ${AGAIN}.` },
  PATCH_CUSTOM_TAG: { title: 'A tag PyYAML safe_load does not read as plain data', help: `Remove the tag, ${AGAIN}.` },
  PATCH_ALIAS: {
    title: 'The okta path is an alias',
    help: `Write the aliased part out in full (an edit would change the anchored node it points to), ${AGAIN}.`,
  },
  PATCH_ANCHOR_SHARED: {
    title: 'The okta path carries an anchor used elsewhere',
    help: `Replace the aliases with a copy (an edit here would change that place too), ${AGAIN}.`,
  },
  PATCH_NOT_A_MAP: { title: 'A key on the okta path is not a mapping', help: `Make it a mapping (key: value pairs), ${AGAIN}.` },
  PATCH_BAD_VALUE: {
    title: 'enabled or options.xml is a collection',
    help: 'Set enabled to true or false and options.xml to a string (or leave it empty: patch fills it in).',
  },
  PATCH_UNSUPPORTED_KEY: { title: 'A complex key (?) on the okta path', help: `Write it as a plain "key:" key, ${AGAIN}.` },
  PATCH_FLOW_UNSUPPORTED: {
    title: 'A flow mapping patch cannot rewrite',
    help: `Rewrite the mapping in block style (one key per line), ${AGAIN}.`,
  },
  PATCH_SAML_REMOVED: {
    title: 'externalServices.auth.saml is in use',
    help: 'The saml block was removed in Polyaxon 2.0.1 and fails validation: move what it holds to the okta block and delete it (a disabled, empty saml block is removed by patch).',
  },
  PATCH_XML_UNREPRESENTABLE: {
    title: 'The metadata holds a character a YAML block scalar cannot keep',
    help: 'Download the metadata again from Okta ("View IdP metadata") and save it unchanged.',
  },
  PATCH_SELF_CHECK_FAILED: {
    title: 'The planned file did not read back as intended',
    help: 'Nothing was written. Please report it with the config (secrets removed); edit the okta block by hand meanwhile.',
  },
  PATCH_OTHER_PROVIDER_ENABLED: {
    title: 'Another sign-in provider is enabled too',
    help: 'Users will see both sign-in options: fine when intended; set its enabled to false otherwise.',
  },
  PATCH_PLATFORM_SECRET: {
    title: 'platformSecret is set',
    help: 'The chart then reads the platform environment from that Secret and ignores the okta block in this file: put POLYAXON_AUTH_OKTA_OPTIONS there too.',
  },
} as const satisfies Record<string, CodeInfo>;

export type PatchCode = keyof typeof PATCH_CODES;
