import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planPatch } from '../../src/core/patch/plan-patch.js';
import { HAS_CORPUS, corpusPath } from '../support/corpus.js';
import { startPyYaml, type PyYamlReader } from '../support/python.js';
import { applyPlant, bases, configFiles, plantArb, pyReading, toolReading } from './yaml-cases.js';
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * The YAML differential (docs/design.md, "read what the consumers read"): real configs with
 * PyYAML hazards planted in them (line breaks, forbidden characters, tabs, directives, merge keys,
 * anchors, tags, YAML 1.1 scalars, duplicate keys), read by the tool and by PyYAML safe_load in
 * one python process. Wherever the tool says OK, PyYAML must read the file, and read the same okta
 * block; wherever patch writes, PyYAML must read back the okta block patch meant.
 * YAML_DIFF_RUNS cases per run (2 000 in CI; `npm run fuzz` runs more); YAML_DIFF_SEED replays.
 */
const RUNS = Number(process.env.YAML_DIFF_RUNS ?? 2000);
// A fixed seed in the normal suite, so a landing never depends on the draw; `npm run fuzz` draws new
// ones (DIFF_RANDOM_SEED), and YAML_DIFF_SEED replays any of them.
const SEED = Number(process.env.YAML_DIFF_SEED ?? (process.env.DIFF_RANDOM_SEED ? Date.now() % 2 ** 31 : 1279757056));
const PATCH_XML = '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="http://www.okta.com/exk2"/>';

let py: PyYamlReader | null = null;
beforeAll(() => {
  py = startPyYaml();
});
afterAll(() => py?.close());

function seeds(): string[] {
  const small = (p: string) => readFileSync(p, 'utf8');
  const own = configFiles('fixtures/configs')
    .filter((p) => !p.includes('/refuse/') && !p.endsWith('.expected.yaml'))
    .map(small);
  const corpus = HAS_CORPUS ? configFiles(corpusPath('deployment-configs')).map(small) : [];
  return bases([...own, ...corpus]);
}

describe('YAML differential: generated configs against PyYAML safe_load', () => {
  it(
    `${RUNS} configs with planted hazards: tool OK ⇒ PyYAML reads the same okta block (seed ${SEED})`,
    { timeout: Math.max(120_000, RUNS * 60) },
    async () => {
      if (!py) return;
      const all = seeds();
      const caseArb = fc.tuple(fc.nat({ max: all.length - 1 }), fc.array(plantArb, { minLength: 1, maxLength: 3 }));
      const sampled = fc.sample(caseArb, { numRuns: RUNS, seed: SEED });
      const cases = sampled.map(([b, plants]) => plants.reduce(applyPlant, all[b] as string));
      const what = (i: number) => ({ i, base: sampled[i]?.[0], plants: sampled[i]?.[1] });
      const tool = cases.map(toolReading);
      const pyr = await py.load(cases);
      const bad: unknown[] = [];
      let toolOk = 0;
      let refusedButSame = 0;
      cases.forEach((text, i) => {
        const t = tool[i] as ReturnType<typeof toolReading>;
        const p = pyr[i];
        if (!t.ok) {
          if (p?.ok && JSON.stringify(pyReading(p)) === JSON.stringify(t.reading)) refusedButSame += 1;
          return;
        }
        toolOk += 1;
        if (!p?.ok) bad.push({ why: 'tool OK, PyYAML cannot read it', error: p?.error, ...what(i) });
        else if (JSON.stringify(pyReading(p)) !== JSON.stringify(t.reading))
          bad.push({ why: 'tool OK, PyYAML reads another okta block', tool: t.reading, pyyaml: pyReading(p), ...what(i) });
      });

      // What patch writes into every config the tool accepts must read back in PyYAML as meant.
      const written: { text: string; xml: string; i: number }[] = [];
      cases.forEach((text, i) => {
        if (!tool[i]?.ok) return;
        try {
          const plan = planPatch(text, { mode: 'enable', xml: PATCH_XML });
          if (plan.changed && plan.storedXml !== undefined) written.push({ text: plan.text, xml: plan.storedXml, i });
        } catch {
          // a refusal (exit 2) writes nothing
        }
      });
      const back = await py.load(written.map((w) => w.text));
      written.forEach((w, i) => {
        const o = back[i]?.okta;
        if (!back[i]?.ok || !o?.map || o.enabled !== true || o.xml !== w.xml)
          bad.push({ why: 'patch wrote a config PyYAML reads differently', pyyaml: back[i], ...what(w.i) });
      });

      // YAML_DIFF_DUMP=<file>: every disagreeing input, as JSON lines, to replay by hand
      if (process.env.YAML_DIFF_DUMP)
        writeFileSync(
          process.env.YAML_DIFF_DUMP,
          bad.map((b) => `${JSON.stringify({ ...(b as object), text: cases[(b as { i: number }).i] })}\n`).join(''),
        );
      process.stderr.write(
        `yaml differential: ${cases.length} cases (seed ${SEED}), tool OK ${toolOk}, refused though PyYAML reads the same okta block ${refusedButSame}, patched and read back ${written.length}\n`,
      );
      expect(bad.slice(0, 8)).toEqual([]);
      expect(toolOk).toBeGreaterThan(RUNS / 20);
    },
  );
});
