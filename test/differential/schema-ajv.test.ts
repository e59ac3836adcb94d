import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document } from 'yaml';
import { parseConfig } from '../../src/core/config/parse-config.js';
import type { Draft, Target } from '../../src/core/schema/to-json-schema.js';
import { corpusPath, HAS_CORPUS } from '../support/corpus.js';
import { verdicts } from './schema-verdict.js';

/**
 * lint's schema verdict equals a JSON-Schema validator's (ajv) on the schema `polyaxon-sso schema`
 * prints: on every fixture and corpus config, and on mutations of valid configs (typos in keys,
 * wrong types, extra keys, at every level), for both targets and both JSON Schema drafts.
 * Out of scope, because JSON cannot tell them apart from what PyYAML reads: 80.0 vs 80 in a
 * StrictInt field, non-string keys, dates, 1e3 (a string in YAML 1.1).
 */
const COMBOS: [Draft, Target][] = [
  ['2020-12', 'polyaxon-cli'],
  ['07', 'polyaxon-cli'],
  ['2020-12', 'helm'],
  ['07', 'helm'],
];

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(n) ? [p] : [];
  });
}

const FIXTURES = ['fixtures/configs', 'fixtures/configs-lint', 'fixtures/demo'].flatMap((d) => yamlFiles(join(process.cwd(), d))).sort();

describe('lint and ajv agree on every fixture config', () => {
  it.each(COMBOS)(
    'draft %s, target %s',
    (draft, target) => {
      let compared = 0;
      for (const file of FIXTURES) {
        const v = verdicts(readFileSync(file, 'utf8'), draft, target);
        if (v.yamlProblems > 0) continue;
        expect([file, v.ajv], v.errors.join(' ')).toEqual([file, v.lint]);
        compared++;
      }
      expect(compared).toBeGreaterThan(50);
    },
    60_000,
  );
});

describe.skipIf(!HAS_CORPUS)('lint and ajv agree on every corpus config', () => {
  it.each(COMBOS)(
    'draft %s, target %s',
    (draft, target) => {
      const dir = corpusPath('deployment-configs');
      for (const name of readdirSync(dir).sort()) {
        const v = verdicts(readFileSync(join(dir, name), 'utf8'), draft, target);
        expect([name, v.ajv], v.errors.join(' ')).toEqual([name, v.lint]);
      }
    },
    60_000,
  );
});

/** Valid configs to mutate: our full example plus, with the corpus, every config the CLI reads as valid. */
function bases(): unknown[] {
  const texts = [readFileSync('fixtures/configs-lint/schema-valid.yaml', 'utf8')];
  if (HAS_CORPUS) {
    const dir = corpusPath('deployment-configs');
    for (const n of readdirSync(dir)
      .filter((x) => /^polyaxon-cli-(values|all_|external_)/.test(x))
      .sort())
      texts.push(readFileSync(join(dir, n), 'utf8'));
  }
  return texts.map((t) => parseConfig(t).doc?.toJS());
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const WRONG_VALUES: Json[] = [
  'x',
  'false',
  'yes',
  'no',
  'On',
  '1',
  '',
  7,
  0,
  1,
  2.5,
  -3,
  true,
  false,
  null,
  [],
  {},
  ['a'],
  [1],
  { a: 1 },
  { enabled: 'maybe' },
];

/** Every map and list in the value, with its path. */
function containers(v: Json, path: (string | number)[] = []): { path: (string | number)[]; node: Json }[] {
  if (v === null || typeof v !== 'object') return [];
  const own = [{ path, node: v }];
  const kids = Array.isArray(v)
    ? v.map((x, i) => containers(x, [...path, i]))
    : Object.entries(v).map(([k, x]) => containers(x, [...path, k]));
  return [...own, ...kids.flat()];
}

function typo(key: string, how: number): string {
  if (key.length < 2) return `${key}x`;
  switch (how % 4) {
    case 0:
      return key.slice(0, -1);
    case 1:
      return `${key.slice(0, 1)}${key.slice(2, 3)}${key.slice(1, 2)}${key.slice(3)}`;
    case 2:
      return `${key}s`;
    default:
      return key.slice(0, 1).toUpperCase() === key.slice(0, 1) ? key.toLowerCase() : `${key.slice(0, 1).toUpperCase()}${key.slice(1)}`;
  }
}

interface Mutation {
  kind: 'typo' | 'type' | 'extra';
  at: number;
  pick: number;
  how: number;
}

function mutate(base: Json, muts: Mutation[]): Json {
  const v = structuredClone(base);
  for (const m of muts) {
    const all = containers(v);
    const c = all[m.at % all.length];
    if (!c || c.node === null || typeof c.node !== 'object') continue;
    if (Array.isArray(c.node)) {
      if (c.node.length > 0 && m.kind === 'type') c.node[m.pick % c.node.length] = WRONG_VALUES[m.how % WRONG_VALUES.length] as Json;
      continue;
    }
    const obj = c.node as Record<string, Json>;
    const keys = Object.keys(obj);
    if (m.kind === 'extra' || keys.length === 0) {
      obj[['extraKey', 'enabledd', 'image_tag', 'foo'][m.how % 4] as string] = WRONG_VALUES[m.pick % WRONG_VALUES.length] as Json;
      continue;
    }
    const key = keys[m.pick % keys.length] as string;
    if (m.kind === 'type') obj[key] = WRONG_VALUES[m.how % WRONG_VALUES.length] as Json;
    else {
      const value = obj[key] as Json;
      delete obj[key];
      obj[typo(key, m.how)] = value;
    }
  }
  return v;
}

const mutationArb = fc.array(
  fc.record({ kind: fc.constantFrom<Mutation['kind']>('typo', 'type', 'extra'), at: fc.nat(), pick: fc.nat(), how: fc.nat() }),
  { minLength: 1, maxLength: 3 },
);

describe('lint and ajv agree on mutated configs (typos, wrong types, extra keys at every level)', () => {
  const docs = bases() as Json[];

  it.each(COMBOS)(
    'draft %s, target %s',
    (draft, target) => {
      let invalid = 0;
      let runs = 0;
      fc.assert(
        fc.property(fc.nat({ max: docs.length - 1 }), mutationArb, (i, muts) => {
          const value = mutate(docs[i] as Json, muts);
          const text = new Document(value, { version: '1.1' }).toString();
          const v = verdicts(text, draft, target);
          if (v.yamlProblems > 0) return true;
          runs++;
          if (!v.lint) invalid++;
          expect({ ajv: v.ajv, text }, v.errors.join(' ')).toEqual({ ajv: v.lint, text });
          return true;
        }),
        { numRuns: 100, seed: 20261206 },
      );
      // The mutations do exercise both verdicts.
      expect(runs).toBeGreaterThan(80);
      expect(invalid).toBeGreaterThan(runs / (target === 'helm' ? 10 : 4));
      expect(invalid).toBeLessThan(runs);
    },
    60_000,
  );
});
