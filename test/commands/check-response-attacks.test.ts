/**
 * Every response in corpus attacks/ (49 files) behaves as SOURCES.md "attacks: trust anchors" →
 * "what a correct SP must do" says, run with the trust anchor its own suite used and with
 * --audience, --acs-url and --now set to the response's own values, so the attack itself is what
 * gets caught. Never a crash: exit 0 or 1 and one JSON document, always.
 */
import { describe, expect, it } from 'vitest';
import { HAS_CORPUS } from '../support/corpus.js';
import { ATTACKS, runAttack } from '../support/attack-table.js';

describe.skipIf(!HAS_CORPUS)('check-response: corpus attacks/ with their own trust anchors', () => {
  it('covers all 49 attack responses', () => expect(ATTACKS).toHaveLength(49));

  it.each(ATTACKS)(
    '%s',
    async (file, anchor, valid, nameId) => {
      const { code, json } = await runAttack(file, anchor);
      expect(json.schemaVersion).toBe(1);
      expect(json.signatureValid).toBe(valid);
      expect(code).toBe(json.ok ? 0 : 1);
      if (!valid) expect([code, json.ok]).toEqual([1, false]);
      if (typeof nameId === 'string' || nameId === null) expect(json.nameId).toBe(nameId);
      else if (nameId !== undefined) expect(json.nameId).not.toBe(nameId.not);
    },
    20_000,
  );
});
