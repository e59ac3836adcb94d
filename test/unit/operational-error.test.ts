import { describe, expect, it } from 'vitest';
import { EXIT, OperationalError, inputError, isOperationalError } from '../../src/core/errors.js';

/**
 * The built CLI bundles each command on its own, so an error a command throws is an
 * instance of that bundle's OperationalError, not cli-main's: the brand must still recognise it.
 */
describe('isOperationalError', () => {
  it('recognises this copy of the class', () => {
    expect(isOperationalError(inputError('x', 'INPUT_NOT_FOUND'))).toBe(true);
  });

  it('recognises an OperationalError from another copy of the module (same brand, other class)', () => {
    const brand: unique symbol = Symbol.for('polyaxon-sso.OperationalError');
    class OtherCopy extends Error {
      readonly [brand] = true;
      readonly kind = 'input';
      readonly code = 'INPUT_NOT_FOUND';
      get exitCode() {
        return EXIT.CANNOT_RUN;
      }
    }
    const e = new OtherCopy('not found');
    expect(e instanceof OperationalError).toBe(false);
    expect(isOperationalError(e)).toBe(true);
  });

  it('does not take other errors or branded non-errors for one', () => {
    expect(isOperationalError(new Error('bug'))).toBe(false);
    expect(isOperationalError({ [Symbol.for('polyaxon-sso.OperationalError')]: true, message: 'x' })).toBe(false);
    expect(isOperationalError(undefined)).toBe(false);
  });
});
