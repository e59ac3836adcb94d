import type { Parsed } from './parse-host.js';

/** The organization is a URL path segment (docs/design.md §8): ASCII slug, case kept. */
export const ORG_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function parseOrg(input: string): Parsed<string> {
  const hint = 'Use the organization name as it appears in Polyaxon URLs: letters, digits, "-" and "_", up to 64 characters, e.g. acme.';
  if (input === '') return { ok: false, code: 'ORG_EMPTY', message: 'the organization is empty', hint };
  if (input.length > 64)
    return { ok: false, code: 'ORG_INVALID', message: `the organization is ${input.length} characters long (64 at most)`, hint };
  if (!ORG_PATTERN.test(input))
    return { ok: false, code: 'ORG_INVALID', message: `the organization ${JSON.stringify(input)} is not a slug`, hint };
  return { ok: true, value: input };
}
