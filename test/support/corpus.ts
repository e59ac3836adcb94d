import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TEST_NOW } from './clock.js';

/**
 * The shared real-world corpus (docs/design.md §7, §8): POLYAXON_SSO_CORPUS or ../shared/corpus.
 * Missing under CI=true is a failure (a CI machine has it), unless POLYAXON_SSO_CORPUS_OPTIONAL=1 says
 * this run is a newcomer's clone on purpose (.ci/run sets it when it finds no corpus); otherwise
 * corpus suites are skipped with a notice.
 */
export const CORPUS = resolve(process.env.POLYAXON_SSO_CORPUS ?? join(process.cwd(), '..', 'shared', 'corpus'));
export const HAS_CORPUS = existsSync(join(CORPUS, 'SOURCES.md'));

if (!HAS_CORPUS) {
  if (process.env.CI === 'true' && process.env.POLYAXON_SSO_CORPUS_OPTIONAL !== '1')
    throw new Error(`corpus not found at ${CORPUS} (CI=true): set POLYAXON_SSO_CORPUS`);
  process.stderr.write(`notice: corpus not found at ${CORPUS}; corpus tests are skipped\n`);
}

export const corpusPath = (...parts: string[]): string => join(CORPUS, ...parts);
/** The corpus clock (docs/design.md §8): every Okta sample is valid then; the instant every test runs at. */
export const CORPUS_NOW = TEST_NOW;
