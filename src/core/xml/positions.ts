/**
 * Offsets → 1-based line:column, the way editors and xmldom count them (LF, CRLF and lone CR each
 * end a line). Offers: lineIndex(text), positionOf(index, offset, file?).
 */
import type { Location } from '../findings.js';

export type LineIndex = number[];

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function positionOf(index: LineIndex, offset: number, file?: string): Location {
  let lo = 0;
  let hi = index.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((index[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  const loc: Location = { line: lo + 1, column: offset - (index[lo] ?? 0) + 1 };
  if (file !== undefined) loc.file = file;
  return loc;
}
