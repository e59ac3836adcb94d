/**
 * Where a YAML syntax error is: `yaml` reports an unclosed flow collection or quoted scalar where it
 * gave up (often the next line, or the end of the file), PyYAML names the place it opened ("while
 * scanning a quoted scalar … line 5"). The opening is what the user must fix, so an error inside an
 * unclosed construct is reported there.
 */
import { Parser, type CST } from 'yaml';

/** The offset of the unclosed flow collection or quoted scalar that holds `offset`, else `offset`. */
export function syntaxErrorOffset(text: string, offset: number): number {
  // An explicit stack, not recursion: nesting can be thousands deep in hostile input.
  const stack: (CST.Token | null | undefined)[] = [];
  for (const token of new Parser().parse(text)) if (token.type === 'document') stack.push(token.value);
  let opening: number | undefined;
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || node.offset >= offset) continue;
    if (isUnclosed(node) && (opening === undefined || node.offset < opening)) opening = node.offset;
    if ('items' in node) for (const item of node.items) stack.push(item.key ?? undefined, item.value ?? undefined);
  }
  return opening ?? offset;
}

function isUnclosed(node: CST.Token): boolean {
  if (node.type === 'flow-collection') return !node.end.some((t) => t.source === ']' || t.source === '}');
  if (node.type !== 'double-quoted-scalar' && node.type !== 'single-quoted-scalar') return false;
  const quote = node.source[0] ?? '';
  return node.source.length < 2 || !node.source.trimEnd().endsWith(quote);
}
