/**
 * A minimal glob → RegExp for `lint` inputs (Node 20 has no fs.glob, and no glob package is a
 * direct dependency). Supports `**` (any number of path segments), `*` and `?` (within a segment),
 * `[abc]` / `[!abc]` classes and `{yaml,yml}` alternatives. Paths use `/`.
 */
export const GLOB_CHARS = /[*?[{]/;

export function isGlob(s: string): boolean {
  return GLOB_CHARS.test(s);
}

export function globToRegExp(glob: string): RegExp {
  let re = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const slashAfter = glob[i + 2] === '/';
        if (atStart && slashAfter) {
          re += '(?:[^/]*/)*';
          i += 2;
          continue;
        }
        re += '.*';
        i += 1;
        continue;
      }
      re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let body = glob.slice(i + 1, end);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (ch === '{') {
      depth += 1;
      re += '(?:';
    } else if (ch === '}' && depth > 0) {
      depth -= 1;
      re += ')';
    } else if (ch === ',' && depth > 0) re += '|';
    else re += ch.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Splits a pattern into the directory to walk (no glob characters) and the rest to match. */
export function splitGlob(pattern: string): { base: string; rest: string } {
  const parts = pattern.split('/');
  const i = parts.findIndex((p) => isGlob(p));
  if (i < 0) return { base: pattern, rest: '' };
  const base = parts.slice(0, i).join('/');
  return { base: base === '' && pattern.startsWith('/') ? '/' : base === '' ? '.' : base, rest: parts.slice(i).join('/') };
}
