import { isPair, isScalar, visit, type Document, type LineCounter, type Node } from 'yaml';
import { positionAt } from '../config/parse-config.js';
import { finding, type Finding } from '../findings.js';
import { LINT_CODES } from './codes.js';

/**
 * Keys whose value looks like a secret written in plain text. One detector for lint and patch,
 * so both report the same findings at the same positions. The value is never put in a message:
 * findings end up in CI logs. `existingSecret`, `platformSecret`, `secretName` name a Kubernetes
 * Secret instead of holding one, and do not match.
 */
export const PLAINTEXT_SECRET = 'PLAINTEXT_SECRET';
const SECRET_KEY =
  /(^|[_-]|[a-z])(password|passwd|secretKey|secret_key|clientSecret|client_secret|apiKey|api_key|token|privateKey|private_key)$|^secret$/i;

export function findPlaintextSecrets(doc: Document.Parsed, lc: LineCounter, file?: string): Finding[] {
  const out: Finding[] = [];
  const info = LINT_CODES[PLAINTEXT_SECRET];
  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || typeof pair.key.value !== 'string') return;
      if (!SECRET_KEY.test(pair.key.value)) return;
      const v = pair.value;
      if (!isScalar(v) || v.value === null || v.value === '' || typeof v.value === 'boolean') return;
      const pos = (pair.key as Node).range?.[0];
      out.push(
        finding(
          PLAINTEXT_SECRET,
          info?.severity ?? 'warning',
          `"${pair.key.value}" holds a secret in plain text (value not shown)`,
          info?.help,
          pos === undefined ? undefined : positionAt(lc, pos, file),
        ),
      );
    },
  });
  return out;
}
