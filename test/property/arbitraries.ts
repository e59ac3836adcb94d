import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { HAS_CORPUS, corpusPath } from '../support/corpus.js';
import { b64, metadata } from '../support/xml-fixtures.js';

/**
 * Shared material of the property tests: seeds (real metadata and configs from the
 * corpus, our fixtures) and byte-level mutations of them. FUZZ_RUNS sets how many cases a
 * property runs: bounded in CI, large under `npm run fuzz`.
 */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/** A generous per-case hang guard (not a performance assertion). */
export const CASE_BOUND_MS = Number(process.env.FUZZ_CASE_BOUND_MS ?? 10_000);
/** The vitest timeout for a whole property: RUNS cases, each far below the bound in practice. */
export const PROPERTY_TIMEOUT_MS = Math.max(60_000, RUNS * 400);

const readDir = (dir: string, ext: RegExp): string[] =>
  HAS_CORPUS
    ? readdirSync(corpusPath(dir))
        .filter((n) => ext.test(n))
        .map((n) => readFileSync(join(corpusPath(dir), n), 'utf8'))
    : [];

/** Real metadata nobody here wrote, plus our own fixture shapes. */
export const METADATA_SEEDS: string[] = [
  ...readDir('okta-metadata', /\.xml$/),
  ...readDir('other-idp-metadata', /\.xml$/).filter((t) => t.length < 100_000),
  ...readDir('attacks', /\.xml$/).filter((t) => t.length < 100_000),
  metadata(),
  metadata({ certText: b64('okta-rotation.cert.pem') }),
];

export const CONFIG_SEEDS: string[] = [
  ...readDir('deployment-configs', /\.ya?ml$/),
  '# deployment\nhostName: polyaxon.acme.com\n',
  'externalServices:\n  auth:\n    okta:\n      enabled: false\n',
  'ingress: {enabled: true, hostName: polyaxon.acme.com}\nexternalServices: {auth: {github: {enabled: true}}}\n',
  '',
];

/** Fragments that break parsers in interesting ways. */
const HOSTILE = [
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '<!ENTITY a "b">',
  '&a;',
  '&#0;',
  '&#x10FFFF;',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<?pi x?>',
  '<',
  '>',
  '&',
  '"',
  "'",
  '\0',
  '\uFEFF',
  '\r',
  '\u2028',
  'xmlns:md="urn:evil"',
  'ID="x"',
  'Id="x"',
  '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/>',
  '</md:EntityDescriptor>',
  '<md:EntityDescriptor>',
  '__proto__',
  'constructor',
  '\n---\n',
  ': ',
  '&anchor ',
  '*anchor',
  '!!python/object/apply:os.system',
  '{',
  '[',
  '\t',
];

export type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'truncate'; at: number };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    text: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 8 })),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: position, length: fc.integer({ min: 1, max: 512 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
);

/** Applies mutations to bytes; `at` is a fraction of the current length. */
export function mutate(seed: Buffer, mutations: Mutation[]): Buffer {
  let b = Buffer.from(seed);
  for (const m of mutations) {
    const at = Math.floor(m.at * b.length);
    if (m.kind === 'flip' && b.length > 0) b[at] = (b[at] as number) ^ (1 << m.bit);
    else if (m.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(m.text, 'utf8'), b.subarray(at)]);
    else if (m.kind === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.length)]);
    else if (m.kind === 'duplicate')
      b = Buffer.concat([b.subarray(0, at + m.length), b.subarray(at, at + m.length), b.subarray(at + m.length)]);
    else if (m.kind === 'truncate') b = b.subarray(0, at);
  }
  return b;
}

/** A seed and a few mutations of it. */
export const mutated = (seeds: string[]): fc.Arbitrary<Buffer> =>
  fc
    .tuple(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 4 }))
    .map(([i, ms]) => mutate(Buffer.from(seeds[i] as string, 'utf8'), ms));

/** Runs `fn` and fails if it takes longer than the case bound (a hang guard for sync code). */
export function bounded<T>(fn: () => T): T {
  const t0 = performance.now();
  const out = fn();
  const ms = performance.now() - t0;
  if (ms > CASE_BOUND_MS) throw new Error(`a single case took ${Math.round(ms)} ms (bound ${CASE_BOUND_MS} ms)`);
  return out;
}
