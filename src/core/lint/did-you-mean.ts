/**
 * "Did you mean" for mistyped keys (`otka`, `enbled`, `option`). Optimal string alignment distance
 * counts a swap of two neighbours as one edit, so `otka` is one edit from `okta`, not two.
 */
export function editDistance(a: string, b: string): number {
  // three rolling rows (i-2, i-1, i) instead of a table: this runs for every unknown key
  const cols = b.length + 1;
  let prev2 = new Int32Array(cols);
  let prev = Int32Array.from({ length: cols }, (_, j) => j);
  let cur = new Int32Array(cols);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length] as number;
}

/** The closest candidate within 2 edits (case-insensitive), or undefined. Ties: first in list. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  const lower = input.toLowerCase();
  for (const cand of candidates) {
    // the distance is at least the difference in length: skip the table when it cannot win, so a
    // config with 100 000 unknown keys costs a length check per candidate, not a table each
    if (Math.abs(lower.length - cand.length) >= bestDistance) continue;
    const dist = editDistance(lower, cand.toLowerCase());
    if (dist < bestDistance) {
      best = cand;
      bestDistance = dist;
    }
  }
  return best;
}
