/**
 * One place where PyYAML (`safe_load`, YAML 1.1) could read a config differently from `yaml`, or
 * refuse it (docs/design.md, "read what the consumers read"). `offset` is in the BOM-less text.
 * A `fatal` hazard means our node tree is not what PyYAML builds: nothing else in the file is
 * checked, so the user sees one finding per problem instead of a cascade of follow-on errors.
 */
import type { KnownCode } from '../finding-codes.js';
export interface Hazard {
  code: KnownCode;
  offset: number;
  message: string;
  hint: string;
  fatal: boolean;
}

/** `U+000D`, as the YAML 1.1 spec (§5.2, §5.4) names characters. */
export function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export const HINTS = {
  YAML_SYNTAX: 'Fix the YAML at this position: `polyaxon admin deploy` cannot read the file.',
  YAML_LINE_BREAK:
    'Replace it with a plain line feed (LF, or CRLF): PyYAML, which Polyaxon uses, also ends a line there, so it would read a different config than the one checked.',
  YAML_FORBIDDEN_CHAR:
    "Remove the character: PyYAML's reader refuses it (YAML 1.1 §5.1 printable characters), so `polyaxon admin deploy` cannot read the file.",
  YAML_TAB: 'Use spaces: PyYAML refuses a tab anywhere outside quoted scalars, block scalar content and comments.',
  YAML_DIRECTIVE:
    'Remove the directive: PyYAML always reads YAML 1.1 and `safe_load` knows no custom tag prefixes, so only `%YAML 1.1` is read the same by every tool.',
  YAML_DUPLICATE_ANCHOR: 'Rename one of the anchors: PyYAML refuses a document that defines the same anchor twice.',
  YAML_COMPLEX_KEY: 'Use a plain string key: PyYAML refuses a mapping or list as a key (unhashable).',
  YAML_MERGE_KEY:
    'Write the merged keys out in full here: a merge key (<<) makes the keys Polyaxon sees depend on merge order, which this tool does not read.',
  YAML_UNSAFE_TAG: 'Remove the tag and write a plain value: deployment configs hold only strings, numbers, booleans, lists and maps.',
  YAML_TAG_UNSUPPORTED:
    'Remove the tag and write the plain value (quote it for a string): PyYAML and this tool may read a tagged value differently.',
  YAML_PLAIN_INDICATOR: 'Quote the value ("=" or "<<"): PyYAML reads a plain = or << as a special YAML 1.1 tag that safe_load refuses.',
  YAML_TOO_DEEP: 'Flatten the structure: no deployment config nests this deep, and PyYAML runs out of recursion on it.',
  YAML_DUPLICATE_KEY: 'Remove one of the keys: PyYAML silently keeps the last one, Polyaxon may not see what you meant.',
} as const;

export type HazardCode = keyof typeof HINTS;

export function hazard(code: HazardCode, offset: number, message: string, fatal: boolean): Hazard {
  return { code, offset, message, hint: HINTS[code], fatal };
}
