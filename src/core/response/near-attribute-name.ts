/**
 * "did you mean": the attribute a response carries under a near spelling of the name Polyaxon
 * expects (`Email` for `email`, `first_name` for `firstName`, `emailAddress`). SAML attribute names
 * are compared exactly (SAML core §2.7.3.1), so such a near miss is the usual cause of a missing
 * attribute when the Attribute Statement was typed by hand.
 */
const fold = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Claim URIs that end in the name (…/claims/emailaddress) count by their last segment. */
const lastSegment = (s: string): string => s.replace(/^.*[/#:]/, '');

export function nearAttributeName(wanted: string, present: readonly string[]): string | undefined {
  const w = fold(wanted);
  if (w === '') return undefined;
  const candidates = present.filter((p) => p !== wanted);
  const exact = candidates.find((p) => fold(p) === w) ?? candidates.find((p) => fold(lastSegment(p)) === w);
  if (exact !== undefined) return exact;
  // emailAddress / mail for email; givenName-style spellings are left to the list above.
  const prefix = candidates.find((p) => {
    const f = fold(lastSegment(p));
    return f.length > 0 && (f.startsWith(w) || w.startsWith(f)) && Math.abs(f.length - w.length) <= 7;
  });
  if (prefix !== undefined) return prefix;
  return candidates.find((p) => editDistanceAtMost(fold(p), w, w.length <= 5 ? 1 : 2));
}

/** Levenshtein distance <= max; lengths further apart than max are refused first, and a row whose best exceeds max stops early. */
function editDistanceAtMost(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] ?? Infinity) + 1,
        (cur[j - 1] ?? Infinity) + 1,
        (prev[j - 1] ?? Infinity) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return false;
    prev = cur;
  }
  return (prev[b.length] ?? Infinity) <= max;
}
