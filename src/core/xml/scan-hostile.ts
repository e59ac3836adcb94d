/**
 * The structural gate every XML input passes before any parser reads a value (DESIGN.md §5, §8).
 * Offers scanHostile(text, file?): fast-xml-parser's XMLValidator for well-formedness (line:col),
 * plus a plain linear scan for what the validator lets through: DOCTYPE / ENTITY declarations,
 * processing instructions (the XML declaration is allowed, at offset 0 only), more than one root,
 * text outside the root, duplicate attributes. Not a third parser: it only tokenizes markup.
 */
import { XMLValidator } from 'fast-xml-parser';
import { finding, type Finding, type Location } from '../findings.js';
import { lineIndex, positionOf } from './positions.js';

export interface HostileScan {
  findings: Finding[];
  /** false when a later parser must not run at all (not well-formed, DOCTYPE, entities). */
  safeToParse: boolean;
}

const NAME = /[^\s/>=]+/y;

export function scanHostile(text: string, file?: string): HostileScan {
  const idx = lineIndex(text);
  const at = (offset: number): Location => positionOf(idx, offset, file);
  const findings: Finding[] = [];
  let fatal = false;
  const add = (code: string, message: string, hint: string, offset: number, stop = true) => {
    findings.push(finding(code, 'error', message, hint, at(offset)));
    if (stop) fatal = true;
  };

  let depth = 0;
  let roots = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (depth === 0 && textEnd > i) {
      const run = text.slice(i, textEnd);
      const m = /\S/.exec(run);
      if (m) add('XML_TEXT_OUTSIDE_ROOT', `text ${roots === 0 ? 'before' : 'after'} the root element`, 'Only comments and whitespace may surround the root element.', i + m.index, false);
    }
    if (lt < 0) break;
    i = lt;
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      i = end < 0 ? n : end + 3;
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      if (depth === 0) add('XML_TEXT_OUTSIDE_ROOT', 'CDATA outside the root element', 'Only comments and whitespace may surround the root element.', i, false);
      i = end < 0 ? n : end + 3;
    } else if (text.startsWith('<!', i)) {
      const decl = /^<!([A-Za-z]+)/.exec(text.slice(i, i + 20))?.[1]?.toUpperCase() ?? '';
      if (decl === 'ENTITY') add('XML_ENTITY_DECLARATION', 'entity declaration', 'Remove it: SAML documents never declare entities (XXE, billion laughs).', i);
      else add('XML_DOCTYPE', `<!${decl || '…'}> declaration`, 'Remove the DOCTYPE: SAML documents never carry one (entity-expansion attacks start there).', i);
      i = skipDeclaration(text, i, (off) => add('XML_ENTITY_DECLARATION', 'entity declaration inside the DOCTYPE', 'Remove the DOCTYPE and its entities.', off));
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      const target = /^<\?([^\s?]*)/.exec(text.slice(i, i + 64))?.[1] ?? '';
      if (target.toLowerCase() !== 'xml') add('XML_PROCESSING_INSTRUCTION', `processing instruction <?${target}?>`, 'Remove it: only the XML declaration is allowed.', i, false);
      else if (i !== 0) add('XML_DECLARATION_MISPLACED', 'the XML declaration is not at the very start of the file', 'Delete whatever precedes <?xml …?>.', i, false);
      i = end < 0 ? n : end + 2;
    } else if (text.startsWith('</', i)) {
      depth = Math.max(0, depth - 1);
      const end = text.indexOf('>', i);
      i = end < 0 ? n : end + 1;
    } else {
      if (depth === 0) {
        roots++;
        if (roots === 2) add('XML_MULTIPLE_ROOTS', 'a second root element', 'A document has exactly one root element; delete the extra content.', i);
      }
      const tag = scanTag(text, i + 1);
      for (const d of tag.duplicates) add('XML_DUPLICATE_ATTRIBUTE', `attribute "${d.name}" repeated`, 'Keep one of the two attributes.', d.offset);
      // XML 1.0 §3.1 [10] AttValue: '<' is not allowed in an attribute value (markup smuggled into
      // entityID, e.g. a comment, must not reach a parser that might tolerate it).
      for (const off of tag.ltInValues) add('XML_NOT_WELL_FORMED', "'<' inside an attribute value", 'Attribute values cannot contain markup; escape it as &lt; or remove it.', off);
      if (!tag.selfClosing) depth++;
      i = tag.end;
    }
  }

  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true && !findings.some((f) => f.code === 'XML_DUPLICATE_ATTRIBUTE' && valid.err.code === 'InvalidAttr')) {
    const loc: Location = { line: valid.err.line, column: valid.err.col };
    if (file !== undefined) loc.file = file;
    findings.push(finding('XML_NOT_WELL_FORMED', 'error', `not well-formed XML: ${valid.err.msg}`, 'Download the document again; it is damaged or not XML.', loc));
    fatal = true;
  }
  return { findings, safeToParse: !fatal };
}

/** Skips `<!DOCTYPE … [ internal subset ] >`, reporting any `<!ENTITY` inside the subset. */
function skipDeclaration(text: string, start: number, onEntity: (offset: number) => void): number {
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

interface TagScan {
  end: number;
  selfClosing: boolean;
  duplicates: { name: string; offset: number }[];
  ltInValues: number[];
}

/** Reads one start tag from just after '<': its name, attributes (quoted values), and end. */
function scanTag(text: string, from: number): TagScan {
  NAME.lastIndex = from;
  NAME.exec(text);
  let i = NAME.lastIndex > from ? NAME.lastIndex : from;
  const seen = new Set<string>();
  const duplicates: TagScan['duplicates'] = [];
  const ltInValues: number[] = [];
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '>') return { end: i + 1, selfClosing: text[i - 1] === '/', duplicates, ltInValues };
    if (/\s|\//.test(c)) {
      i++;
      continue;
    }
    NAME.lastIndex = i;
    const m = NAME.exec(text);
    if (!m) {
      i++;
      continue;
    }
    const name = m[0];
    const nameAt = i;
    i = NAME.lastIndex;
    while (/\s/.test(text[i] ?? '')) i++;
    if (text[i] === '=') {
      i++;
      while (/\s/.test(text[i] ?? '')) i++;
      const q = text[i];
      if (q === '"' || q === "'") {
        const end = text.indexOf(q, i + 1);
        const lt = text.indexOf('<', i + 1);
        if (lt >= 0 && (end < 0 || lt < end)) ltInValues.push(lt);
        i = end < 0 ? text.length : end + 1;
      }
    }
    if (seen.has(name)) duplicates.push({ name, offset: nameAt });
    seen.add(name);
  }
  return { end: text.length, selfClosing: false, duplicates, ltInValues };
}
