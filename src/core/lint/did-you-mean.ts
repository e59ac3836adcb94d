/**
 * "Did you mean" for mistyped keys (`otka`, `enbled`, `option`). Optimal string alignment distance
 * counts a swap of two neighbours as one edit, so `otka` is one edit from `okta`, not two.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = v;
    }
  }
  return at(a.length, b.length);
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
