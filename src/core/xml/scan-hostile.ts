/**
 * The structural gate every XML input passes before any parser reads a value (docs/design.md §5, §8).
 * Offers scanHostile(text, file?, {encoding}): one linear pass over the markup, at least as strict
 * as libxml2 and expat (docs/design.md, "Read what the consumers read"): the XML declaration and
 * its encoding, XML 1.0 characters, names, attribute syntax, references, comments (§2.5), end-tag
 * matching, nesting depth (libxml2's limit), DOCTYPE / ENTITY declarations, processing
 * instructions, one root, nothing but whitespace around it, duplicate attributes, reserved
 * namespace prefixes. fast-xml-parser's XMLValidator runs after it as a second opinion. Not a
 * third parser: it only tokenizes markup, and records where each element starts and ends.
 */
import type { KnownCode } from '../finding-codes.js';
import { XMLValidator } from 'fast-xml-parser';
import { finding, type Finding, type Location } from '../findings.js';
import { XML_CODES, type XmlCode } from './codes.js';
import type { XmlEncoding } from './decode-xml.js';
import { checkCharData, notAChar, readComment, readEndTag, readStartTag, type Problem } from './lex-markup.js';
import { lineIndex, positionOf } from './positions.js';
import { firstNonChar, isXmlSpace } from './xml-chars.js';
import { encodingMismatch, readDeclaration, startsWithDeclaration } from './xml-declaration.js';
import { namespaceProblem, skipDeclaration } from './namespace-and-doctype.js';

export interface HostileScan {
  findings: Finding[];
  /** false when a later parser must not run at all (not well-formed, DOCTYPE, entities). */
  safeToParse: boolean;
  /** Every element in document order (pre-order, as a DOM lists them): where its markup starts and ends. */
  elements: ElementSpan[];
}

export interface ElementSpan {
  name: string;
  start: number;
  /** Offset just after its end tag (or `/>`). */
  end: number;
}

export interface ScanOptions {
  /** The encoding the bytes were decoded with; text handed over as a string is UTF-8 to its consumers. */
  encoding?: XmlEncoding;
}

/** libxml2's default nesting limit (xmlParserMaxDepth, without XML_PARSE_HUGE). */
export const MAX_DEPTH = 256;
const MAX_FINDINGS = 50;
const MAX_OUTSIDE_ROOT = 64;

export function scanHostile(text: string, file?: string, opts: ScanOptions = {}): HostileScan {
  const idx = lineIndex(text);
  const at = (offset: number): Location => positionOf(idx, offset, file);
  const findings: Finding[] = [];
  const elements: ElementSpan[] = [];
  let fatal = false;
  const add = (code: KnownCode, message: string, hint: string | undefined, offset: number, stop = true) => {
    findings.push(finding(code, 'error', message, hint ?? XML_CODES[code as XmlCode]?.help, at(offset)));
    // Stop after a screenful: 300 000 processing instructions need not become 300 000 findings.
    if (stop || findings.length >= MAX_FINDINGS) fatal = true;
  };
  // A cut-off copy is reported where it ends, naming what is still open (an incomplete copy of
  // "View IdP metadata" is a common mistake), whatever construct it ends in.
  const problem = (p: Problem) =>
    p.code === 'XML_DOCUMENT_ENDS_EARLY'
      ? add(p.code, `${endsEarly()} (${p.message.replace(/^the document /, '')})`, undefined, n)
      : add(p.code, p.message, undefined, p.offset);
  const endsEarly = () => {
    const open = stack.slice(0, 3).map((k) => `<${elements[k]?.name}>`);
    if (open.length === 0) return 'the document ends early';
    return `the document ends early: ${open.join(', ')}${stack.length > 3 ? ' …' : ''} ${stack.length === 1 ? 'is' : 'are'} not closed (incomplete copy?)`;
  };
  const stack: number[] = [];
  let roots = 0;
  let outside = 0;
  let i = 0;
  const n = text.length;

  if (startsWithDeclaration(text)) {
    const d = readDeclaration(text);
    if (!d.ok)
      return done(
        add(
          'XML_NOT_WELL_FORMED',
          d.message,
          'Start the file with <?xml version="1.0" encoding="UTF-8"?> or no declaration at all.',
          d.offset,
        ),
      );
    const mismatch = encodingMismatch(d.decl.encoding, opts.encoding ?? 'utf-8');
    if (mismatch) return done(add('XML_ENCODING_DECLARATION', mismatch, undefined, 0));
    i = d.decl.end;
  }
  while (i < n && !fatal) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      if (stack.length > 0) {
        const p = checkCharData(text, i, textEnd);
        if (p) problem(p);
      } else {
        let k = i;
        while (k < textEnd && isXmlSpace(text.charCodeAt(k))) k++;
        if (k < textEnd)
          add(
            'XML_TEXT_OUTSIDE_ROOT',
            `text ${roots === 0 ? 'before' : 'after'} the root element`,
            'Only comments and whitespace may surround the root element.',
            k,
            false,
          );
      }
    }
    if (lt < 0 || fatal) break;
    i = lt;
    if (text.startsWith('<!--', i)) {
      // xmldom and xml-crypto's re-parse check every node added to the document against all its
      // other children (quadratic): no real metadata carries more than a licence header there.
      if (stack.length === 0 && ++outside > MAX_OUTSIDE_ROOT)
        add('XML_TOO_MANY_COMMENTS', `more than ${MAX_OUTSIDE_ROOT} comments outside the root element`, undefined, i);
      const r = readComment(text, i);
      if (typeof r === 'number') i = r;
      else problem(r);
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      if (stack.length === 0)
        add(
          'XML_TEXT_OUTSIDE_ROOT',
          'CDATA outside the root element',
          'Only comments and whitespace may surround the root element.',
          i,
          false,
        );
      else if (end < 0) add('XML_DOCUMENT_ENDS_EARLY', 'the document ends inside a CDATA section', undefined, i);
      else {
        const bad = firstNonChar(text, i + 9, end);
        if (bad >= 0) problem(notAChar(text, bad));
      }
      i = end < 0 ? n : end + 3;
    } else if (text.startsWith('<!', i)) {
      const decl = /^<!([A-Za-z]+)/.exec(text.slice(i, i + 20))?.[1]?.toUpperCase() ?? '';
      if (decl === 'ENTITY')
        add('XML_ENTITY_DECLARATION', 'entity declaration', 'Remove it: SAML documents never declare entities (XXE, billion laughs).', i);
      else
        add(
          'XML_DOCTYPE',
          `<!${decl || '…'}> declaration`,
          'Remove the DOCTYPE: SAML documents never carry one (entity-expansion attacks start there).',
          i,
        );
      i = skipDeclaration(text, i, (off) =>
        add('XML_ENTITY_DECLARATION', 'entity declaration inside the DOCTYPE', 'Remove the DOCTYPE and its entities.', off),
      );
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      const target = /^<\?([^\s?]*)/.exec(text.slice(i, i + 64))?.[1] ?? '';
      if (target.toLowerCase() !== 'xml')
        add(
          'XML_PROCESSING_INSTRUCTION',
          `processing instruction <?${target}?>`,
          'Remove it: only the XML declaration is allowed.',
          i,
          false,
        );
      else
        add(
          'XML_DECLARATION_MISPLACED',
          'the XML declaration is not at the very start of the file',
          'Delete whatever precedes <?xml …?>.',
          i,
          false,
        );
      i = end < 0 ? n : end + 2;
    } else if (text.startsWith('</', i)) {
      const r = readEndTag(text, i);
      if ('code' in r) problem(r);
      else {
        const open = stack.pop();
        const span = open === undefined ? undefined : elements[open];
        if (!span) add('XML_NOT_WELL_FORMED', `end tag </${r.name}> without a start tag`, undefined, i);
        else if (span.name !== r.name) {
          const opened = at(span.start);
          add(
            'XML_NOT_WELL_FORMED',
            `end tag </${r.name}> does not match <${span.name}> (opened at line ${opened.line}, column ${opened.column})`,
            undefined,
            i,
          );
        } else span.end = r.end;
        i = r.end;
      }
    } else {
      const tag = readStartTag(text, i);
      if ('code' in tag) {
        problem(tag);
        break;
      }
      if (stack.length === 0) {
        roots++;
        if (roots === 2)
          add('XML_MULTIPLE_ROOTS', 'a second root element', 'A document has exactly one root element; delete the extra content.', i);
      }
      if (stack.length >= MAX_DEPTH) {
        add('XML_TOO_DEEP', `elements nested more than ${MAX_DEPTH} deep`, undefined, i);
        break;
      }
      // Namespaces in XML 1.0 §3: the prefix xmlns is never bound, so no element may use it.
      if (tag.name.startsWith('xmlns:'))
        add('XML_NOT_WELL_FORMED', `element <${tag.name}> uses the reserved prefix xmlns`, undefined, i + 1);
      const seen = new Set<string>();
      for (const a of tag.attributes) {
        if (seen.has(a.name)) add('XML_DUPLICATE_ATTRIBUTE', `attribute "${a.name}" repeated`, 'Keep one of the two attributes.', a.offset);
        seen.add(a.name);
        const ns = namespaceProblem(a.name, a.value);
        if (ns) add('XML_NOT_WELL_FORMED', ns, undefined, a.offset);
      }
      elements.push({ name: tag.name, start: i, end: tag.end });
      if (!tag.selfClosing) stack.push(elements.length - 1);
      i = tag.end;
    }
  }
  if (!fatal && stack.length > 0) add('XML_DOCUMENT_ENDS_EARLY', endsEarly(), undefined, n);
  if (!fatal && roots === 0) add('XML_NOT_WELL_FORMED', 'no root element', 'The input is not an XML document.', n);

  if (!fatal) {
    // A second opinion on well-formedness; by construction it should find nothing the scan above missed.
    const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
    if (valid !== true && !findings.some((f) => f.code === 'XML_DUPLICATE_ATTRIBUTE' && valid.err.code === 'InvalidAttr')) {
      const loc: Location = { line: valid.err.line, column: valid.err.col };
      if (file !== undefined) loc.file = file;
      findings.push(
        finding(
          'XML_NOT_WELL_FORMED',
          'error',
          `not well-formed XML: ${valid.err.msg}`,
          'Download the document again; it is damaged or not XML.',
          loc,
        ),
      );
      fatal = true;
    }
  }
  return done();

  function done(_?: void): HostileScan {
    return { findings, safeToParse: !fatal, elements };
  }
}
