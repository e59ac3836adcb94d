import { afterEach, describe, expect, it } from 'vitest';
import { manageJitForTests, SHORT_RUN_BYTES, shortRunIfSmall } from '../../../src/cli/jit-policy.js';
import { preloadIfSigned } from '../../../src/cli/preload-if-signed.js';

/** When the CLI turns V8's optimizing compiler off (issue 9); the flag setter is observed, not called. */
describe('shortRunIfSmall', () => {
  const calls: string[] = [];
  const manage = () => {
    calls.length = 0;
    manageJitForTests((f) => calls.push(f));
  };
  afterEach(() => manageJitForTests(undefined));

  it('turns TurboFan off once, for an input under SHORT_RUN_BYTES', async () => {
    manage();
    await shortRunIfSmall(5_000);
    await shortRunIfSmall(5_000);
    expect(calls).toEqual(['--no-opt']);
  });

  it('keeps it for a big input (a federation aggregate)', async () => {
    manage();
    await shortRunIfSmall(SHORT_RUN_BYTES);
    expect(calls).toEqual([]);
  });

  it('never touches the flags unless the bin manages them (library, in-process tests)', async () => {
    manageJitForTests(undefined);
    await shortRunIfSmall(10); // would call v8.setFlagsFromString if it did
    manage();
    manageJitForTests(undefined);
    await shortRunIfSmall(10);
    expect(calls).toEqual([]);
  });

  it('preloadIfSigned asks only for signed inputs, and only when told it is a one-document run', async () => {
    manage();
    await preloadIfSigned('<md:EntityDescriptor/>', { shortRun: true });
    await preloadIfSigned('<ds:Signature/>');
    expect(calls).toEqual([]);
    await preloadIfSigned('<ds:Signature/>', { shortRun: true });
    expect(calls).toEqual(['--no-opt']);
  });
});
