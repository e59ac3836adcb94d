/**
 * A DOM with positions, from @xmldom/xmldom 0.8 (the parser xml-crypto verifies on, so both see the
 * same tree). Offers parseDom(text, file?): runs scanHostile first and refuses to parse when it is
 * unsafe; xmldom warnings and errors become findings with line:col. Every node carries
 * lineNumber/columnNumber; use locationOf(node, file) to turn them into a Location.
 */
import { DOMParser } from '@xmldom/xmldom';
import { finding, type Finding, type Location } from '../findings.js';
import { scanHostile, type ElementSpan, type ScanOptions } from './scan-hostile.js';

export interface ParsedDom {
  /** Undefined when the hostile scan refused the text or xmldom produced no root. */
  doc?: Document;
  root?: Element;
  findings: Finding[];
  /** The gate's element spans, in the DOM's document order (for cutting one element out verbatim). */
  elements?: ElementSpan[];
}

export function parseDom(text: string, file?: string, opts: ScanOptions = {}): ParsedDom {
  const scan = scanHostile(text, file, opts);
  const findings = [...scan.findings];
  if (!scan.safeToParse) return { findings };
  const report = (severity: 'warning' | 'error') => (msg: string) => {
    // xmldom appends "@#[line:L,col:C]" when a locator is set.
    const m = /@#\[line:(\d+),col:(\d+)\]/.exec(msg);
    const loc: Location | undefined = m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
    if (loc && file !== undefined) loc.file = file;
    const clean = msg
      .replace(/^\[xmldom \w+\]\s*/, '')
      .replace(/\s*\n?@#\[line:\d+,col:\d+\]\s*$/, '')
      .trim();
    const code = severity === 'warning' ? 'XML_PARSER_WARNING' : 'XML_NOT_WELL_FORMED';
    findings.push(finding(code, severity, `XML parser: ${clean}`, 'Download the document again; it is damaged.', loc));
  };
  const parser = new DOMParser({
    locator: {},
    errorHandler: { warning: report('warning'), error: report('error'), fatalError: report('error') },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'text/xml') as unknown as Document;
  } catch (e) {
    findings.push(
      finding('XML_NOT_WELL_FORMED', 'error', `XML parser: ${(e as Error).message}`, 'Download the document again; it is damaged.'),
    );
    return { findings };
  }
  const root = doc?.documentElement ?? undefined;
  if (!root) {
    findings.push(finding('XML_NOT_WELL_FORMED', 'error', 'no root element', 'The input is not an XML document.'));
    return { findings };
  }
  findings.push(...unboundPrefixes(root, file));
  return { doc, root, findings, elements: scan.elements };
}

/**
 * Namespaces in XML 1.0 §5 (NSC: Prefix Declared): xmldom 0.8 silently leaves an undeclared
 * prefix without a namespace, so `ds:KeyInfo` with no xmlns:ds would just vanish from our
 * namespace-aware reads while another parser might resolve it. Iterative walk (deep documents).
 */
function unboundPrefixes(root: Element, file?: string): Finding[] {
  const out: Finding[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0 && out.length < 20) {
    const el = stack.pop() as Element;
    const bad = [el, ...Array.from(el.attributes as unknown as ArrayLike<Attr>)].find(
      (n) => !!n.prefix && n.prefix !== 'xmlns' && n.prefix !== 'xml' && !n.namespaceURI,
    );
    if (bad)
      out.push(
        finding(
          'XML_NOT_WELL_FORMED',
          'error',
          `namespace prefix "${bad.prefix}" is not declared (${bad.nodeName})`,
          'Declare it with xmlns:' + bad.prefix + '="…", or download the document again.',
          locationOf(bad.nodeType === 1 ? bad : el, file),
        ),
      );
    // Namespaces in XML 1.0 §6.3: a:x and b:x with a and b bound to one URI are the same attribute.
    const seen = new Set<string>();
    for (const a of Array.from(el.attributes as unknown as ArrayLike<Attr>)) {
      if (!a.namespaceURI || a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      const key = `{${a.namespaceURI}}${a.localName}`;
      if (seen.has(key))
        out.push(
          finding(
            'XML_DUPLICATE_ATTRIBUTE',
            'error',
            `attribute ${a.localName} in namespace ${a.namespaceURI} appears twice on <${el.nodeName}>`,
            'Keep one of the two attributes.',
            locationOf(el, file),
          ),
        );
      seen.add(key);
    }
    for (let c = el.lastChild; c; c = c.previousSibling) if (c.nodeType === 1) stack.push(c as Element);
  }
  return out;
}

/** xmldom's 1-based position of a node, as a finding Location. */
export function locationOf(node: Node | null | undefined, file?: string): Location | undefined {
  const n = node as (Node & { lineNumber?: number; columnNumber?: number }) | null | undefined;
  if (!n || typeof n.lineNumber !== 'number' || typeof n.columnNumber !== 'number') return undefined;
  const loc: Location = { line: n.lineNumber, column: n.columnNumber };
  if (file !== undefined) loc.file = file;
  return loc;
}
