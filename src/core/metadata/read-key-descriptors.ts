import { finding, type Finding, type Location } from '../findings.js';
import { NS, attr, childElements, elementText } from '../xml/dom.js';
import { locationOf } from '../xml/parse-dom.js';
import { METADATA_CODES as C } from './codes.js';

export interface RawKey {
  use: 'signing' | 'unspecified';
  /** Text of ds:X509Certificate, undefined when the KeyDescriptor holds none. */
  certText?: string;
  location?: Location;
  /** Where the certificate text starts (its first text node), for offsets inside it. */
  textLocation?: Location;
}

/**
 * Keys as python3-saml and ruby-saml read them: certificates only at
 * `md:KeyDescriptor/ds:KeyInfo/ds:X509Data/ds:X509Certificate`, signing when `use` does not contain
 * "encryption" (their XPath: `KeyDescriptor[not(contains(@use,'encryption'))]`). So that our reading
 * and theirs cannot differ, `use` must be exactly "signing", "encryption" or absent (SAML metadata
 * §2.4.1.1), and a certificate anywhere else inside a KeyDescriptor is an error.
 */
export function readKeys(idp: Element, findings: Finding[], file?: string): { keys: RawKey[]; encryption: RawKey[] } {
  const keys: RawKey[] = [];
  const encryption: RawKey[] = [];
  for (const kd of childElements(idp, NS.MD, 'KeyDescriptor')) {
    const use = attr(kd, 'use');
    if (use !== undefined && use !== 'signing' && use !== 'encryption') {
      findings.push(
        finding(
          'MD_KEY_USE_INVALID',
          'error',
          `KeyDescriptor use="${use}" (must be exactly "signing", "encryption" or absent)`,
          C.MD_KEY_USE_INVALID.help,
          locationOf(kd, file),
        ),
      );
      continue;
    }
    const keyInfos = childElements(kd).filter((e) => e.localName === 'KeyInfo');
    for (const ki of keyInfos)
      if (ki.namespaceURI !== NS.DS)
        findings.push(
          finding(
            'MD_KEYINFO_WRONG_NAMESPACE',
            'error',
            `KeyInfo is in namespace "${ki.namespaceURI ?? ''}", not ${NS.DS}`,
            C.MD_KEYINFO_WRONG_NAMESPACE.help,
            locationOf(ki, file),
          ),
        );
    const certs = childElements(kd, NS.DS, 'KeyInfo').flatMap((ki) =>
      childElements(ki, NS.DS, 'X509Data').flatMap((xd) => childElements(xd, NS.DS, 'X509Certificate')),
    );
    const placed = new Set(certs);
    for (const el of Array.from(kd.getElementsByTagName('*') as unknown as ArrayLike<Element>))
      if (el.localName === 'X509Certificate' && !placed.has(el))
        findings.push(
          finding(
            'MD_CERT_MISPLACED',
            'error',
            `<${el.nodeName}> outside KeyDescriptor/KeyInfo/X509Data (or in another namespace): SAML libraries would not read it`,
            C.MD_CERT_MISPLACED.help,
            locationOf(el, file),
          ),
        );
    if (use === 'encryption') {
      findings.push(
        finding(
          'MD_ENCRYPTION_ONLY_KEY',
          'info',
          'an encryption-only KeyDescriptor is not a signing key',
          C.MD_ENCRYPTION_ONLY_KEY.help,
          locationOf(kd, file),
        ),
      );
      for (const c of certs)
        encryption.push({
          use: 'signing',
          certText: elementText(c, file).value,
          ...(locationOf(c, file) ? { location: locationOf(c, file) as Location } : {}),
        });
      continue;
    }
    const kind = use === 'signing' ? 'signing' : 'unspecified';
    if (certs.length === 0) {
      if (keyInfos.every((k) => k.namespaceURI === NS.DS))
        findings.push(
          finding(
            'MD_KEYDESCRIPTOR_NO_CERT',
            'warning',
            'a signing KeyDescriptor holds no X509Certificate',
            C.MD_KEYDESCRIPTOR_NO_CERT.help,
            locationOf(kd, file),
          ),
        );
      continue;
    }
    for (const c of certs) {
      const t = elementText(c, file);
      findings.push(...t.findings);
      // A value split by a comment or markup is never used (CVE-2017-11428: parsers disagree on it).
      if (t.findings.length > 0) continue;
      const key: RawKey = { use: kind, certText: t.value };
      const loc = locationOf(c, file);
      if (loc) key.location = loc;
      const textLoc = locationOf(c.firstChild, file);
      if (textLoc) key.textLocation = textLoc;
      keys.push(key);
    }
  }
  return { keys, encryption };
}
