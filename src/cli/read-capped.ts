import { inputError } from '../core/errors.js';
import { heapGuard } from './heap-guard.js';

/** The --max-size refusal, naming the real source: a path, "metadata on stdin", "the response from https://…". */
export function tooLarge(shown: string, limit: number) {
  return inputError(
    `${shown} is larger than ${limit / 1024 / 1024} MB`,
    'INPUT_TOO_LARGE',
    'Okta metadata is a few KB; check the file, or raise --max-size.',
  );
}

/**
 * Reads a stream (stdin, a download) up to `limit` bytes: stops as soon as it cannot fit, rather
 * than after buffering all of it, whatever size was announced.
 */
export async function readCapped(stream: AsyncIterable<unknown>, limit: number, shown: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    size += buf.length;
    if (size > limit) throw tooLarge(shown, limit);
    heapGuard(size, shown);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
