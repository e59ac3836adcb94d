import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateMetadata } from '../../../src/core/metadata/validate-metadata.js';
import type { ParsedMetadata } from '../../../src/core/metadata/types.js';
import { compareMetadata, oktaMetadataUrl, pinsCoverAll, trustGate } from '../../../src/core/trust/index.js';
import { CORPUS_NOW, HAS_CORPUS, corpusPath } from '../../support/corpus.js';
import { certBase64 } from '../../support/fixture-certs.js';

/**
 * Classification of real corpus pairs: two different Okta apps (replacement), one app before and
 * after a certificate change built from a fixture key (rotation), and the forged copy of an Okta
 * app carrying an attacker's certificate (rotation-like: refused by a script without a pin).
 */
const now = new Date(CORPUS_NOW);
const parse = (xml: string): ParsedMetadata => {
  const md = validateMetadata(xml, { now }).metadata;
  if (!md) throw new Error('not metadata');
  return md;
};
const read = (...p: string[]) => readFileSync(corpusPath(...p), 'utf8');
const YELLOW = ['okta-metadata', 'yellowrook1-bugcrowd-pam-681.xml'];
const OTHER = ['okta-metadata', 'ssoready-trial1022863-indented-cert.xml'];
const FORGED = ['attacks', 'badcert-forged-okta-metadata-attacker-cert.xml'];
const YELLOW_SHA256_PREFIX = /^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/;

/** The same app after Okta rotated to a new key: only the certificate differs. */
function rotated(xml: string): string {
  return xml.replace(/(<ds:X509Certificate>)[^<]+(<\/ds:X509Certificate>)/, `$1${certBase64('okta-rotation')}$2`);
}

describe.skipIf(!HAS_CORPUS)('compareMetadata on corpus pairs', () => {
  it('the same document → same, nothing added or removed', () => {
    const md = parse(read(...YELLOW));
    const ch = compareMetadata(md, parse(read(...YELLOW)));
    expect([ch.kind, ch.certs.added.length, ch.certs.removed.length, ch.certs.kept.length, ch.weaker]).toEqual(['same', 0, 0, 1, []]);
  });

  it('two different Okta apps → replacement, with entityID and host before/after', () => {
    const before = parse(read(...YELLOW));
    const after = parse(read(...OTHER));
    const ch = compareMetadata(before, after);
    expect(ch.kind).toBe('replacement');
    expect(ch.entityId).toEqual({ before: 'http://www.okta.com/exkjl16j5b8X4N6fS1d7', after: after.entityId, changed: true });
    expect(ch.idpHost.before).toBe('bugcrowd-pam-681.oktapreview.com');
    expect(ch.idpHost.changed).toBe(true);
    expect(ch.certs.added.map((c) => c.sha256)).toEqual(after.signingCerts.map((c) => c.sha256));
    expect(ch.certs.removed.map((c) => c.sha256)).toEqual(before.signingCerts.map((c) => c.sha256));
    // a replacement needs --allow-idp-change even when the new certificate is pinned
    const pins = after.signingCerts.map((c) => c.sha256);
    expect(trustGate({ change: ch, certs: after.signingCerts, pins, allowIdpChange: false, interactive: false }).action).toBe('refuse');
    expect(trustGate({ change: ch, certs: after.signingCerts, pins, allowIdpChange: true, interactive: false }).action).toBe('write');
    expect(trustGate({ change: ch, certs: after.signingCerts, pins: [], allowIdpChange: false, interactive: true })).toEqual({
      action: 'ask',
      defaultYes: false,
    });
  });

  it('the same app after a certificate change → rotation; written only when the pin covers the new cert', () => {
    const xml = read(...YELLOW);
    const before = parse(xml);
    const after = parse(rotated(xml));
    const ch = compareMetadata(before, after);
    expect(ch.kind).toBe('rotation');
    expect([ch.entityId.changed, ch.idpHost.changed, ch.ssoUrls.changed]).toEqual([false, false, false]);
    expect(ch.certs.added.map((c) => c.sha256)).toEqual([after.signingCerts[0]?.sha256]);
    expect(ch.certs.removed.map((c) => c.sha256)).toEqual([before.signingCerts[0]?.sha256]);
    expect(ch.certs.added[0]?.sha256).toMatch(YELLOW_SHA256_PREFIX);
    const gate = (pins: string[]) =>
      trustGate({ change: ch, certs: after.signingCerts, pins, allowIdpChange: false, interactive: false }).action;
    expect(gate([])).toBe('refuse');
    expect(gate([before.signingCerts[0]?.sha256 ?? ''])).toBe('refuse');
    expect(gate([after.signingCerts[0]?.sha256 ?? ''])).toBe('write');
    expect(gate([(after.signingCerts[0]?.sha1 ?? '').replace(/:/g, '').toLowerCase()])).toBe('write');
    expect(trustGate({ change: ch, certs: after.signingCerts, pins: [], allowIdpChange: false, interactive: true })).toEqual({
      action: 'ask',
      defaultYes: true,
    });
  });

  it("the forged copy with an attacker's certificate → a rotation-like change a script refuses without a pin", () => {
    const before = parse(read(...YELLOW));
    const after = parse(read(...FORGED));
    const ch = compareMetadata(before, after);
    expect(ch.kind).toBe('rotation');
    expect(ch.entityId.changed).toBe(false);
    expect(ch.certs.added[0]?.subject).toContain('poc.securesaml.com');
    expect(trustGate({ change: ch, certs: after.signingCerts, pins: [], allowIdpChange: false, interactive: false }).action).toBe('refuse');
    expect(
      trustGate({
        change: ch,
        certs: after.signingCerts,
        pins: before.signingCerts.map((c) => c.sha256),
        allowIdpChange: false,
        interactive: false,
      }).action,
    ).toBe('refuse');
  });

  it("derives Okta's metadata URL from the entityID and SSO host", () => {
    expect(oktaMetadataUrl(parse(read(...YELLOW)))).toBe(
      'https://bugcrowd-pam-681.oktapreview.com/app/exkjl16j5b8X4N6fS1d7/sso/saml/metadata',
    );
  });
});

describe.skipIf(!HAS_CORPUS)('weaker flags', () => {
  const base = () => read(...YELLOW).replace(/(<ds:X509Certificate>)[^<]+(<\/ds:X509Certificate>)/, `$1${certBase64('okta-rotation')}$2`);
  const withCert = (name: 'rsa1024' | 'sha1' | 'okta-like') =>
    base().replace(/(<ds:X509Certificate>)[^<]+(<\/ds:X509Certificate>)/, `$1${certBase64(name)}$2`);
  const flags = (after: string) => compareMetadata(parse(base()), parse(after)).weaker.map((w) => w.what);

  it('RSA-1024 after RSA-2048 (and an earlier expiry) is flagged', () => {
    expect(flags(withCert('rsa1024'))).toEqual(['key-size', 'earlier-expiry']);
  });
  it('a SHA-1 certificate signature where there was none is flagged', () => {
    expect(flags(withCert('sha1'))).toEqual(['sha1-signature', 'earlier-expiry']);
  });
  it('an http SSO endpoint is flagged; a same-strength rotation is not', () => {
    expect(flags(base().replace(/Location="https:/g, 'Location="http:'))).toEqual(['http-endpoint']);
    expect(compareMetadata(parse(read(...YELLOW)), parse(base())).weaker).toEqual([]);
  });
  it('a pin must name a certificate of the set, and cover all of it', () => {
    const certs = parse(base()).signingCerts;
    expect(pinsCoverAll(certs, [])).toBe(false);
    expect(pinsCoverAll(certs, ['55:3A:1A:7F:27:71:0B:53:D8:B9:73:10:3C:4E:B9:D7:1F:DB:1D:CE:71:01:1C:1C:36:53:39:FE:32:E0:2B:53'])).toBe(
      true,
    );
    expect(pinsCoverAll([], ['55:3A'])).toBe(false);
  });
});

describe('the change summary text', () => {
  it('escapes control characters from the documents (no fake lines or colours)', async () => {
    const { renderTrustChange } = await import('../../../src/cli/render-trust-change.js');
    const { Chalk } = await import('chalk');
    const side = { before: 'http://www.okta.com/a', after: 'http://www.okta.com/b\n\u001b[32mTrust change: same', changed: true };
    const text = renderTrustChange(
      {
        kind: 'replacement',
        beforeReadable: true,
        entityId: side,
        idpHost: { before: 'a', after: 'a', changed: false },
        ssoUrls: { before: [], after: [], changed: false },
        certs: { added: [], removed: [], kept: [], changed: false },
        weaker: [],
      },
      new Chalk({ level: 0 }),
    );
    expect(text).toContain('http://www.okta.com/b\\x0a\\x1b[32mTrust change: same');
    expect(text.split('\n').filter((l) => l.startsWith('Trust change'))).toEqual([
      'Trust change: replacement (IdP replacement: another entityID or IdP host (another Okta app or org))',
    ]);
  });
});
