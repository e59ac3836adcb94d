/** Two rules of the XML gate (scan-hostile.ts) kept apart: reserved namespace bindings and DOCTYPE skipping. */
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Namespaces in XML 1.0 §3 constraints that libxml2 enforces as errors (lxml: fatal). */
export function namespaceProblem(name: string, value: string): string | undefined {
  if (name === 'xmlns') return value === XML_NS || value === XMLNS_NS ? `xmlns may not be bound to ${value}` : undefined;
  if (!name.startsWith('xmlns:')) return undefined;
  const prefix = name.slice(6);
  if (value === '') return `${name}="" : a prefix cannot be undeclared in XML 1.0 namespaces`;
  if (prefix === 'xmlns') return 'the prefix xmlns cannot be declared';
  if (prefix === 'xml' && value !== XML_NS) return `the prefix xml can only be bound to ${XML_NS}`;
  if (prefix !== 'xml' && (value === XML_NS || value === XMLNS_NS)) return `${value} can only be bound to its reserved prefix`;
  return undefined;
}

/** Skips `<!DOCTYPE … [ internal subset ] >`, reporting any `<!ENTITY` inside the subset. */
export function skipDeclaration(text: string, start: number, onEntity: (offset: number) => void): number {
  let i = start + 2;
  let inSubset = false;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      i = end < 0 ? text.length : end + 1;
      continue;
    }
    if (c === '[') inSubset = true;
    else if (c === ']') inSubset = false;
    else if (inSubset && text.startsWith('<!ENTITY', i)) onEntity(i);
    else if (c === '>' && !inSubset) return i + 1;
    i++;
  }
  return text.length;
}
