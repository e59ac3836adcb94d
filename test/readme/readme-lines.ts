/**
 * The command lines of the README's ```sh blocks, as a reader would type them: continuation lines
 * (`\` at the end) joined, the trailing `# comment` dropped. Only lines that start with
 * `polyaxon-sso` are commands of this tool; the others (npm, curl pipes, npx of the tarball) are
 * not run here.
 *
 * Marking (in the README, visible to the reader of the source only):
 * - `<!-- doctest: skip <reason> -->` on the line(s) before a block skips the whole block;
 * - a trailing comment that contains `(network)` or `(terminal)` skips that one line.
 */
export interface ReadmeLine {
  /** The command as typed (continuations joined, comment dropped). */
  text: string;
  /** 1-based line of the README where the command starts. */
  line: number;
  /** Index of its ```sh block, in README order: lines of one block run in one directory. */
  block: number;
  /** Why it is not run, when marked. */
  skip?: string;
}

const SKIP_BLOCK = /^<!--\s*doctest:\s*skip\s+(.+?)\s*-->$/;
const SKIP_LINE = /\((network|terminal)\)/;

/** Drops a trailing ` # comment` outside quotes; returns [command, comment]. */
function splitComment(line: string): [string, string] {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) return [line.slice(0, i).trimEnd(), line.slice(i + 1).trim()];
  }
  return [line.trimEnd(), ''];
}

export function readmeLines(readme: string): ReadmeLine[] {
  const rows = readme.split('\n');
  const out: ReadmeLine[] = [];
  let block = -1;
  for (let i = 0; i < rows.length; i++) {
    if (!/^```sh\s*$/.test(rows[i] ?? '')) continue;
    block++;
    // the marker: the nearest non-blank line above the fence
    let above = i - 1;
    while (above >= 0 && (rows[above] ?? '').trim() === '') above--;
    const blockSkip = SKIP_BLOCK.exec((rows[above] ?? '').trim())?.[1];
    let j = i + 1;
    while (j < rows.length && !/^```\s*$/.test(rows[j] ?? '')) {
      const start = j;
      let text = rows[j] ?? '';
      while (/\\\s*$/.test(text) && j + 1 < rows.length) text = `${text.replace(/\\\s*$/, '').trimEnd()} ${(rows[++j] ?? '').trim()}`;
      const [command, comment] = splitComment(text);
      if (command.startsWith('polyaxon-sso ') || command === 'polyaxon-sso') {
        const lineSkip = SKIP_LINE.exec(comment)?.[1];
        const skip = blockSkip ?? (lineSkip ? `needs the ${lineSkip}` : undefined); // e.g. "network (drift downloads …)"
        out.push({ text: command, line: start + 1, block, ...(skip !== undefined ? { skip } : {}) });
      }
      j++;
    }
    i = j;
  }
  return out;
}
