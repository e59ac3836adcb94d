import { isMap, isScalar, type Document } from 'yaml';
import { OKTA_XML_PATH, parseConfig, type ParsedConfig } from '../config/parse-config.js';
import { usageError } from '../errors.js';
import { walkBlockMap } from './block-walk.js';
import { rootFlowToBlock } from './flow-rewrite.js';
import { bodyLines } from './okta-lines.js';
import { assertRepresentableXml, normalizeStoredXml } from './normalize-stored-xml.js';
import { checkPathNode, notAMap, refuse } from './path-checks.js';
import { collectPatchWarnings } from './patch-warnings.js';
import { refuseInvalidConfig } from './refuse-invalid-config.js';
import { removableSamlSpan } from './saml-block.js';
import type { PatchOptions, PatchPlan } from './types.js';
import { verifyPatch } from './verify-patch.js';
import { change, type WalkCtx } from './walk-ctx.js';
import { applyEdits, detectEol, detectIndentStep, referencedAnchors } from './yaml-text.js';

/**
 * Plans the okta edit (docs/design.md §4.5: plan, then act). Pure: config text and metadata in, the
 * complete new text and a change list out; refusals are OperationalErrors with stable codes.
 * `yaml` only locates nodes; the new text is spliced into the original source so that everything
 * outside the okta block stays byte-identical (docs/design.md §8).
 */
export function planPatch(rawText: string, opts: PatchOptions): PatchPlan {
  const parsed = parseConfig(rawText, opts.file);
  refuseInvalidConfig(parsed, opts.file);
  const { text, lineCounter: lc } = parsed;
  const doc = parsed.doc as Document.Parsed | undefined;
  const saml = removableSamlSpan(doc, text);
  if (saml) return withoutSaml(rawText, text.slice(0, saml.start) + text.slice(saml.end), parsed.bom, opts);
  const previous = doc?.getIn(OKTA_XML_PATH);
  const previousXml = typeof previous === 'string' ? previous : undefined;
  const xml = opts.xml === undefined ? undefined : normalizeStoredXml(opts.xml);
  if (xml !== undefined) assertRepresentableXml(xml);
  if (xml === undefined && (opts.mode === 'enable' || previousXml === undefined))
    throw usageError(
      opts.mode === 'enable'
        ? 'missing --metadata (the IdP metadata to write)'
        : `--disable needs --metadata: ${opts.file ?? 'the config'} holds no okta metadata to keep`,
      'PATCH_METADATA_REQUIRED',
      'Pass --metadata <file|https-url|->, the metadata downloaded from Okta ("View IdP metadata").',
    );
  const ctx: WalkCtx = {
    text,
    lc,
    file: opts.file,
    anchors: doc ? referencedAnchors(doc) : new Set(),
    mode: opts.mode,
    xml,
    step: doc ? detectIndentStep(doc, text) : 2,
    eol: detectEol(text),
    edits: [],
    changes: [],
  };
  walkDocument(ctx, doc);
  const newText = applyEdits(text, ctx.edits);
  const changed = newText !== text;
  if (changed) verifyPatch(parsed, newText, ctx);
  // positions in the warnings refer to the file as written, not as it was read
  const after = changed ? parseConfig(newText, opts.file) : parsed;
  const findings = after.doc
    ? collectPatchWarnings(after.doc as Document.Parsed, after.lineCounter, opts.file, { secrets: opts.secretWarnings !== false })
    : [];
  const plan: PatchPlan = {
    text: (parsed.bom ? '\uFEFF' : '') + newText,
    changed,
    changes: changed ? ctx.changes : [],
    findings,
    indentStep: ctx.step,
    eol: ctx.eol === '\r\n' ? 'CRLF' : 'LF',
    bom: parsed.bom,
  };
  if (xml !== undefined) plan.storedXml = xml;
  if (previousXml !== undefined) plan.previousXml = previousXml;
  return plan;
}

/** A disabled, empty v1.x `auth.saml` block is removed first (saml-block.ts); the plan is then made on the rest. */
function withoutSaml(rawText: string, stripped: string, bom: boolean, opts: PatchOptions): PatchPlan {
  const plan = planPatch((bom ? '\uFEFF' : '') + stripped, opts);
  return { ...plan, changed: plan.text !== rawText, changes: [{ path: 'externalServices.auth.saml', action: 'removed' }, ...plan.changes] };
}

function walkDocument(ctx: WalkCtx, doc: Document.Parsed | undefined): void {
  const root = doc?.contents ?? null;
  if (root === null || (isScalar(root) && root.value === null)) {
    checkPathNode(ctx, root, 'the document');
    insertIntoEmptyDocument(ctx, root?.range);
    change(ctx, 'externalServices', 'added');
    return;
  }
  checkPathNode(ctx, root, 'the document');
  if (!isMap(root)) throw notAMap(ctx, root, '');
  if (root.flow) rootFlowToBlock(ctx, root);
  else walkBlockMap(ctx, root, 0);
}

/** Empty or comments-only document: the block goes at the end, before a `...` end marker if any. */
function insertIntoEmptyDocument(ctx: WalkCtx, range: [number, number, number] | undefined): void {
  const lines = bodyLines(ctx, 0, 0).join(ctx.eol) + ctx.eol;
  const { text } = ctx;
  if (range && range[1] > range[0]) {
    const before = text.slice(text.lastIndexOf('\n', range[0] - 1) + 1, range[0]);
    if (before.trim() !== '')
      throw refuse(ctx, range[0], 'PATCH_NOT_A_MAP', 'the document is an explicit null after other content', 'Replace it with a mapping.');
    ctx.edits.push({ start: range[0] - before.length, end: range[1], text: lines.replace(/\r?\n$/, '') });
    return;
  }
  const marker = /^\.\.\.[ \t]*(#.*)?$/m.exec(text);
  if (marker) ctx.edits.push({ start: marker.index, end: marker.index, text: lines });
  else if (text === '' || text.endsWith('\n')) ctx.edits.push({ start: text.length, end: text.length, text: lines });
  else ctx.edits.push({ start: text.length, end: text.length, text: ctx.eol + lines });
}

export type { ParsedConfig };
