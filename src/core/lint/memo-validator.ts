import type { MetadataReport } from '../metadata/types.js';

/**
 * Each distinct XML is validated once per run, however many configs hold it (* measures lint on a thousand configs sharing a few metadata documents). The run's options
 * (clock, --min-days, pins) are fixed, so the XML text alone is the key.
 */
export interface MemoValidator {
  (xml: string): MetadataReport;
  /** Distinct documents validated so far. */
  readonly size: number;
}

export function memoValidator(validate: (xml: string) => MetadataReport): MemoValidator {
  const cache = new Map<string, MetadataReport>();
  const fn = (xml: string): MetadataReport => {
    let report = cache.get(xml);
    if (!report) {
      report = validate(xml);
      cache.set(xml, report);
    }
    return report;
  };
  return Object.defineProperty(fn, 'size', { get: () => cache.size }) as MemoValidator;
}
