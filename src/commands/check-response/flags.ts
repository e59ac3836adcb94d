import { ATTR_FLAGS, SHARED_FLAGS, type FlagTable, type OptionsOf } from '../../cli/flags.js';

/** This command's flags, declared once: main.ts declares them, run.ts reads their derived type (docs/design.md §4). */
export const CHECK_RESPONSE_FLAGS = {
  now: SHARED_FLAGS.now,
  maxSize: SHARED_FLAGS.maxSize,
  strict: SHARED_FLAGS.strict,
  allowHttp: SHARED_FLAGS.allowHttp,
  config: { spec: '--config <file>', help: "trust the signing certs in this config's okta metadata" },
  metadata: { spec: '--metadata <source>', help: 'trust the signing certs in this IdP metadata' },
  idpCert: { spec: '--idp-cert <pem>', help: 'trust this certificate (repeatable)', repeatable: true },
  host: { spec: '--host <host>', help: 'Polyaxon host' },
  org: { spec: '--org <org>', help: 'Polyaxon organization' },
  audience: { spec: '--audience <url>', help: 'expected audience (default: the SP entity ID)' },
  acsUrl: { spec: '--acs-url <url>', help: 'expected Recipient/Destination (default: the ACS URL)' },
  spKey: { spec: '--sp-key <pem>', help: 'SP private key to decrypt an EncryptedAssertion' },
  clockSkew: { spec: '--clock-skew <seconds>', help: 'allowed clock skew', default: '180' },
  requestId: { spec: '--request-id <id>', help: 'the ID of the AuthnRequest the response must answer (InResponseTo)' },
  redact: { spec: '--redact', help: 'mask personal data (every attribute value and the NameID) in the output' },
  json: { spec: '--json', help: 'one JSON document on stdout' },
  ...ATTR_FLAGS,
} as const satisfies FlagTable;

export type CheckResponseCliOptions = OptionsOf<typeof CHECK_RESPONSE_FLAGS>;
