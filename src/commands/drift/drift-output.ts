import type { Finding } from '../../core/findings.js';
import type { TrustChange } from '../../core/trust/types.js';
import { VERSION } from '../../version.js';
import { buildReport } from '../../cli/lint-formats/report.js';
import { renderGithub } from '../../cli/lint-formats/render-github.js';
import { renderJunit } from '../../cli/lint-formats/render-junit.js';
import { renderSarif } from '../../cli/lint-formats/render-sarif.js';
import { renderText } from '../../cli/lint-formats/render-text.js';
import { escapeForTerminal } from '../../cli/escape-terminal.js';

export type DriftFormat = 'text' | 'json' | 'github' | 'sarif' | 'junit';

export interface DriftOutcome {
  config: string;
  metadataUrl: string;
  findings: Finding[];
  change: TrustChange;
  exitCode: number;
}

/**
 * drift speaks lint's formats (its findings point into the config file), so one scheduled CI
 * job can upload both to code scanning. JSON: schemas/drift.schema.json.
 */
export function renderDrift(format: DriftFormat, o: DriftOutcome, color: boolean): string {
  const report = buildReport([{ file: o.config, findings: o.findings }]);
  switch (format) {
    case 'json':
      return `${JSON.stringify(
        {
          schemaVersion: 1,
          tool: { name: 'polyaxon-sso', version: VERSION },
          exitCode: o.exitCode,
          config: o.config,
          metadataUrl: o.metadataUrl,
          drift: o.exitCode !== 0,
          change: o.change,
          findings: o.findings,
          summary: { error: report.summary.error, warning: report.summary.warning, info: report.summary.info },
        },
        null,
        2,
      )}\n`;
    case 'github':
      return renderGithub(report);
    case 'sarif':
      return renderSarif(report, { version: VERSION });
    case 'junit':
      return renderJunit(report, { strict: true });
    default: {
      const head = `${escapeForTerminal(o.config)}: compared with ${escapeForTerminal(o.metadataUrl)}: ${o.findings.length === 0 ? 'no drift' : 'drift'}\n`;
      return o.findings.length === 0 ? head : head + renderText(report, { color }).replace(/^.*linted: /m, '');
    }
  }
}
