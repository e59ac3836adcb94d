import { describe, expect, it } from 'vitest';
import { isOperationalError } from '../../../src/core/errors.js';
import { affordableBytes, HEAP_PER_INPUT_BYTE, heapGuard, heapSizedByHand, memorySeen } from '../../../src/cli/heap-guard.js';

const MB = 2 ** 20;
const GB = 2 ** 30;

/** The size judgement that keeps a too-big document from crashing V8; no real heap needed. */
describe('heapGuard', () => {
  const stats = { heap_size_limit: 4 * GB, used_heap_size: 16 * MB };

  it('affords (limit − used − 64 MB) / bytes-per-byte', () => {
    expect(HEAP_PER_INPUT_BYTE).toBe(30);
    expect(affordableBytes(stats)).toBe(Math.floor((4 * GB - 16 * MB - 64 * MB) / 30));
    expect(affordableBytes({ heap_size_limit: 64 * MB, used_heap_size: 8 * MB })).toBe(0);
  });

  it('lets through what fits, up to the byte', () => {
    expect(() => heapGuard(affordableBytes(stats), 'big.xml', stats)).not.toThrow();
    expect(() => heapGuard(25 * MB, 'agg-10k.xml', stats)).not.toThrow();
  });

  it('refuses what does not, as INPUT_TOO_LARGE (exit 2) with a NODE_OPTIONS hint in whole GB', () => {
    let caught: unknown;
    try {
      heapGuard(245 * MB, 'agg-100k.xml', stats);
    } catch (e) {
      caught = e;
    }
    expect(isOperationalError(caught)).toBe(true);
    const e = caught as { code: string; exitCode: number; hint?: string; message: string };
    expect([e.code, e.exitCode]).toEqual(['INPUT_TOO_LARGE', 2]);
    // need = 16 MB + 64 MB + 245 MB × 30 = 7430 MB → 8 GB
    expect(e.hint).toContain('NODE_OPTIONS=--max-old-space-size=8192 ');
    expect(e.message).not.toContain('\n');
    expect(() => heapGuard(affordableBytes(stats) + 1, 'big.xml', stats)).toThrow();
  });
});

describe('heapSizedByHand (when small inputs must still be judged)', () => {
  it('sees --max-old-space-size / --max-heap-size in execArgv or NODE_OPTIONS, in either spelling', () => {
    expect(heapSizedByHand([], '')).toBe(false);
    expect(heapSizedByHand(['--max-old-space-size=64'], '')).toBe(true);
    expect(heapSizedByHand([], '--max_old_space_size=64')).toBe(true);
    expect(heapSizedByHand([], '--enable-source-maps --max-heap-size=100')).toBe(true);
    expect(heapSizedByHand(['--max-semi-space-size=16'], '--trace-gc')).toBe(false);
  });

  it('takes the cgroup limit when there is one, else physical memory', () => {
    expect(memorySeen(512 * MB, () => 64 * GB)).toBe(512 * MB);
    expect(memorySeen(2 ** 64, () => 64 * GB)).toBe(64 * GB);
    expect(memorySeen(0, () => 768 * MB)).toBe(768 * MB);
  });

  it('with given stats, a small input is judged like any other', () => {
    expect(() => heapGuard(2 ** 20, 'small.xml', { heap_size_limit: 64 * MB, used_heap_size: 8 * MB })).toThrow();
  });
});
