import { defineConfig } from 'vitest/config';

/**
 * `npm run fuzz` (issue 8): the property tests and the SIGKILL campaign with many more cases than
 * CI runs. FUZZ_RUNS (cases per property, default 5000) and ADV_SIGKILL_RUNS (kills, default 200)
 * can be raised further; each case keeps its hang guard (FUZZ_CASE_BOUND_MS, default 10 s).
 * YAML_DIFF_RUNS (default 50 000) sets the generated configs of the PyYAML differential, and
 * XML_DIFF_CASES (default 20 000) the generated metadata of the libxml2 differential.
 */
export default defineConfig({
  test: {
    include: [
      'test/property/**/*.test.ts',
      'test/adversarial/sigkill.test.ts',
      'test/differential/yaml-generated.test.ts',
      'test/differential/xml-libxml2.test.ts',
    ],
    env: {
      FUZZ_RUNS: process.env.FUZZ_RUNS ?? '5000',
      ADV_SIGKILL_RUNS: process.env.ADV_SIGKILL_RUNS ?? '200',
      YAML_DIFF_RUNS: process.env.YAML_DIFF_RUNS ?? '50000',
      XML_DIFF_CASES: process.env.XML_DIFF_CASES ?? '20000',
      DIFF_RANDOM_SEED: '1',
    },
    testTimeout: 4 * 60 * 60 * 1000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
