/**
 * Generated metadata mutations for the libxml2 differential: each plants one or more of the
 * hazards where readers may disagree (declared encodings, comment forms, character references,
 * depth, `use` values, KeyInfo layouts, extra KeyDescriptors, aggregates, whitespace in values,
 * characters outside XML's S, names) into a real document. Seeded, so a failure can be replayed.
 */
export interface Mutant {
  text: string;
  /** How the text becomes bytes. */
  encodeAs: 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' | 'latin1';
  entityId?: string;
  applied: string[];
}

export type Rng = () => number;

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';

/** Offsets of '<' that start a tag inside the root (not its first). */
function tagStarts(text: string): number[] {
  const out: number[] = [];
  const root = text.search(/<[A-Za-z]/);
  for (let i = text.indexOf('<', root + 1); i >= 0; i = text.indexOf('<', i + 1)) if (/[A-Za-z/]/.test(text.charAt(i + 1))) out.push(i);
  return out;
}
const insertAtTag = (r: Rng, text: string, piece: string) => {
  const starts = tagStarts(text);
  const at = starts.length ? pick(r, starts) : text.length;
  return text.slice(0, at) + piece + text.slice(at);
};
const stripDecl = (t: string) => t.replace(/^\uFEFF?<\?xml[^>]*\?>\s*/, '');
const idpOpen = (t: string) => /<([A-Za-z0-9_.-]+:)?IDPSSODescriptor\b[^>]*>/.exec(t);
const insertInIdp = (t: string, piece: string) => {
  const m = idpOpen(t);
  return m ? t.slice(0, m.index + m[0].length) + piece + t.slice(m.index + m[0].length) : t;
};
const kd = (use: string | undefined, inner: string) =>
  `<md:KeyDescriptor xmlns:md="${MD}"${use === undefined ? '' : ` use="${use}"`}><ds:KeyInfo xmlns:ds="${DS}">${inner}</ds:KeyInfo></md:KeyDescriptor>`;
const x509 = (cert: string) => `<ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data>`;

type Mutation = (r: Rng, m: Mutant, certs: readonly string[]) => void;

export const MUTATIONS: Record<string, Mutation> = {
  declaredEncoding(r, m) {
    const enc = pick(r, [
      'UTF-8',
      'utf-8',
      'UTF-16',
      'utf-16',
      'ISO-8859-1',
      'latin1',
      'US-ASCII',
      'UTF8',
      'csUTF8',
      'Shift_JIS',
      'UTF-7',
      'EBCDIC-US',
      'windows-1252',
      'UTF-16LE',
      'UTF-32',
      'bogus',
    ]);
    m.text = `<?xml version="1.0" encoding="${enc}"?>\n${stripDecl(m.text)}`;
    m.applied.push(`encoding=${enc}`);
  },
  byteEncoding(r, m) {
    m.encodeAs = pick(r, ['utf8', 'utf8-bom', 'utf16le', 'utf16be', 'latin1'] as const);
    m.applied.push(`bytes=${m.encodeAs}`);
  },
  declarationForm(r, m) {
    const d = pick(r, [
      '<?xml version="1.0"?>',
      "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>",
      '<?xml version="1.1"?>',
      '<?xml  version = "1.0" ?>',
      '<?xml version="1.0" encoding="UTF-8" ?>',
      '<?XML version="1.0"?>',
      '<?xml version="1.0" standalone="maybe"?>',
      ' <?xml version="1.0"?>',
      '<?xml version="1.0" encoding=""?>',
    ]);
    m.text = `${d}\n${stripDecl(m.text)}`;
    m.applied.push(`decl=${d}`);
  },
  comment(r, m) {
    const c = pick(r, [
      '<!-- a -- b -->',
      '<!-- x --->',
      '<!---->',
      '<!-- - -->',
      '<!--->',
      '<!-- --x-->',
      '<!--- x -->',
      '<!-- ok -->',
      '<!--\u00a0-->',
      '<!--\x01-->',
      '<!-- -- -->',
    ]);
    m.text = r() < 0.3 ? m.text.replace(/(\?>\s*|^)/, `$1${c}`) : insertAtTag(r, m.text, c);
    m.applied.push(`comment ${JSON.stringify(c)}`);
  },
  charRef(r, m) {
    const ref = pick(r, [
      '&#x1b;',
      '&#0;',
      '&#9;',
      '&#xD800;',
      '&#xFFFE;',
      '&#x10FFFF;',
      '&#65;',
      '&#x110000;',
      '&#1114111;',
      '&#0065;',
      '&lt;',
      '&foo;',
      '&#x;',
      '&#10;',
      '&#13;',
      '&#x85;',
      '&#xA0;',
      '&#x2028;',
      '&amp',
      '&',
    ]);
    const where = pick(r, ['entityID', 'Location', 'text']);
    if (where === 'text') m.text = m.text.replace(/(<(?:[\w.-]+:)?NameIDFormat>)/, `$1${ref}`);
    else m.text = m.text.replace(new RegExp(`${where}="`), `${where}="${ref}`);
    m.applied.push(`${ref} in ${where}`);
  },
  depth(r, m) {
    const n = pick(r, [250, 254, 255, 256, 257, 258, 300]);
    m.text = insertInIdp(m.text, `<md:Extensions xmlns:md="${MD}">${'<x>'.repeat(n)}${'</x>'.repeat(n)}</md:Extensions>`);
    m.applied.push(`depth ${n}`);
  },
  useValue(r, m) {
    const use = pick(r, [
      'signing',
      'encryption',
      '',
      'signing ',
      'Signing',
      'signing encryption',
      'encryption signing',
      ' encryption',
      'SIGNING',
      'sig',
    ]);
    m.text = /\buse="[^"]*"/.test(m.text)
      ? m.text.replace(/\buse="[^"]*"/, `use="${use}"`)
      : m.text.replace(/(<(?:[\w.-]+:)?KeyDescriptor)\b/, `$1 use="${use}"`);
    m.applied.push(`use=${JSON.stringify(use)}`);
  },
  dropUse(_r, m) {
    m.text = m.text.replace(/ use="[^"]*"/, '');
    m.applied.push('no use');
  },
  keyInfoLayout(r, m, certs) {
    const cert = pick(r, certs);
    const layout = pick(r, [
      `<ds:X509Certificate>${cert}</ds:X509Certificate>`,
      `<ds:X509Data><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:X509Data>`,
      `<ds:KeyValue><ds:X509Certificate>${cert}</ds:X509Certificate></ds:KeyValue>`,
      `<x:X509Data xmlns:x="urn:x"><ds:X509Certificate>${cert}</ds:X509Certificate></x:X509Data>`,
      `<ds:X509Data><x:X509Certificate xmlns:x="urn:x">${cert}</x:X509Certificate></ds:X509Data>`,
      `<ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data>`,
      `${x509(cert)}${x509(cert)}`,
      `<ds:X509Data><ds:X509SubjectName>CN=x</ds:X509SubjectName><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data>`,
    ]);
    m.text = insertInIdp(m.text, kd(pick(r, ['signing', undefined, 'encryption']), layout));
    m.applied.push(`keyinfo layout ${certs.indexOf(cert)}:${layout.slice(0, 40)}`);
  },
  extraKeyDescriptor(r, m, certs) {
    const use = pick(r, ['signing', undefined, 'encryption', 'signing encryption']);
    m.text = insertInIdp(m.text, kd(use, x509(pick(r, certs))));
    m.applied.push(`extra KeyDescriptor use=${use}`);
  },
  certOutsideIdp(r, m, certs) {
    m.text = m.text.replace(/(<\/(?:[\w.-]+:)?IDPSSODescriptor>)/, `$1${kd('signing', x509(pick(r, certs)))}`);
    m.applied.push('KeyDescriptor outside the IDPSSODescriptor');
  },
  aggregate(r, m) {
    const body = stripDecl(m.text);
    const id = /entityID="([^"]*)"/.exec(body)?.[1] ?? '';
    const other = body.replace(/entityID="[^"]*"/, 'entityID="https://other.example/idp"');
    // Half the time the entities inherit their namespace declarations from the aggregate.
    const inherit = r() < 0.5;
    const strip = (t: string) =>
      inherit ? t.replace(/^(<[^>]*?) xmlns:(md|ds)="[^"]*"/, '$1').replace(/^(<[^>]*?) xmlns:(md|ds)="[^"]*"/, '$1') : t;
    const parts = (r() < 0.5 ? [other, body] : [body, other]).map(strip);
    m.text = `<md:EntitiesDescriptor xmlns:md="${MD}" xmlns:ds="${DS}" Name="fed">${parts.join('')}</md:EntitiesDescriptor>`;
    m.entityId = r() < 0.8 ? id : 'https://other.example/idp';
    m.applied.push(`aggregate${inherit ? ', namespaces inherited' : ''} (select ${m.entityId})`);
  },
  whitespaceInValue(r, m) {
    const attr = pick(r, ['entityID', 'Location', 'Binding']);
    const ws = pick(r, [' ', '\t', '\n', '&#10;', '&#32;', '\u00a0', '&#9;']);
    const where = pick(r, ['start', 'end', 'middle']);
    const put = (v: string) => (where === 'start' ? ws + v : where === 'end' ? v + ws : v.slice(0, 12) + ws + v.slice(12));
    m.text = m.text.replace(new RegExp(`${attr}="([^"]*)"`), (_all, v: string) => `${attr}="${put(v)}"`);
    m.applied.push(`${JSON.stringify(ws)} at ${where} of ${attr}`);
  },
  strayCharacter(r, m) {
    const c = pick(r, ['\u00a0', '\x0c', '\u2028', '\uFFFE', '\x7f', '\u0085', '\x00', '\uFEFF']);
    const where = pick(r, ['before-root', 'between-attrs', 'text']);
    if (where === 'before-root') m.text = m.text.replace(/(<[A-Za-z])/, `${c}$1`);
    else if (where === 'between-attrs') m.text = m.text.replace(/" ([A-Za-z])/, `"${c}$1`);
    else m.text = m.text.replace(/(<(?:[\w.-]+:)?NameIDFormat>)/, `$1${c}`);
    m.applied.push(`U+${(c.codePointAt(0) ?? 0).toString(16)} ${where}`);
  },
  names(r, m) {
    const v = pick(r, [
      'no-space',
      'dup-ns-attr',
      'empty-prefix',
      'two-colons',
      'digit-name',
      'xmlns-xml',
      'unquoted',
      'eq-spaces',
      'xmlns-element',
      'xmlns-default-reserved',
      'combining-start',
    ]);
    if (v === 'no-space') m.text = m.text.replace(/" ([A-Za-z])/, '"$1');
    else if (v === 'dup-ns-attr') m.text = insertInIdp(m.text, '<e xmlns:a="urn:q" xmlns:b="urn:q" a:x="1" b:x="2"/>');
    else if (v === 'empty-prefix') m.text = insertInIdp(m.text, '<e xmlns:p=""/>');
    else if (v === 'two-colons') m.text = insertInIdp(m.text, '<a:b:c xmlns:a="urn:a"/>');
    else if (v === 'digit-name') m.text = insertInIdp(m.text, '<e 1x="1"/>');
    else if (v === 'xmlns-xml') m.text = insertInIdp(m.text, '<e xmlns:xml="urn:not-xml"/>');
    else if (v === 'unquoted') m.text = m.text.replace(/protocolSupportEnumeration="([^"]*)"/, 'protocolSupportEnumeration=$1');
    else if (v === 'xmlns-element') m.text = insertInIdp(m.text, '<xmlns:e/>');
    else if (v === 'xmlns-default-reserved') m.text = insertInIdp(m.text, '<e xmlns="http://www.w3.org/2000/xmlns/"/>');
    else if (v === 'combining-start') m.text = insertInIdp(m.text, '<\u0300e/>');
    else m.text = m.text.replace(/entityID="/, 'entityID  =  "');
    m.applied.push(`names:${v}`);
  },
  referencesInValues(r, m) {
    const v = pick(r, ['slash-ref', 'amp-in-location', 'cert-char-ref', 'cert-cdata', 'cert-split-cdata', 'entityid-ref']);
    if (v === 'slash-ref') m.text = m.text.replace(/Location="https:\/\//, 'Location="https:&#47;/');
    else if (v === 'amp-in-location') m.text = m.text.replace(/(Location="[^"]*)"/, '$1?a=1&amp;b=2"');
    else if (v === 'cert-char-ref') m.text = m.text.replace(/(X509Certificate>)M/, '$1&#x4D;');
    else if (v === 'cert-cdata') m.text = m.text.replace(/(X509Certificate>)([^<]+)</, '$1<![CDATA[$2]]><');
    else if (v === 'cert-split-cdata') m.text = m.text.replace(/(X509Certificate>)([^<]{10})([^<]+)</, '$1$2<![CDATA[$3]]><');
    else m.text = m.text.replace(/entityID="http/, 'entityID="&#104;ttp');
    m.applied.push(`references:${v}`);
  },
  truncate(r, m) {
    m.text = m.text.slice(0, Math.floor(m.text.length * (0.5 + r() * 0.5)));
    m.applied.push('truncated');
  },
  secondSso(r, m) {
    m.text = insertInIdp(
      m.text,
      `<md:SingleSignOnService xmlns:md="${MD}" Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-${pick(r, ['POST', 'Redirect'])}" Location="https://evil.example/sso"/>`,
    );
    m.applied.push('second SSO first');
  },
};

export function mutate(r: Rng, base: string, certs: readonly string[]): Mutant {
  const m: Mutant = { text: base, encodeAs: 'utf8', applied: [] };
  const names = Object.keys(MUTATIONS);
  const n = r() < 0.7 ? 1 : 2;
  for (let i = 0; i < n; i++) (MUTATIONS[pick(r, names)] as Mutation)(r, m, certs);
  return m;
}

export function encode(m: Mutant): Buffer {
  switch (m.encodeAs) {
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(m.text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(m.text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(m.text, 'utf16le').swap16()]);
    case 'latin1':
      return Buffer.from(m.text, 'latin1');
    default:
      return Buffer.from(m.text, 'utf8');
  }
}
