import type { PatchMode } from './types.js';
import { OKTA_PATH } from '../config/parse-config.js';

/**
 * The lines patch writes, at a given column. Depth d is the mapping level: 0 the document,
 * 1 externalServices, 2 auth, 3 okta, 4 okta.options. Every value is either a real boolean
 * (`enabled`, docs/design.md §8: Helm treats any non-empty string as true) or a literal block scalar,
 * so PyYAML's YAML 1.1 resolver cannot reinterpret it (docs/design.md §6).
 */
export interface LineCtx {
  mode: PatchMode;
  /** Stored XML; undefined when `disable` keeps what the file has. */
  xml?: string;
  step: number;
}

const PREFIX = ['', 'externalServices', 'externalServices.auth', 'externalServices.auth.okta', 'externalServices.auth.okta.options'];

export function targets(ctx: LineCtx, d: number): string[] {
  if (d < 3) return [OKTA_PATH[d] as string];
  if (d === 3) return ['enabled', 'options'].filter((k) => k !== 'options' || ctx.xml !== undefined);
  return ctx.xml === undefined ? [] : ['xml'];
}

export function pathOf(d: number, key: string): string {
  const prefix = PREFIX[d] ?? '';
  return prefix === '' ? key : `${prefix}.${key}`;
}

export function isMapTarget(d: number, key: string): boolean {
  return d < 3 || (d === 3 && key === 'options');
}

export const pad = (col: number): string => ' '.repeat(col);

export function enabledLiteral(ctx: LineCtx): string {
  return ctx.mode === 'enable' ? 'true' : 'false';
}

/** `key: …` lines for a key that is absent (or null), with everything below it. */
export function desiredLines(ctx: LineCtx, d: number, key: string, col: number): string[] {
  if (isMapTarget(d, key)) return [`${pad(col)}${key}:`, ...bodyLines(ctx, d + 1, col + ctx.step)];
  if (key === 'enabled') return [`${pad(col)}enabled: ${enabledLiteral(ctx)}`];
  return xmlLines(ctx, col);
}

export function bodyLines(ctx: LineCtx, d: number, col: number): string[] {
  return targets(ctx, d).flatMap((k) => desiredLines(ctx, d, k, col));
}

/**
 * `|-` strips the final line break (the stored XML has none). When the first line starts with a
 * space or is empty, YAML would guess the indentation from it, so the indicator is explicit:
 * it counts from the key's own indentation (YAML 1.2 §8.1.1.1), i.e. the file's step.
 */
export function xmlHeader(ctx: LineCtx): string {
  const xml = ctx.xml ?? '';
  if (xml === '') return '""';
  return /^[ \n]/.test(xml) ? `|${ctx.step}-` : '|-';
}

export function xmlContent(ctx: LineCtx, col: number): string[] {
  const xml = ctx.xml ?? '';
  if (xml === '') return [];
  return xml.split('\n').map((line) => (line === '' ? '' : pad(col) + line));
}

export function xmlLines(ctx: LineCtx, col: number): string[] {
  return [`${pad(col)}xml: ${xmlHeader(ctx)}`, ...xmlContent(ctx, col + ctx.step)];
}
