import { createInterface } from 'node:readline';
import { cancelled } from '../../core/errors.js';
import { tooLarge } from '../../cli/read-capped.js';

/**
 * Multi-line paste in the terminal (step 4). An inquirer `input` submits at the first line
 * break, and the rest of a pasted block would be lost with its readline; so this reads whole lines
 * itself and stops at the line holding the closing tag of the root element, which every metadata
 * document ends with, or at once when the first line is a URL (pasted instead of the document).
 * A line with only "." or Ctrl-D (close) ends it earlier with what was pasted
 * so far (the wizard goes back to its menu, and says why when that was a URL or a cut-off copy);
 * Ctrl-C (SIGINT on the readline) cancels the wizard.
 * --max-size (maxBytes) is counted on the raw input as it arrives: a paste without line breaks
 * would otherwise sit whole in readline's buffer before any line is seen.
 */
const URL_LINE = /^\s*https?:\/\/\S+\s*$/i;

export function readPaste(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  message: string,
  closing: RegExp,
  maxBytes = Infinity,
): Promise<string> {
  output.write(`${message}\n`);
  const rl = createInterface({ input, output, prompt: '', terminal: (input as { isTTY?: boolean }).isTTY === true });
  const lines: string[] = [];
  return new Promise<string>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      rl.close();
    };
    rl.on('line', (line) => {
      if (line.trim() === '.') return finish(() => resolve(lines.length > 0 ? `${lines.join('\n')}\n` : ''));
      lines.push(line);
      // a URL pasted instead of the XML is one line: no closing tag would ever come
      const firstOnly = lines.every((l) => l.trim() === '' || l === line);
      if (closing.test(line) || (firstOnly && URL_LINE.test(line))) finish(() => resolve(`${lines.join('\n')}\n`));
    });
    let size = 0;
    const count = (chunk: string | Buffer): void => {
      size += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      if (size > maxBytes) finish(() => reject(tooLarge('the pasted metadata', maxBytes)));
    };
    input.on('data', count);
    rl.on('close', () => input.off('data', count));
    rl.on('SIGINT', () => finish(() => reject(cancelled())));
    rl.on('close', () => finish(() => resolve(lines.length > 0 ? `${lines.join('\n')}\n` : '')));
  });
}
