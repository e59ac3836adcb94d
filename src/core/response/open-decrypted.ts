/**
 * The decrypted text goes through the same hostile-construct gate. It is usually a standalone
 * Assertion, but it may use prefixes declared outside the EncryptedAssertion (Okta's saml2:): then
 * it is parsed inside a wrapper carrying those in-scope declarations, which exc-c14n ignores.
 */
import { finding, type Finding } from '../findings.js';
import { undecryptableFinding } from './decrypt-assertion.js';
import { NS, children, descendants, isEl, locOf, parseDom } from './saml-dom.js';
import type { CheckResponseOptions } from './types.js';

/**
 * `authenticated`: the content cipher proved the plaintext genuine (AES-GCM). AES-CBC does not, so a
 * parse error there would tell whoever altered the ciphertext something about the plaintext (the
 * XML Encryption format oracle, Jager/Somorovsky 2011): such a failure is reported as DECRYPT_FAILED,
 * the one message every decryption failure gets.
 */
export function openDecrypted(
  xml: string,
  enc: Element,
  opts: CheckResponseOptions,
  f: Finding[],
  authenticated = true,
): { assertion: Element; text: string } | undefined {
  const file = opts.file === undefined ? undefined : `${opts.file} (decrypted assertion)`;
  const alone = parseDom(xml, file);
  const r = alone.doc?.documentElement;
  const one = (d: Document | undefined) => d !== undefined && descendants(d, NS.assertion, 'Assertion').length === 1;
  if (r && isEl(r, NS.assertion, 'Assertion') && one(alone.doc) && alone.findings.length === 0) return { assertion: r, text: xml };
  const wrapped = `<wrapper${inScopeNamespaces(enc)}>${xml.replace(/^\s*<\?xml[^>]*\?>/, '')}</wrapper>`;
  const w = parseDom(wrapped, file);
  const inner = w.doc?.documentElement ? children(w.doc.documentElement, NS.assertion, 'Assertion') : [];
  if (w.findings.length === 0 && inner.length === 1 && one(w.doc)) return { assertion: inner[0] as Element, text: wrapped };
  if (!authenticated) {
    f.push(undecryptableFinding(locOf(enc, opts.file)));
    return undefined;
  }
  f.push(...(alone.findings.length ? alone.findings : w.findings));
  f.push(
    finding(
      'DECRYPTED_NOT_ASSERTION',
      'error',
      'the decrypted content is not exactly one saml:Assertion',
      'The EncryptedAssertion was tampered with, or encrypted for another key.',
    ),
  );
  return undefined;
}

/** xmlns declarations in scope at `el`, nearest first, as attribute text. */
function inScopeNamespaces(el: Element): string {
  const seen = new Map<string, string>();
  for (let n: Node | null = el; n && n.nodeType === 1; n = n.parentNode) {
    const attrs = (n as Element).attributes;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i] as Attr;
      if ((a.name === 'xmlns' || a.name.startsWith('xmlns:')) && !seen.has(a.name)) seen.set(a.name, a.value);
    }
  }
  return [...seen].map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`).join('');
}
