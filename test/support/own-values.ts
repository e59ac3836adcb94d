/**
 * Test helper (not a test): the values a captured response carries itself — its Audience, its
 * Recipient (or Destination) and a time inside its validity — so that the attack suites can pass
 * them as --audience, --acs-url and --now and prove that only the attack is caught.
 */
import { readFileSync } from 'node:fs';
import { decodeInput } from '../../src/core/response/decode-input.js';
import { TEST_NOW } from './clock.js';

export interface OwnValues {
  audience: string;
  acsUrl: string;
  now: string;
}

export function ownValues(path: string): OwnValues {
  const decoded = decodeInput(readFileSync(path), { maxBytes: 10 * 1024 * 1024 });
  const text = decoded.ok ? decoded.value.xml.toString('utf8') : '';
  const first = (re: RegExp) => re.exec(text)?.[1];
  const audience = first(/<(?:\w+:)?Audience>\s*([^<]*?)\s*</) ?? 'https://sp.invalid/metadata';
  const acsUrl = first(/\bRecipient="([^"]*)"/) ?? first(/\bDestination="([^"]*)"/) ?? 'https://sp.invalid/acs';
  // A time inside the window: NotBefore + 1 s when given, else the assertion's IssueInstant.
  const notBefore = first(/<(?:\w+:)?Conditions[^>]*\bNotBefore="([^"]*)"/);
  const issue = first(/<(?:\w+:)?Assertion[^>]*\bIssueInstant="([^"]*)"/) ?? first(/\bIssueInstant="([^"]*)"/);
  const base = notBefore ?? issue;
  const now = base && !Number.isNaN(Date.parse(base)) ? new Date(Date.parse(base) + 1000).toISOString() : TEST_NOW;
  return { audience, acsUrl, now };
}
