import type { HeapInfo } from 'node:v8';
import { inputError } from '../core/errors.js';

/**
 * A document too big for the JavaScript heap must fail with a clear message, never a V8 crash dump
 *. V8 cannot be asked to fail gracefully once a parse is under way, so inputs are judged
 * by size *before* parsing. Checking a signed document holds our DOM, xml-crypto's re-parse and a
 * deep clone of it, and canonical strings: measured on the bench's signed 25 MB aggregate, Node 20
 * needed ~620 MB of old space (~24 bytes per input byte; 560 MB crashed). 30 per byte plus a base
 * keeps a margin; at Node's default 4 GB heap that refuses inputs above ~130 MB, far over the
 * default --max-size of 10 MB.
 */
export const HEAP_PER_INPUT_BYTE = 30;
const HEAP_BASE = 64 * 2 ** 20;

type HeapStats = Pick<HeapInfo, 'heap_size_limit' | 'used_heap_size'>;

/**
 * Asking V8 means loading node:v8 (8 internal modules, ~4 ms of every start). An input up
 * to 1 MB needs at most ~94 MB by the estimate above, and Node sizes V8's default heap from the
 * memory it sees (the cgroup limit, else physical memory): a quarter of it or more, up to a cap of
 * some GB (4 GB here). With 1 GB or more and no heap size given by hand, that input fits without
 * asking. Everything else is asked.
 */
const FITS_ANY_DEFAULT_HEAP = 2 ** 20;
const ROOMY_MEMORY = 2 ** 30;

export function heapSizedByHand(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): boolean {
  return /--max[-_](old[-_]space|heap)[-_]size/.test(`${execArgv.join(' ')} ${nodeOptions}`);
}

/** The memory Node sized the default heap from: the cgroup limit when there is one (Node reports 2^64 otherwise). */
export function memorySeen(constrained: number = process.constrainedMemory?.() ?? 0, physical = (): number => os().totalmem()): number {
  return constrained > 0 && constrained < 2 ** 62 ? constrained : physical();
}

const os = () => process.getBuiltinModule('node:os') as typeof import('node:os');

const heapStatistics = (): HeapStats => (process.getBuiltinModule('node:v8') as typeof import('node:v8')).getHeapStatistics();

/** The largest input this process can check with its current heap limit. */
export function affordableBytes(stats: HeapStats = heapStatistics()): number {
  return Math.max(0, Math.floor((stats.heap_size_limit - stats.used_heap_size - HEAP_BASE) / HEAP_PER_INPUT_BYTE));
}

/** Throws INPUT_TOO_LARGE (exit 2) when `bytes` of input cannot be checked within the heap. */
export function heapGuard(bytes: number, shown: string, given?: HeapStats): void {
  if (!given && bytes <= FITS_ANY_DEFAULT_HEAP && !heapSizedByHand() && memorySeen() >= ROOMY_MEMORY) return;
  const stats = given ?? heapStatistics();
  if (bytes <= affordableBytes(stats)) return;
  const need = stats.used_heap_size + HEAP_BASE + bytes * HEAP_PER_INPUT_BYTE;
  const suggestMb = Math.ceil(need / 2 ** 30) * 1024;
  throw inputError(
    `${shown} (${mib(bytes)}) needs about ${gib(need)} of memory to check, more than this Node.js process may use (${gib(stats.heap_size_limit)})`,
    'INPUT_TOO_LARGE',
    `Give Node.js a bigger heap on a machine with that much free memory: NODE_OPTIONS=--max-old-space-size=${suggestMb} polyaxon-sso …`,
  );
}

const mib = (n: number): string => `${(n / 2 ** 20).toFixed(n < 10 * 2 ** 20 ? 1 : 0)} MB`;
const gib = (n: number): string => `${(n / 2 ** 30).toFixed(1)} GB`;
