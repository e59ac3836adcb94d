import { usageError } from '../../core/errors.js';

/**
 * Globs for `lint` inputs (Node 20 has no fs.glob, and no glob package is a direct dependency):
 * `**` (any number of path segments), `*` and `?` (within a segment), `[abc]` / `[!abc]` / `[a-z]`
 * classes, `{yaml,yml}` alternatives (nested too) and `\` to escape the next character. Paths use `/`.
 *
 * A pattern compiles to a small automaton that is run over the name with a set of live states
 * (Thompson's construction), never by backtracking: matching takes time linear in the name
 * whatever the pattern (`*-*-*-*-*-*.yaml` against a 200-character name would take minutes with
 * a backtracking RegExp). An invalid pattern is a usage error.
 */
export const GLOB_CHARS = /[*?[{]/;

export function isGlob(s: string): boolean {
  return GLOB_CHARS.test(s);
}

export interface GlobMatcher {
  test(path: string): boolean;
}

interface State {
  /** Edges taken on one character. */
  on: { ok: (ch: string) => boolean; to: number }[];
  /** Edges taken without a character; they always lead to states built earlier (no cycles). */
  eps: number[];
}

/** Parsing and building recurse once per level of `{…}`: a bound keeps a hostile pattern off the stack limit. */
const MAX_BRACE_DEPTH = 32;

const notSlash = (ch: string): boolean => ch !== '/';
const anyChar = (): boolean => true;

/** `shown`: the pattern as the user typed it, for the usage error (glob may be its tail). */
export function compileGlob(glob: string, shown = glob): GlobMatcher {
  const states: State[] = [{ on: [], eps: [] }]; // 0: accept
  const add = (s: State): number => states.push(s) - 1;
  const invalid = (why: string) =>
    usageError(`invalid glob ${JSON.stringify(shown)}: ${why}`, 'GLOB_INVALID', 'Quote the pattern; escape a literal [ { * ? with \\.');
  // positions in messages count in the pattern as typed
  const at = (k: number): number => k + 1 + (shown.endsWith(glob) ? shown.length - glob.length : 0);
  let i = 0;
  let depth = 0;

  /** Parses up to the end, or to the `,` / `}` that closes the current alternative; built back to front. */
  function sequence(inBrace: boolean): ((cont: number) => number)[] {
    const parts: ((cont: number) => number)[] = [];
    while (i < glob.length) {
      const ch = glob[i] as string;
      if (inBrace && (ch === ',' || ch === '}')) return parts;
      if (ch === '}') throw invalid(`unbalanced } at ${at(i)}`);
      if (ch === '*') {
        const segmentStart = i === 0 || '/{,'.includes(glob[i - 1] as string);
        if (glob[i + 1] === '*' && segmentStart && glob[i + 2] === '/') {
          i += 3;
          // (?:[^/]*/)*: zero or more whole segments
          parts.push((cont) => {
            const a = add({ on: [], eps: [cont] });
            const b = add({ on: [], eps: [] });
            states[a]!.on.push({ ok: notSlash, to: b }, { ok: (c) => c === '/', to: a });
            states[b]!.on.push({ ok: notSlash, to: b }, { ok: (c) => c === '/', to: a });
            return a;
          });
        } else {
          const ok = glob[i + 1] === '*' ? anyChar : notSlash;
          i += glob[i + 1] === '*' ? 2 : 1;
          while (glob[i] === '*') i++;
          parts.push((cont) => {
            const s = add({ on: [], eps: [cont] });
            states[s]!.on.push({ ok, to: s });
            return s;
          });
        }
      } else if (ch === '?') {
        i++;
        parts.push((cont) => add({ on: [{ ok: notSlash, to: cont }], eps: [] }));
      } else if (ch === '[') {
        const ok = charClass();
        parts.push((cont) => add({ on: [{ ok, to: cont }], eps: [] }));
      } else if (ch === '{') {
        const start = i++;
        if (++depth > MAX_BRACE_DEPTH) throw invalid(`alternatives nested deeper than ${MAX_BRACE_DEPTH}`);
        const alternatives: ((cont: number) => number)[][] = [sequence(true)];
        while (glob[i] === ',') {
          i++;
          alternatives.push(sequence(true));
        }
        if (glob[i] !== '}') throw invalid(`unbalanced { at ${at(start)}`);
        i++;
        depth--;
        parts.push((cont) => add({ on: [], eps: alternatives.map((alt) => build(alt, cont)) }));
      } else {
        if (ch === '\\' && i + 1 < glob.length) i++;
        const lit = String.fromCodePoint(glob.codePointAt(i) as number);
        i += lit.length;
        parts.push((cont) => add({ on: [{ ok: (c) => c === lit, to: cont }], eps: [] }));
      }
    }
    return parts;
  }

  /** `[…]` at i: `!` or `^` negates, a leading `]` is literal, `a-z` is a range (never `/`). */
  function charClass(): (ch: string) => boolean {
    const start = i++;
    const negate = glob[i] === '!' || glob[i] === '^';
    if (negate) i++;
    const ranges: [number, number][] = [];
    let first = true;
    while (i < glob.length && (glob[i] !== ']' || first)) {
      first = false;
      const lo = glob.codePointAt(i) as number;
      i += lo > 0xffff ? 2 : 1;
      if (glob[i] === '-' && i + 1 < glob.length && glob[i + 1] !== ']') {
        const hi = glob.codePointAt(i + 1) as number;
        i += hi > 0xffff ? 3 : 2;
        if (hi < lo) throw invalid(`range ${String.fromCodePoint(lo)}-${String.fromCodePoint(hi)} is out of order`);
        ranges.push([lo, hi]);
      } else ranges.push([lo, lo]);
    }
    if (glob[i] !== ']') throw invalid(`unclosed [ at ${at(start)}`);
    i++;
    return (ch) =>
      ch !== '/' && ranges.some(([lo, hi]) => (ch.codePointAt(0) as number) >= lo && (ch.codePointAt(0) as number) <= hi) !== negate;
  }

  function build(parts: ((cont: number) => number)[], cont: number): number {
    let next = cont;
    for (let k = parts.length - 1; k >= 0; k--) next = (parts[k] as (c: number) => number)(next);
    return next;
  }

  const start = build(sequence(false), 0);
  return { test: (path) => run(states, start, path) };
}

/** Runs the automaton with a set of live states: O(name length × states), no backtracking. */
function run(states: State[], start: number, path: string): boolean {
  const mark = new Int32Array(states.length).fill(-1);
  let live: number[] = [];
  // Iterative: `**/**/**/…` chains epsilon edges as long as the pattern; recursion could overflow.
  const enter = (first: number, step: number, into: number[]): void => {
    const todo = [first];
    while (todo.length > 0) {
      const s = todo.pop() as number;
      if (mark[s] === step) continue;
      mark[s] = step;
      into.push(s);
      todo.push(...(states[s] as State).eps);
    }
  };
  enter(start, 0, live);
  let step = 0;
  for (const ch of path) {
    step++;
    const next: number[] = [];
    for (const s of live) for (const edge of (states[s] as State).on) if (edge.ok(ch)) enter(edge.to, step, next);
    live = next;
    if (live.length === 0) return false;
  }
  return mark[0] === step;
}

/** Splits a pattern into the directory to walk (no glob characters) and the rest to match. */
export function splitGlob(pattern: string): { base: string; rest: string } {
  const parts = pattern.split('/');
  const i = parts.findIndex((p) => isGlob(p));
  if (i < 0) return { base: pattern, rest: '' };
  const base = parts.slice(0, i).join('/');
  return { base: base === '' && pattern.startsWith('/') ? '/' : base === '' ? '.' : base, rest: parts.slice(i).join('/') };
}
