import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config/parse-config.js';
import { lintConfig } from '../../src/core/lint/lint-config.js';
import { entries, getEntry } from '../../src/core/lint/yaml-nodes.js';
import { HAS_CORPUS, corpusPath } from '../support/corpus.js';
import { startPyYaml, type PyYamlReader } from '../support/python.js';
import { configFiles, pyReading, toolReading } from './yaml-cases.js';

/**
 * Every config fixture and every corpus config through the tool and through PyYAML safe_load
 * (one python process). Where the tool says OK, PyYAML reads the file and the same okta block;
 * no real config (the corpus) gets a YAML error PyYAML would not give. Then each PyYAML rule the
 * tool enforces, proven against PyYAML itself: the input either fails in safe_load or reads
 * differently from what `yaml` alone makes of it.
 */
let py: PyYamlReader | null = null;
beforeAll(() => {
  py = startPyYaml();
});
afterAll(() => py?.close());

async function compare(files: string[]) {
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const pyr = await (py as PyYamlReader).load(texts);
  return files.map((file, i) => ({ file, tool: toolReading(texts[i] as string), py: pyr[i] }));
}

describe('YAML differential: fixtures and corpus against PyYAML safe_load', () => {
  it('every config fixture: tool OK ⇒ PyYAML reads the same okta block', async () => {
    if (!py) return;
    const rows = await compare(configFiles('fixtures'));
    const bad = rows.filter((r) => r.tool.ok && (!r.py?.ok || JSON.stringify(pyReading(r.py)) !== JSON.stringify(r.tool.reading)));
    expect(bad.map((r) => ({ file: r.file, py: r.py, tool: r.tool.reading }))).toEqual([]);
    expect(rows.length).toBeGreaterThan(60);
  });

  it.skipIf(!HAS_CORPUS)('every corpus config: same okta block, and no YAML error where PyYAML reads the file', async () => {
    if (!py) return;
    const rows = await compare(configFiles(corpusPath('deployment-configs')));
    expect(rows.filter((r) => !r.tool.ok || !r.py?.ok).map((r) => ({ file: r.file, codes: r.tool.codes, py: r.py?.error }))).toEqual([]);
    expect(rows.filter((r) => JSON.stringify(pyReading(r.py as never)) !== JSON.stringify(r.tool.reading)).map((r) => r.file)).toEqual([]);
    expect(rows.length).toBe(30);
  });
});

const OKTA = 'externalServices:\n  auth:\n    okta:\n      enabled: false\n';
/**
 * [name, text, code, line, column, PyYAML differs]: each a place where the tool refuses. When the
 * last column is true, PyYAML fails on the text or reads other data than `yaml` alone does; when
 * false, both read the same and the refusal is by design (merge keys on the way to auth, %TAG).
 */
const RULES: [string, string, string, number, number, boolean][] = [
  ['lone CR ends a comment', `a: 1 # c\rplatformSecret: x\n${OKTA}`, 'YAML_LINE_BREAK', 1, 9, true],
  ['NEL ends a comment', `a: 1 # c\u0085platformSecret: x\n${OKTA}`, 'YAML_LINE_BREAK', 1, 9, true],
  ['LS inside a block scalar', `a: |\n  x\u2028y\n${OKTA}`, 'YAML_LINE_BREAK', 2, 4, true],
  ['PS ends a comment', `a: 1 # c\u2029platformSecret: x\n${OKTA}`, 'YAML_LINE_BREAK', 1, 9, true],
  ['PS inside a quoted string (PyYAML keeps it there)', `a: "x\u2029y"\n${OKTA}`, 'YAML_LINE_BREAK', 1, 6, false],
  ['lone CR inside the okta xml', `${OKTA}      options:\n        xml: |-\n          <a>\r</a>\n`, 'YAML_LINE_BREAK', 7, 14, true],
  [
    'a second byte order mark (PyYAML: part of the key)',
    `\ufeff# c\n\ufeffexternalServices:\n  auth:\n    okta:\n      enabled: false\n`,
    'YAML_FORBIDDEN_CHAR',
    2,
    1,
    true,
  ],
  ['C0 control', `a: "x\x01"\n${OKTA}`, 'YAML_FORBIDDEN_CHAR', 1, 6, true],
  ['DEL', `a: x\x7f\n${OKTA}`, 'YAML_FORBIDDEN_CHAR', 1, 5, true],
  ['C1 control', `a: x\x9b\n${OKTA}`, 'YAML_FORBIDDEN_CHAR', 1, 5, true],
  ['lone surrogate', `a: x\ud800\n${OKTA}`, 'YAML_FORBIDDEN_CHAR', 1, 5, true],
  ['U+FFFE', `a: x\ufffe\n${OKTA}`, 'YAML_FORBIDDEN_CHAR', 1, 5, true],
  ['tab after key:', OKTA.replace('enabled: false', 'enabled:\tfalse'), 'YAML_TAB', 4, 15, true],
  ['tab as indentation', `a:\n\tb: 1\n${OKTA}`, 'YAML_TAB', 2, 1, true],
  ['tab inside a flow collection', `a: [1,\t2]\n${OKTA}`, 'YAML_TAB', 1, 7, true],
  ['tab inside a plain scalar', `a: b\tc\n${OKTA}`, 'YAML_TAB', 1, 5, true],
  ['tab before a comment', `a: b\t# c\n${OKTA}`, 'YAML_TAB', 1, 5, true],
  ['quoted text cut at an under-indented line (PyYAML folds it, yaml cannot read it)', `k: 'a\n\tb'\n${OKTA}`, 'YAML_SYNTAX', 1, 4, true],
  ['tab before the indentation of a block scalar', `a: |2\n \tb\n${OKTA}`, 'YAML_TAB', 2, 2, true],
  ['%YAML 1.2 (PyYAML still reads 1.1)', `%YAML 1.2\n---\n${OKTA.replace('false', 'off')}`, 'YAML_DIRECTIVE', 1, 1, true],
  ['%YAML 1.1 twice', `%YAML 1.1\n%YAML 1.1\n---\n${OKTA}`, 'YAML_DIRECTIVE', 2, 1, true],
  ['%TAG', `%TAG !e! tag:example.com,2000:\n---\n${OKTA}`, 'YAML_DIRECTIVE', 1, 1, false],
  ['duplicate anchor', `a: &x 1\nb: &x 2\nc: *x\n${OKTA}`, 'YAML_DUPLICATE_ANCHOR', 2, 4, true],
  ['undefined alias', `a: *nowhere\n${OKTA}`, 'YAML_SYNTAX', 1, 4, true],
  ['anchor name PyYAML refuses', `a: &x.y 1\n${OKTA}`, 'YAML_SYNTAX', 1, 4, true],
  ['value without a key', `${OKTA}: 1\n`, 'YAML_SYNTAX', 5, 1, true],
  ['list as a key', `? [a]\n: 1\n${OKTA}`, 'YAML_COMPLEX_KEY', 1, 3, true],
  ['alias of a mapping as a key', `m: &m {a: 1}\n? *m\n: 1\n${OKTA}`, 'YAML_COMPLEX_KEY', 2, 3, true],
  ['merge key under okta', `base: &b {enabled: true}\n${OKTA}      <<: *b\n`, 'YAML_MERGE_KEY', 6, 7, false],
  ['merge key under auth', `base: &b {okta: {enabled: true}}\nexternalServices:\n  auth:\n    <<: *b\n`, 'YAML_MERGE_KEY', 4, 5, false],
  [
    'two merge keys under okta (the later wins in PyYAML)',
    `a: &a {enabled: true}\nb: &b {enabled: false}\nexternalServices:\n  auth:\n    okta:\n      <<: *a\n      <<: *b\n`,
    'YAML_MERGE_KEY',
    6,
    7,
    true,
  ],
  ['merge of a scalar', `api:\n  <<: 1\n${OKTA}`, 'YAML_MERGE_KEY', 2, 3, true],
  ['plain =', `a: =\n${OKTA}`, 'YAML_PLAIN_INDICATOR', 1, 4, true],
  ['plain << as a value', `a: <<\n${OKTA}`, 'YAML_PLAIN_INDICATOR', 1, 4, true],
  ['python tag', `a: !!python/object/apply:os.system ["id"]\n${OKTA}`, 'YAML_UNSAFE_TAG', 1, 4, true],
  ['!!merge tag', `a: !!merge x\n${OKTA}`, 'YAML_UNSAFE_TAG', 1, 4, true],
  ['!!bool on n', OKTA.replace('false', '!!bool "n"'), 'YAML_TAG_UNSUPPORTED', 4, 16, true],
  ['non-specific ! on yes', OKTA.replace('false', '! yes'), 'YAML_TAG_UNSUPPORTED', 4, 16, true],
  ['nested 600 deep (PyYAML: RecursionError)', `a: ${'['.repeat(600)}${']'.repeat(600)}\n${OKTA}`, 'YAML_TOO_DEEP', 1, 103, true],
];

/** `yaml` alone, as the tool read configs before these rules, in PyYAML's canonical JSON. */
function yamlAlone(text: string): string | undefined {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false });
  if (doc.errors.length > 0) return undefined;
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v !== null && typeof v === 'object' && !(v instanceof Date)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
          )
        : v;
  try {
    return JSON.stringify(sort(doc.toJS({ maxAliasCount: 100 })));
  } catch {
    return undefined;
  }
}

describe('each PyYAML rule, checked against PyYAML itself', () => {
  it.each(RULES)('%s → %s at %i:%i', async (_name, text, code, line, column, differs) => {
    const cfg = parseConfig(text, 'values.yaml');
    // one finding per problem (two merge keys are two), nothing that follows from it
    expect(cfg.findings.map((f) => [f.code, f.location?.line, f.location?.column])[0]).toEqual([code, line, column]);
    expect(new Set(cfg.findings.map((f) => f.code))).toEqual(new Set([code]));
    if (!py) return;
    const [p] = await py.load([text], { full: true });
    const pyyaml = p?.ok ? p.data : undefined;
    expect(pyyaml === undefined || pyyaml !== yamlAlone(text)).toBe(differs);
  });
});

describe('lint on a config PyYAML would read differently: its YAML findings only', () => {
  const validateXml = () => ({ findings: [] }) as never;
  const lint = (text: string, skipNonPolyaxon = false) =>
    lintConfig(text, 'values.yaml', { validateXml, skipNonPolyaxon, requireOkta: true });

  it('a merge key under auth is YAML_MERGE_KEY, not an unknown provider "Symbol(<<)"', () => {
    const r = lint('base: &b {okta: {enabled: true}}\nexternalServices:\n  auth:\n    <<: *b\n');
    expect(r.findings.map((f) => f.code)).toEqual(['YAML_MERGE_KEY']);
  });

  it('no OKTA_ABSENT (or anything else) for a file that cannot be read as PyYAML reads it', () => {
    for (const text of ['a: 1 # c\u2028externalServices: {}\n', 'a:\tb\n', 'x: [1\n', '%YAML 1.2\n---\na: 1\n'])
      expect(lint(text).findings.map((f) => f.code)).toHaveLength(1);
  });

  it("bytes that are not UTF-8 (Python's decoder refuses them): one finding at the first", () => {
    const bytes = Buffer.concat([Buffer.from('hostName: "\u00e9'), Buffer.from([0xff, 0xfe]), Buffer.from(`"\n${OKTA}`)]);
    const r = lintConfig(bytes.toString('utf8'), 'values.yaml', { validateXml, bytes });
    expect(r.findings.map((f) => [f.code, f.location?.line, f.location?.column])).toEqual([['YAML_FORBIDDEN_CHAR', 1, 13]]);
    const genuine = Buffer.from(`hostName: "\uFFFD"\n${OKTA}`);
    expect(
      lintConfig(genuine.toString('utf8'), 'values.yaml', { validateXml, bytes: genuine }).findings.filter((f) =>
        f.code.startsWith('YAML_'),
      ),
    ).toEqual([]);
  });

  it('directory mode: a file whose keys come from a merge is linted, not skipped', () => {
    const merged = 'base: &b\n  externalServices:\n    auth:\n      okta: {enabled: true}\n<<: *b\n';
    const r = lint(merged, true);
    expect(r.skipped).toBeUndefined();
    expect(r.findings.map((f) => f.code)).toEqual(['YAML_MERGE_KEY']);
    // keys that come from a merge somewhere PyYAML resolves it count too (merged ones included)
    const keys = parseConfig('d: &d {hostName: x}\nother: {<<: *d}\n').topLevelKeys;
    expect(keys).toEqual(['d', 'other']);
  });

  it('merges elsewhere are read as PyYAML reads them (the later << wins; own keys win)', () => {
    const cfg = parseConfig('a: &a {x: 1, y: 1}\nb: &b {x: 2}\nc:\n  <<: *a\n  <<: *b\n  y: 3\n');
    expect(cfg.findings).toEqual([]);
    const c = getEntry(cfg.doc?.contents as never, 'c', cfg.doc as never)?.value;
    expect(entries(c as never, cfg.doc as never).map((e) => [e.key, (e.value as { value: unknown }).value])).toEqual([
      ['x', 2],
      ['y', 3],
    ]);
  });
});
