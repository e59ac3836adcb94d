/**
 * The catalogue of init's own codes; everything else init reports comes from the metadata, host
 * and patch catalogues. docs/findings.md lists them from here.
 */
import type { CodeInfo } from '../xml/codes.js';

export const INIT_CODES = {
  INIT_MISSING_FLAGS: {
    title: 'A scripted run lacks answers',
    help: 'Without a terminal (or with --yes) every answer is a flag: the message lists each missing one and why.',
  },
  INIT_CONFIG_NOT_FOUND: {
    title: 'The config does not exist',
    help: 'Check the path, or add --create to start a new minimal config there.',
  },
  INIT_HOST_DIFFERS: {
    title: 'The config serves another host',
    help: 'Use the host your users open; change the config or the answer so that both agree.',
  },
  INIT_NO_SIGNING_CERT: {
    title: 'The metadata holds no signing certificate',
    help: 'Download the metadata again in Okta: Sign On tab → "View IdP metadata".',
  },
} as const satisfies Record<string, CodeInfo>;
