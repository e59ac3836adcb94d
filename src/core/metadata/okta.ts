/**
 * Okta awareness (docs/design.md §2): Okta's entityID is http://www.okta.com/<appId> and its SSO
 * URLs live on *.okta.com, *.oktapreview.com or *.okta-emea.com, or on an org's custom domain.
 * Offers oktaHostKind(host, oktaEntity), isOktaEntityId(id), entityIdFindings(id, location).
 */
import { domainToUnicode } from 'node:url';
import { finding, type Finding, type Location } from '../findings.js';
import type { OktaHostKind } from './types.js';
import { METADATA_CODES as C } from './codes.js';

const OKTA_ENTITY = /^http:\/\/www\.okta\.com\/[A-Za-z0-9]+$/;
const OKTA_ENTITY_HTTPS = /^https:\/\/www\.okta\.com\/[A-Za-z0-9]+$/;
/** What Okta shows as "Metadata URL": https://<org>.okta.com/app/<appId>/sso/saml/metadata. */
const METADATA_URL = /^https?:\/\/[^/]+\/app\/[^/]+\/sso\/saml\/metadata\/?$/i;

export function isOktaEntityId(id: string): boolean {
  return OKTA_ENTITY.test(id);
}

export function oktaHostKind(host: string, oktaEntity: boolean): OktaHostKind {
  const h = host.toLowerCase();
  if (h.endsWith('.okta.com')) return 'okta';
  if (h.endsWith('.oktapreview.com')) return 'oktapreview';
  if (h.endsWith('.okta-emea.com')) return 'okta-emea';
  return oktaEntity ? 'custom' : 'not-okta';
}

export function isOktaAdminHost(host: string): boolean {
  return /^[^.]+-admin\.(okta|oktapreview|okta-emea)\.com$/i.test(host);
}

export function entityIdFindings(id: string, at?: Location): Finding[] {
  if (OKTA_ENTITY.test(id)) return [finding('MD_OKTA_ENTITY_ID', 'info', `Okta app entityID ${id}`, undefined, at)];
  if (OKTA_ENTITY_HTTPS.test(id))
    return [
      finding(
        'MD_ENTITY_ID_HTTPS_OKTA',
        'warning',
        `entityID ${id} uses https; Okta issues http://www.okta.com/…`,
        C.MD_ENTITY_ID_HTTPS_OKTA.help,
        at,
      ),
    ];
  if (METADATA_URL.test(id))
    return [
      finding(
        'MD_ENTITY_ID_IS_METADATA_URL',
        'error',
        `entityID ${id} is the metadata URL, not the IdP issuer`,
        C.MD_ENTITY_ID_IS_METADATA_URL.help,
        at,
      ),
    ];
  return [];
}

const OKTA_DOMAINS = ['okta.com', 'oktapreview.com', 'okta-emea.com'];

/**
 * Letters that render like the Latin ones in Okta's domains (Unicode TR39 confusables, the subset
 * that matters for "okta", "preview", "emea" and "com"), plus digit look-alikes.
 */
const CONFUSABLE: Record<string, string> = {
  '\u043e': 'o',
  '\u03bf': 'o',
  '\u0585': 'o',
  '\u00f6': 'o',
  '\u00f3': 'o',
  '\u00f2': 'o',
  '\u00f4': 'o',
  '\u00f5': 'o',
  '\u00f8': 'o',
  '0': 'o',
  '\u043a': 'k',
  '\u03ba': 'k',
  '\u0138': 'k',
  '\u0442': 't',
  '\u03c4': 't',
  '\u0163': 't',
  '\u0165': 't',
  '\u0430': 'a',
  '\u03b1': 'a',
  '\u00e0': 'a',
  '\u00e1': 'a',
  '\u00e2': 'a',
  '\u00e3': 'a',
  '\u00e4': 'a',
  '\u00e5': 'a',
  '\u0251': 'a',
  '\u0435': 'e',
  '\u03b5': 'e',
  '\u00e8': 'e',
  '\u00e9': 'e',
  '\u00ea': 'e',
  '\u00eb': 'e',
  '3': 'e',
  '\u0440': 'p',
  '\u03c1': 'p',
  '\u0433': 'r',
  '\u0456': 'i',
  '\u00ed': 'i',
  '\u00ec': 'i',
  '\u00ee': 'i',
  '\u00ef': 'i',
  '\u0131': 'i',
  '1': 'l',
  l: 'l',
  '\u0455': 's',
  '\u0441': 'c',
  '\u03f2': 'c',
  '\u043c': 'm',
  '\u0271': 'm',
  '\u0475': 'v',
  '\u03bd': 'v',
  '\u0461': 'w',
  '\u051d': 'w',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2212': '-',
  _: '-',
};

function skeleton(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFKC').toLowerCase()) out += CONFUSABLE[ch] ?? ch;
  return out.replace(/rn/g, 'm').replace(/vv/g, 'w');
}

/** Damerau-Levenshtein distance at most 1 (one insertion, deletion, substitution or swap). */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const tail = (x: number, y: number) => a.slice(x) === b.slice(y);
  const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && tail(i + 2, i + 2);
  return swapped || tail(i + 1, i + 1) || tail(i, i + 1) || tail(i + 1, i) || tail(i, i);
}

/**
 * The Okta domain an SSO host imitates, or undefined: a punycode or confusable spelling
 * (dev-1.оkta.com with a Cyrillic о), a one-letter typo (0kta.com, okta.co, oktapreveiw.com), or
 * an Okta domain used as a subdomain of another (dev-1.okta.com.example.net).
 */
export function oktaLookalike(host: string): string | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (OKTA_DOMAINS.some((d) => h === d || h.endsWith(`.${d}`))) return undefined;
  const unicode = h.includes('xn--') ? domainToUnicode(h) || h : h;
  const labels = unicode.split('.');
  const registrable = labels.slice(-2).join('.');
  const sk = skeleton(registrable);
  for (const d of OKTA_DOMAINS) {
    if (sk === skeleton(d) || withinOneEdit(sk, d) || withinOneEdit(skeleton(labels.at(-2) ?? ''), d.slice(0, d.lastIndexOf('.'))))
      return d;
    if (h.includes(`.${d}.`) || h.startsWith(`${d}.`)) return d;
  }
  return undefined;
}
