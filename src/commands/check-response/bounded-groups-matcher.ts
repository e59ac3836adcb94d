/**
 * A GroupsMatcher that cannot hang the CLI: the admin's --groups-filter runs against
 * untrusted group values in a worker thread, and the caller waits at most `timeoutMs`. A RegExp
 * cannot be interrupted from its own thread, but a worker can be terminated mid-match.
 * Synchronous for core's sake: Atomics.wait on a shared flag, then receiveMessageOnPort.
 */
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { GroupsMatcher } from '../../core/response/groups-filter.js';

/** Generous: a worker starts in ~50–150 ms; sane filters on ≤ 256-character values take microseconds. */
export const GROUPS_MATCH_TIMEOUT_MS = 2000;

// Plain CommonJS so the worker needs no loader or build step.
const WORKER = `
const { workerData } = require('node:worker_threads');
const { pattern, values, port, flag } = workerData;
let result;
try { const re = new RegExp(pattern); result = values.map((v) => re.test(v)); } catch { result = 'invalid'; }
port.postMessage(result);
Atomics.store(flag, 0, 1);
Atomics.notify(flag, 0);
`;

/** `.*` (the default) and other patterns without quantified groups cannot backtrack badly: no worker. */
const TRIVIAL = new Set(['^(?:.*)$', '^(?:.+)$']);

export function boundedGroupsMatcher(timeoutMs = GROUPS_MATCH_TIMEOUT_MS): GroupsMatcher {
  return (pattern, values) => {
    if (TRIVIAL.has(pattern)) {
      const re = new RegExp(pattern);
      return values.map((v) => re.test(v));
    }
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    let worker: Worker;
    try {
      worker = new Worker(WORKER, {
        eval: true,
        workerData: { pattern, values, port: port2, flag },
        transferList: [port2],
        resourceLimits: { maxOldGenerationSizeMb: 64 },
      });
    } catch {
      port1.close();
      return undefined;
    }
    worker.unref();
    Atomics.wait(flag, 0, 0, timeoutMs);
    const msg = receiveMessageOnPort(port1);
    port1.close();
    void worker.terminate();
    const result = msg?.message as boolean[] | 'invalid' | undefined;
    // checkGroupsFilter treats a throw like the invalid regex the CLI refuses up front.
    if (result === 'invalid') throw new SyntaxError(`invalid regular expression ${pattern}`);
    return result;
  };
}
