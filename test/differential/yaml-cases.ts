import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isMap, isScalar, type Node } from 'yaml';
import { parseConfig } from '../../src/core/config/parse-config.js';
import { getEntry } from '../../src/core/lint/yaml-nodes.js';
import type { PyOkta } from '../support/python.js';

/**
 * Inputs and the two readings compared by the YAML differential suites: ours (parseConfig, then
 * the okta block as lint reads it, merges resolved) and PyYAML safe_load's (what Polyaxon reads).
 */
export const OKTA_XML =
  '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="http://www.okta.com/exk1">\n  <md:IDPSSODescriptor/>\n</md:EntityDescriptor>';
const OKTA_BLOCK = `externalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: |-\n${OKTA_XML.split('\n')
  .map((l) => `          ${l}`)
  .join('\n')}\n`;

export function configFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...configFiles(path));
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

/** Bases for generated cases: small real-looking configs, each with an okta block. */
export function bases(extra: readonly string[]): string[] {
  const own = [
    `# deployment\nhostName: polyaxon.acme.com\n${OKTA_BLOCK}`,
    `deploymentChart: platform\ningress:\n  enabled: true\n  hostName: polyaxon.acme.com\n${OKTA_BLOCK}ui:\n  enabled: true\n`,
    `defaults: &d\n  enabled: false\napi:\n  <<: *d\n  replicas: 2\n${OKTA_BLOCK}`,
    `externalServices: {auth: {okta: {enabled: false, options: {xml: "<md:EntityDescriptor/>"}}}}\n`,
    `externalServices:\n  auth:\n    github:\n      enabled: false\n    okta:\n      enabled: yes\n      options:\n        xml: '<md:EntityDescriptor/>'\n`,
  ];
  const withOkta = extra.map((t) => (/^externalServices:/m.test(t) ? t : `${t.replace(/\n?$/, '\n')}${OKTA_BLOCK}`));
  return [...own, ...withOkta];
}

/** What a plant does: text edits at a relative position or on the line of a key. */
export type Plant =
  | { kind: 'char'; at: number; text: string }
  | { kind: 'line'; key: 'okta' | 'enabled' | 'xml' | 'any'; at: number; edit: number }
  | { kind: 'head'; text: string };

const CHARS = [
  '\r',
  '\u0085',
  '\u2028',
  '\u2029',
  '\t',
  '\x01',
  '\x1b',
  '\x7f',
  '\x85',
  '\x9f',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udc00',
  '\ufeff',
  '\u00a0',
  '\r\n',
  ' # c\u2028x: 1',
  ' # c\rx: 1',
  '\t# c',
  '\n\t',
  ':',
  '&',
  '*',
  '!',
  '%',
  '"',
  "'",
  '|',
  '>',
  '? ',
  '- ',
  '{',
  '[',
  ',',
  '#',
];
const HEADS = [
  '%YAML 1.1\n---\n',
  '%YAML 1.2\n---\n',
  '%YAML 1.1 # c\n---\n',
  '%YAML 2.0\n---\n',
  '%TAG ! tag:yaml.org,2002:\n---\n',
  '%TAG !e! tag:example.com,2000:\n---\n',
  '%FOO bar\n---\n',
  'a1: &dup 1\na2: &dup 2\n',
  '? [a]\n: 1\n',
  '? {a: 1}\n: 1\n',
  'k: =\n',
  'k: <<\n',
  '=: 1\n',
  '<<: {hostName: x}\n',
  '<<: 1\n',
  'tags: [!!binary aGk=, !!set {x}, !!omap [{a: 1}], !!timestamp 2001-12-14]\n',
  'v: !!int "3"\n',
  'v: !foo x\n',
  'v: !!python/object/apply:os.system ["id"]\n',
  `deep: ${'['.repeat(120)}${']'.repeat(120)}\n`,
  '{a:1}\n',
  'f: {"a":1, b:2}\n',
  'big: 1_000\nsex: 1:20\noct: 0o12\n',
  'k: &a.b 1\n',
  'k: *undefined\n',
  'anc: &oktaBase\n  enabled: false\n',
  'bool: &t true\n',
  'y: n\n',
  'yes: 1\ntrue: 2\n',
  '1: a\n1.0: b\n',
  '\ufeff',
  '---\n',
  'x: 1\n---\nx: 2\n',
];
// Edits of a key's line: `{v}` is the value as written, `{i}` the indentation, `{k}` the key.
const LINE_EDITS = [
  '{i}{k}:\t{v}',
  '\t{i}{k}: {v}',
  '{i}{k}: {v}\t',
  '{i}{k}: {v}\t# c',
  '{i}{k}: {v} # c\u0085{k}: x',
  '{i}{k}: {v}\r{i}{k}: x',
  '{i}{k}: y',
  '{i}{k}: n',
  '{i}{k}: Y',
  '{i}{k}: N',
  '{i}{k}: yes',
  '{i}{k}: off',
  '{i}{k}: "false"',
  '{i}{k}: 1',
  '{i}{k}: 09',
  '{i}{k}: 1e3',
  '{i}{k}: ~',
  '{i}{k}: =',
  '{i}{k}: <<',
  '{i}{k}: !!bool "n"',
  '{i}{k}: !!bool "yes"',
  '{i}{k}: !!str {v}',
  '{i}{k}: !!null x',
  '{i}{k}: !foo {v}',
  '{i}{k}: ! {v}',
  '{i}{k}: !!binary aGk=',
  '{i}{k}: *t',
  '{i}{k}: &t {v}',
  '{i}{k}: *oktaBase',
  '{i}{k}: {v}\n{i}{k}: {v}',
  '{i}{k}: {v}\n{i}{k}: false',
  '{i}"{k}": {v}',
  "{i}'{k}': {v}",
  '{i}<<: *oktaBase\n{i}{k}: {v}',
  '{i}<<: [*oktaBase]\n{i}{k}: {v}',
  '{i}{k}: {v}\n{i}<<: *oktaBase',
  '{i}<<: *oktaBase',
  '{i}"<<": {v}\n{i}{k}: {v}',
  '{i}? {k}\n{i}: {v}',
  '{i}{k}: [{v},\t1]',
  '{i}{k}: {{v}: 1}',
  '{i}{k}: |\n{i}  a\tb',
  '{i}{k}: |\n{i}  a\n{i}\tb',
  '{i}{k}: |2\n{i} \tb',
  '{i}{k}: "a\tb"',
  '{i}{k}: "a\u2028b"',
  '{i}{k}: |\n{i}  a\u0085b',
  '{i}{k}: |\n{i}  a\rb',
  "{i}{k}: 'a\n{i}\tb'",
  '{i}{k}: {v} #\tc',
  '{i}{k}:',
  '{i}{k}: {v}\n{i}&x k2: 1',
];

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
export const plantArb: fc.Arbitrary<Plant> = fc.oneof(
  fc.record({ kind: fc.constant('char' as const), at: position, text: fc.constantFrom(...CHARS) }),
  fc.record({
    kind: fc.constant('line' as const),
    key: fc.constantFrom('okta' as const, 'enabled' as const, 'xml' as const, 'any' as const),
    at: position,
    edit: fc.nat({ max: LINE_EDITS.length - 1 }),
  }),
  fc.record({ kind: fc.constant('head' as const), text: fc.constantFrom(...HEADS) }),
);

export function applyPlant(text: string, p: Plant): string {
  if (p.kind === 'head') return p.text + text;
  if (p.kind === 'char') {
    const at = Math.floor(p.at * (text.length + 1));
    return text.slice(0, at) + p.text + text.slice(at);
  }
  const lines = text.split('\n');
  const re = p.key === 'any' ? /^( *)([A-Za-z_][\w-]*): ?(.*)$/ : new RegExp(`^( *)(${p.key}): ?(.*)$`);
  const hits = lines.map((l, i) => (re.test(l) ? i : -1)).filter((i) => i >= 0);
  if (hits.length === 0) return text;
  const line = hits[Math.floor(p.at * hits.length)] as number;
  const m = re.exec(lines[line] as string) as RegExpExecArray;
  const [, i = '', k = '', v = ''] = m;
  lines[line] = (LINE_EDITS[p.edit] as string).replaceAll('{i}', i).replaceAll('{k}', k).replaceAll('{v}', v);
  return lines.join('\n');
}

/** A value as compared: JSON scalars as they are, anything else as its kind only. */
export type Val = null | boolean | number | string | { other: true };
const OTHER = { other: true } as const;
function pyVal(v: unknown): Val {
  if (v === null || typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number') return v;
  return OTHER;
}
function nodeVal(n: Node | null): Val {
  if (n === null) return null;
  if (!isScalar(n)) return OTHER;
  const v = n.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : OTHER;
  if (typeof v === 'bigint') return Number(v);
  return OTHER;
}

export interface OktaReading {
  okta?: { map: true; hasEnabled: boolean; enabled: Val; options: Val | 'map'; hasXml: boolean; xml?: Val } | { map: false; value: Val };
}

/** The verdict (no error finding) and the okta block as the tool reads it. */
export function toolReading(text: string): { ok: boolean; codes: string[]; reading: OktaReading } {
  const cfg = parseConfig(text);
  const codes = cfg.findings.filter((f) => f.severity === 'error').map((f) => f.code);
  const reading: OktaReading = {};
  const doc = cfg.doc;
  // lint's verdict: a document that is neither a mapping nor empty is CONFIG_NOT_A_MAP
  const root = doc?.contents ?? null;
  if (root !== null && !isMap(root) && !(isScalar(root) && root.value === null)) codes.push('CONFIG_NOT_A_MAP');
  if (!doc || !isMap(doc.contents)) return { ok: codes.length === 0, codes, reading };
  const es = getEntry(doc.contents, 'externalServices', doc)?.value ?? null;
  const auth = isMap(es) ? (getEntry(es, 'auth', doc)?.value ?? null) : null;
  const okta = isMap(auth) ? getEntry(auth, 'okta', doc) : undefined;
  if (okta) {
    const o = okta.value;
    if (isMap(o)) {
      const enabled = getEntry(o, 'enabled', doc);
      const options = getEntry(o, 'options', doc)?.value ?? null;
      const xml = isMap(options) ? getEntry(options, 'xml', doc) : undefined;
      reading.okta = {
        map: true,
        hasEnabled: enabled !== undefined,
        enabled: nodeVal(enabled?.value ?? null),
        options: isMap(options) ? 'map' : nodeVal(options),
        hasXml: xml !== undefined,
      };
      if (xml) reading.okta.xml = nodeVal(xml.value);
    } else reading.okta = { map: false, value: nodeVal(o) };
  }
  return { ok: codes.length === 0, codes, reading };
}

export function pyReading(py: PyOkta): OktaReading {
  const o = py.okta;
  if (!o) return {};
  if (!o.map) return { okta: { map: false, value: pyVal(o.value) } };
  const options = o.options as { type?: string } | null | undefined;
  const r: OktaReading = {
    okta: {
      map: true,
      hasEnabled: o.hasEnabled,
      enabled: pyVal(o.enabled),
      options: options && options.type === 'dict' ? 'map' : pyVal(options ?? null),
      hasXml: o.hasXml,
    },
  };
  if (o.hasXml && r.okta?.map) r.okta.xml = pyVal(o.xml);
  return r;
}
