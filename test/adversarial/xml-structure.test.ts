import { describe, expect, it } from 'vitest';
import { validateXml as validate } from './validate-xml.js';
import { ENTITY_ID, MD, SSO_URL, metadata } from '../support/xml-fixtures.js';

/**
 * Hostile XML structure through `validate-metadata` (docs/design.md §5): DOCTYPE, entities,
 * roots, namespaces, aggregates, duplicates. Each case asserts the exact finding code and exit
 * code; validateXml checks that no request was made and the directory is unchanged, and the
 * runner fails a case that exceeds the hang guard.
 */
const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>';
const body = metadata({ declaration: false });

describe('XML: DOCTYPE and entities are rejected before any parser runs', () => {
  it.each([
    [
      'DOCTYPE with internal entity used in entityID',
      `${XML_DECL}<!DOCTYPE md:EntityDescriptor [<!ENTITY x "http://www.okta.com/exkEVIL">]>${body.replace(ENTITY_ID, '&x;')}`,
      ['XML_DOCTYPE', 'XML_ENTITY_DECLARATION'],
    ],
    [
      'billion laughs',
      `${XML_DECL}<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>${body.replace(ENTITY_ID, '&lol9;')}`,
      ['XML_DOCTYPE', 'XML_ENTITY_DECLARATION'],
    ],
    [
      'XXE: SYSTEM file entity',
      `${XML_DECL}<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${body.replace(ENTITY_ID, '&xxe;')}`,
      ['XML_DOCTYPE', 'XML_ENTITY_DECLARATION'],
    ],
    [
      'XXE: SYSTEM http entity',
      `${XML_DECL}<!DOCTYPE r [<!ENTITY xxe SYSTEM "https://evil.example/x">]>${body.replace(ENTITY_ID, '&xxe;')}`,
      ['XML_DOCTYPE', 'XML_ENTITY_DECLARATION'],
    ],
    ['external DTD', `${XML_DECL}<!DOCTYPE r SYSTEM "https://evil.example/evil.dtd">${body}`, ['XML_DOCTYPE']],
    [
      'parameter entities',
      `${XML_DECL}<!DOCTYPE r [<!ENTITY % p SYSTEM "https://evil.example/p.dtd"> %p;]>${body}`,
      ['XML_DOCTYPE', 'XML_ENTITY_DECLARATION'],
    ],
    ['entity declaration without DOCTYPE', `${XML_DECL}<!ENTITY x "y">${body}`, ['XML_ENTITY_DECLARATION']],
    ['DOCTYPE after the root', `${XML_DECL}${body}<!DOCTYPE r>`, ['XML_DOCTYPE']],
  ])('%s', async (_name, xml, codes) => {
    const r = await validate(xml);
    expect(r.code).toBe(1);
    for (const c of codes) expect(r.codes).toContain(c);
    expect(r.json?.entityId).toBeNull();
    expect(r.stdout).not.toMatch(/root:x:0|exkEVIL|lollol/);
  });
});

describe('XML: structure', () => {
  it('two roots → XML_MULTIPLE_ROOTS', async () => {
    const r = await validate(`${XML_DECL}${body}${body.replace(ENTITY_ID, 'http://www.okta.com/exkEVIL')}`);
    expect(r.code).toBe(1);
    expect(r.codes).toContain('XML_MULTIPLE_ROOTS');
    expect(r.stdout).not.toContain('exkEVIL');
  });

  it('processing instruction → XML_PROCESSING_INSTRUCTION', async () => {
    const r = await validate(`${XML_DECL}<?xml-stylesheet href="https://evil.example/x.xsl"?>${body}`);
    expect(r.code).toBe(1);
    expect(r.codes).toContain('XML_PROCESSING_INSTRUCTION');
  });

  it('namespace spoof: md bound to another URI → MD_NOT_METADATA', async () => {
    const r = await validate(metadata({ mdNs: 'urn:oasis:names:tc:SAML:2.0:metadata:evil' }));
    expect(r.code).toBe(1);
    expect(r.codes).toContain('MD_NOT_METADATA');
    expect(r.json?.entityId).toBeNull();
  });

  it('namespace spoof: the right URI under another prefix is accepted (URI, not prefix)', async () => {
    const r = await validate(metadata().replace(/md:/g, 'evil:').replace('xmlns:md=', 'xmlns:evil='));
    expect(r.code).toBe(0);
    expect(r.json?.entityId).toBe(ENTITY_ID);
  });

  it.each([
    ['an unrelated root', '<foo xmlns="urn:x"/>', 'MD_NOT_METADATA'],
    ['a SAML Response', '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="r1" Version="2.0"/>', 'MD_SAML_RESPONSE'],
    ['an HTML page', '<html><head><title>Sign In</title></head><body></body></html>', 'MD_HTML_PAGE'],
    [
      'SP metadata',
      `<md:EntityDescriptor xmlns:md="${MD}" entityID="https://polyaxon.acme.com/sso/okta/metadata/acme"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>`,
      'MD_SP_METADATA',
    ],
  ])('unexpected root: %s → %s', async (_n, xml, code) => {
    const r = await validate(xml);
    expect(r.code).toBe(1);
    expect(r.codes).toContain(code);
  });

  const aggregate = `<md:EntitiesDescriptor xmlns:md="${MD}">${body.replace(` xmlns:md="${MD}"`, '')}${body
    .replace(` xmlns:md="${MD}"`, '')
    .replace(ENTITY_ID, 'http://www.okta.com/exkOTHER')}</md:EntitiesDescriptor>`;

  it('aggregate without --entity-id → MD_AGGREGATE_NEEDS_ENTITY_ID (never a silent first pick)', async () => {
    const r = await validate(aggregate);
    expect(r.code).toBe(1);
    expect(r.codes).toContain('MD_AGGREGATE_NEEDS_ENTITY_ID');
    expect(r.json?.entityId).toBeNull();
  });

  it('aggregate with an unknown --entity-id → MD_ENTITY_NOT_FOUND', async () => {
    const r = await validate(aggregate, ['--entity-id', 'http://www.okta.com/exkNOPE']);
    expect(r.code).toBe(1);
    expect(r.codes).toContain('MD_ENTITY_NOT_FOUND');
  });

  it('aggregate with --entity-id picks exactly that entity', async () => {
    const r = await validate(aggregate, ['--entity-id', 'http://www.okta.com/exkOTHER']);
    expect(r.code).toBe(0);
    expect(r.json?.entityId).toBe('http://www.okta.com/exkOTHER');
  });

  it('duplicate IDPSSODescriptor → MD_IDP_DESCRIPTOR_MULTIPLE', async () => {
    const idp = /<md:IDPSSODescriptor[\s\S]*<\/md:IDPSSODescriptor>/.exec(body)?.[0] ?? '';
    const r = await validate(
      metadata({ rootExtra: idp.replace(SSO_URL, 'https://evil.example/sso').replace(SSO_URL, 'https://evil.example/sso') }),
    );
    expect(r.code).toBe(1);
    expect(r.codes).toContain('MD_IDP_DESCRIPTOR_MULTIPLE');
  });

  it.each([
    ['entityID twice', metadata().replace(`entityID="${ENTITY_ID}"`, `entityID="${ENTITY_ID}" entityID="http://www.okta.com/exkEVIL"`)],
    [
      'Location twice',
      metadata({
        sso: `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${SSO_URL}" Location="https://evil.example/"/>`,
      }),
    ],
  ])('duplicate attribute (%s) → XML_DUPLICATE_ATTRIBUTE', async (_n, xml) => {
    const r = await validate(xml);
    expect(r.code).toBe(1);
    expect(r.codes).toContain('XML_DUPLICATE_ATTRIBUTE');
    expect(r.stdout).not.toContain('evil');
  });
});
