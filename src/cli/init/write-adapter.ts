import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { inputError } from '../../core/errors.js';
import type { Io } from '../io.js';

/** Temporary adapter until patch's safe writer and diff land. */
export async function writeSafely(io: Io, path: string, text: string, expected: string | undefined): Promise<void> {
  const full = resolve(io.cwd, path);
  let mode = 0o644;
  if (expected !== undefined) {
    const now = await readFile(full, 'utf8').catch(() => undefined);
    if (now !== expected) throw inputError(`${path} changed since it was read; nothing written`, 'WRITE_CONFLICT', 'Run init again.');
    mode = (await stat(full)).mode & 0o777;
  }
  const tmp = join(dirname(full), `.${basename(full)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fh = await open(tmp, 'wx', mode);
    try {
      await fh.writeFile(text);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, full);
  } catch (e) {
    await rm(tmp, { force: true });
    throw inputError(`cannot write ${path}: ${(e as Error).message}`, 'WRITE_FAILED');
  }
}

export function unifiedDiff(before: string, after: string, fromName: string, toName: string): string {
  if (before === after) return '';
  const a = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const b = after.replace(/\n$/, '').split('\n');
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const start = Math.max(0, pre - 3);
  const endA = Math.min(a.length, a.length - suf + 3);
  const endB = Math.min(b.length, b.length - suf + 3);
  const lines = [`--- ${fromName}`, `+++ ${toName}`, `@@ -${a.length === 0 ? 0 : start + 1},${endA - start} +${start + 1},${endB - start} @@`];
  for (let i = start; i < pre; i++) lines.push(` ${a[i]}`);
  for (let i = pre; i < a.length - suf; i++) lines.push(`-${a[i]}`);
  for (let i = pre; i < b.length - suf; i++) lines.push(`+${b[i]}`);
  for (let i = a.length - suf; i < endA; i++) lines.push(` ${a[i]}`);
  return `${lines.join('\n')}\n`;
}
