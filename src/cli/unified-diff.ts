/**
 * A unified diff (the `diff -u` / `git diff` format) of two texts, for `patch --diff`. Common
 * leading and trailing lines are set aside first, so the quadratic LCS only runs over the changed
 * middle (the okta block), whatever the size of the file.
 */
export function unifiedDiff(before: string, after: string, oldName: string, newName: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let post = 0;
  while (post < a.length - pre && post < b.length - pre && a[a.length - 1 - post] === b[b.length - 1 - post]) post++;
  const ops: Op[] = [];
  for (let i = 0; i < pre; i++) ops.push({ t: ' ', line: a[i] as string });
  ops.push(...lcsOps(a.slice(pre, a.length - post), b.slice(pre, b.length - post)));
  for (let i = a.length - post; i < a.length; i++) ops.push({ t: ' ', line: a[i] as string });
  return `--- ${oldName}\n+++ ${newName}\n${hunks(ops, context).join('')}`;
}

interface Op {
  t: ' ' | '-' | '+';
  line: string;
}

/** Lines with their end kept apart: the last one is marked when the file has no final newline. */
function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += '\n\\ No newline at end of file';
  return lines;
}

function lcsOps(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const dp = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = dp[i] as Uint32Array;
    const next = dp[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j--)
      row[j] = a[i] === b[j] ? (next[j + 1] as number) + 1 : Math.max(next[j] as number, row[j + 1] as number);
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ t: ' ', line: a[i++] as string });
      j++;
    } else if (i < n && (j === m || (dp[i + 1] as Uint32Array)[j]! >= (dp[i] as Uint32Array)[j + 1]!))
      ops.push({ t: '-', line: a[i++] as string });
    else ops.push({ t: '+', line: b[j++] as string });
  }
  return ops;
}

/** Changes closer than 2*context unchanged lines share a hunk, as in GNU diff. */
function hunks(ops: Op[], context: number): string[] {
  const changes = ops.flatMap((o, i) => (o.t === ' ' ? [] : [i]));
  const groups: [number, number][] = [];
  for (const c of changes) {
    const last = groups[groups.length - 1];
    if (last && c - last[1] - 1 <= 2 * context) last[1] = c;
    else groups.push([c, c]);
  }
  return groups.map(([first, last]) => renderHunk(ops, Math.max(0, first - context), Math.min(ops.length, last + 1 + context)));
}

function renderHunk(ops: Op[], start: number, end: number): string {
  let oldLine = 1;
  let newLine = 1;
  for (let i = 0; i < start; i++) {
    if (ops[i]?.t !== '+') oldLine++;
    if (ops[i]?.t !== '-') newLine++;
  }
  const body = ops.slice(start, end);
  const oldCount = body.filter((o) => o.t !== '+').length;
  const newCount = body.filter((o) => o.t !== '-').length;
  const range = (line: number, count: number) => (count === 0 ? `${line - 1},0` : count === 1 ? `${line}` : `${line},${count}`);
  return `@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@\n${body.map((o) => `${o.t}${o.line}\n`).join('')}`;
}
