import fc from 'fast-check';
import { parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isOperationalError } from '../../../src/core/errors.js';
import { planPatch } from '../../../src/core/patch/plan-patch.js';
import { expectConfinedToOkta } from '../../support/patch-helpers.js';

/**
 * Random configs around the okta path (block and flow style, nulls, extra keys, indent 2–4,
 * CRLF, BOM, comments): planPatch either refuses with a stable PATCH_* code, or its result reads
 * back as the exact XML, touches only the okta region, and is a no-op the second time. The
 * planner's own self-check must never fire (PATCH_SELF_CHECK_FAILED would be a bug).
 */
const scalar = fc.oneof(
  fc.constantFrom(null, true, false, 0, 'yes', 'on', '1:20', 'a # b', '', 'x: y', '- z'),
  fc.string({ maxLength: 8 }),
);
const leaf = fc.dictionary(fc.constantFrom('enabled', 'backend', 'url', 'foo'), scalar, { maxKeys: 3 });
const options = fc.oneof(fc.constant(null), fc.dictionary(fc.constantFrom('xml', 'foo', 'attributeEmail'), scalar, { maxKeys: 2 }));
const okta = fc.oneof(fc.constant(null), fc.record({ enabled: fc.constantFrom(true, false, 'true', null), options }, { requiredKeys: [] }));
const auth = fc.oneof(fc.constant(null), fc.constant('none'), fc.record({ github: leaf, okta, google: leaf }, { requiredKeys: [] }));
const externalServices = fc.oneof(fc.constant(null), fc.record({ redis: leaf, auth, postgresql: leaf }, { requiredKeys: [] }));
const config = fc.record({ hostName: scalar, externalServices, ingress: leaf, zz: scalar }, { requiredKeys: [] });

const text = fc
  .record({
    data: config,
    indent: fc.integer({ min: 2, max: 4 }),
    style: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>,
    comment: fc.boolean(),
    crlf: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ data, indent, style, comment, crlf, bom }) => {
    let t = stringify(data, { indent, collectionStyle: style, version: '1.1', lineWidth: 0 });
    if (comment) t = t.replace(/^(\s*)(auth|okta|externalServices):(.*)$/m, '$1# about $2\n$1$2:$3  # inline');
    if (crlf) t = t.replace(/\n/g, '\r\n');
    return (bom ? '\uFEFF' : '') + t;
  });

const XML = '<?xml version="1.0"?>\n<md:EntityDescriptor entityID="http://www.okta.com/exkP">\n  <x>yes: on</x>\n</md:EntityDescriptor>';

describe('planPatch on random configs', () => {
  it('refuses with a stable code or writes exactly the okta block', () => {
    fc.assert(
      fc.property(text, (t) => {
        let plan;
        try {
          plan = planPatch(t, { mode: 'enable', xml: XML });
        } catch (e) {
          if (!isOperationalError(e)) throw e;
          expect(e.code).toMatch(/^PATCH_(NOT_A_MAP|BAD_VALUE|FLOW_UNSUPPORTED)$/);
          return;
        }
        const doc = parseDocument(plan.text.replace(/^\uFEFF/, ''), { version: '1.1' });
        expect(doc.getIn(['externalServices', 'auth', 'okta', 'options', 'xml'])).toBe(XML);
        expect(plan.text.startsWith('\uFEFF')).toBe(t.startsWith('\uFEFF'));
        expectConfinedToOkta(t, plan.text);
        expect(planPatch(plan.text, { mode: 'enable', xml: XML }).changed).toBe(false);
      }),
      { numRuns: 400, seed: 4 },
    );
  });
});
