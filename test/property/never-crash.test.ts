import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOperationalError } from '../../src/core/errors.js';
import type { Finding } from '../../src/core/findings.js';
import { lintConfig } from '../../src/core/lint/lint-config.js';
import { validateMetadata, validateMetadataBytes } from '../../src/core/metadata/validate-metadata.js';
import { planPatch } from '../../src/core/patch/plan-patch.js';
import { checkResponse } from '../../src/core/response/check-response.js';
import { decodeInput } from '../../src/core/response/decode-input.js';
import { parseHost } from '../../src/core/urls/parse-host.js';
import { decodeXml } from '../../src/core/xml/decode-xml.js';
import { scanHostile } from '../../src/core/xml/scan-hostile.js';
import { ACS, AUDIENCE, metadata, pem, signedResponse } from '../support/xml-fixtures.js';
import { CONFIG_SEEDS, METADATA_SEEDS, PROPERTY_TIMEOUT_MS, RUNS, bounded, mutated } from './arbitraries.js';
import { TEST_CLOCK as NOW } from '../support/clock.js';

/**
 * Random mutations of real metadata (the corpus), of our fixtures, of configs and of responses
 * never crash the core: every outcome is a report with well-formed findings, or a typed
 * OperationalError; never another exception, never longer than the per-case bound.
 */
const SEVERITIES = new Set(['error', 'warning', 'info']);

function wellFormed(findings: Finding[]): void {
  for (const f of findings) {
    expect(f.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
    expect(SEVERITIES.has(f.severity)).toBe(true);
    expect(typeof f.message).toBe('string');
  }
}

/** A typed error is an outcome; anything else escaping the core is a bug. */
function reportOrTyped<T>(fn: () => T): T | undefined {
  try {
    return bounded(fn);
  } catch (e) {
    if (isOperationalError(e)) {
      expect(e.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      return undefined;
    }
    throw e;
  }
}

const opts = { numRuns: RUNS };

describe('property: the core never crashes on mutated input', () => {
  it(`validateMetadataBytes on mutated corpus and fixture metadata (${RUNS} cases)`, { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(mutated(METADATA_SEEDS), (bytes) => {
        const r = bounded(() => validateMetadataBytes(bytes, { now: NOW, signerCerts: [pem('okta-like.cert.pem')] }));
        wellFormed(r.findings);
        // Never "valid" without a signed document whose values come from the covered element.
        if (r.signatureValid === true) expect(r.metadata?.signed).toBe(true);
        if (r.metadata) expect(typeof r.metadata.entityId).toBe('string');
      }),
      opts,
    );
  });

  it('decodeXml and scanHostile on arbitrary bytes and strings', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2048 }),
          fc.string({ maxLength: 2048, unit: 'binary' }).map((s) => Buffer.from(s, 'utf8')),
        ),
        (bytes) => {
          const d = bounded(() => decodeXml(bytes));
          wellFormed(d.findings);
          if (d.text !== undefined) wellFormed(bounded(() => scanHostile(d.text as string)).findings);
        },
      ),
      opts,
    );
  });

  it('lintConfig on mutated corpus configs', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    const validateXml = (xml: string) => validateMetadata(xml, { now: NOW });
    fc.assert(
      fc.property(mutated(CONFIG_SEEDS), (bytes) => {
        const r = reportOrTyped(() => lintConfig(bytes.toString('utf8'), 'values.yaml', { validateXml }));
        if (r) wellFormed(r.findings);
      }),
      opts,
    );
  });

  it('planPatch on mutated corpus configs: a plan or a typed refusal', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    const xml = metadata();
    fc.assert(
      fc.property(mutated(CONFIG_SEEDS), (bytes) => {
        const plan = reportOrTyped(() => planPatch(bytes.toString('utf8'), { mode: 'enable', xml, file: 'values.yaml' }));
        if (plan) {
          expect(typeof plan.text).toBe('string');
          wellFormed(plan.findings);
        }
      }),
      opts,
    );
  });

  it('checkResponse and decodeInput on mutated signed responses', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    const seeds = [signedResponse(), signedResponse({ nameId: 'bob@acme.com' })];
    const attributes = { email: 'email', firstName: 'firstName', lastName: 'lastName', groups: 'groups', groupsFilter: '.*' };
    const trusted = [pem('okta-like.cert.pem')];
    fc.assert(
      fc.property(mutated(seeds), (bytes) => {
        reportOrTyped(() => decodeInput(bytes, { acsUrl: ACS, maxBytes: 10 * 1024 * 1024 }));
        const r = reportOrTyped(() =>
          checkResponse(bytes, { trustedCerts: trusted, audience: AUDIENCE, acsUrl: ACS, now: NOW, clockSkewSeconds: 180, attributes }),
        );
        if (r) wellFormed(r.findings);
      }),
      opts,
    );
  });

  it('parseHost on arbitrary strings: never throws; an accepted host is exactly a URL host', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    const hostish = fc.stringMatching(/^[a-zA-Z0-9.\-:[\]/#@%?\\ \t\u0430\u0435]{0,40}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80, unit: 'binary' }), hostish), (input) => {
        const r = bounded(() => parseHost(input));
        if (!r.ok) return;
        const url = new URL(`${r.value.origin}/sso/okta/acs/acme`);
        expect(url.host).toBe(r.value.host);
        expect(url.pathname).toBe('/sso/okta/acs/acme');
        expect(url.username + url.password + url.search + url.hash).toBe('');
      }),
      { numRuns: RUNS * 4 },
    );
  });
});
