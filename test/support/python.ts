import { spawn, spawnSync } from 'node:child_process';

let python: string | null | undefined;

/** A python with PyYAML: `python3`, then Debian's. Under CI=true a missing PyYAML is a failure. */
export function findPython(): string | null {
  if (python !== undefined) return python;
  python = null;
  for (const cand of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(cand, ['-c', 'import yaml'], { encoding: 'utf8' });
    if (r.status === 0) return (python = cand);
  }
  if (process.env.CI === 'true') throw new Error('PyYAML not found (CI=true): install python3-yaml (.ci/run does)');
  process.stderr.write('notice: no python3 with PyYAML found; PyYAML read-back checks are skipped\n');
  return python;
}

/**
 * What Polyaxon reads: PyYAML `safe_load` of each text, summarised as the okta block
 * (`externalServices.auth.okta`: whether it is a mapping, `enabled`, `options.xml`). One python
 * process serves a whole suite over JSON lines (stdin/stdout), never one process per case.
 * Values that are not JSON scalars come back as `{"type": "<python type>"}`, so an alias bomb
 * is never expanded.
 */
export interface PyOkta {
  /** safe_load succeeded; otherwise `error` says why. */
  ok: boolean;
  error?: string;
  /** The document's top-level type (`dict`, `NoneType`, …). */
  root?: string;
  /** `externalServices.auth.okta` as PyYAML reads it: absent (undefined), a mapping, or another value. */
  okta?:
    | { map: true; enabled?: unknown; hasEnabled: boolean; options?: unknown; xml?: unknown; hasXml: boolean }
    | { map: false; value: unknown };
  /** Keys of externalServices.auth (stringified), when it is a mapping. */
  authKeys?: string[];
  /** Top-level keys (stringified), merged keys included. */
  keys?: string[];
  /** With `full`: the whole document as canonical JSON (sorted keys; other types as str()). */
  data?: string;
}

const PY_OKTA = String.raw`
import json, sys, yaml
def scalar(v):
    if v is None or isinstance(v, (bool, int, str)) or (isinstance(v, float) and v == v and abs(v) != float('inf')):
        return v
    return {"type": type(v).__name__}
def step(d, k):
    return d.get(k) if isinstance(d, dict) else None
for line in sys.stdin:
    req = json.loads(line)
    out = {"id": req["id"]}
    try:
        d = yaml.safe_load(req["text"])
        out["ok"] = True
        out["root"] = type(d).__name__
        if isinstance(d, dict):
            out["keys"] = [str(k) for k in d.keys()]
        if req.get("full"):
            out["data"] = json.dumps(d, default=str, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        auth = step(step(d, "externalServices"), "auth")
        if isinstance(auth, dict):
            out["authKeys"] = [str(k) for k in auth.keys()]
        if isinstance(auth, dict) and "okta" in auth:
            o = auth["okta"]
            if isinstance(o, dict):
                opts = o.get("options")
                b = {"map": True, "hasEnabled": "enabled" in o, "enabled": scalar(o.get("enabled")), "hasXml": isinstance(opts, dict) and "xml" in opts}
                b["options"] = scalar(opts) if not isinstance(opts, dict) else {"type": "dict"}
                if isinstance(opts, dict):
                    b["xml"] = scalar(opts.get("xml"))
                out["okta"] = b
            else:
                out["okta"] = {"map": False, "value": scalar(o)}
    except BaseException as e:
        out["ok"] = False
        out["error"] = type(e).__name__ + ": " + str(e).split("\n")[0]
    sys.stdout.write(json.dumps(out) + "\n")
    sys.stdout.flush()
`;

export interface PyYamlReader {
  /** PyYAML's reading of each text, in order. */
  load(texts: readonly string[], opts?: { full?: boolean }): Promise<PyOkta[]>;
  close(): void;
}

/** Starts the one python process of a suite; null when PyYAML is missing (and CI is not set). */
export function startPyYaml(): PyYamlReader | null {
  const py = findPython();
  if (py === null) return null;
  const child = spawn(py, ['-c', PY_OKTA], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdout.setEncoding('utf8');
  const waiting = new Map<number, (r: PyOkta) => void>();
  let buffer = '';
  let next = 0;
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const msg = JSON.parse(buffer.slice(0, nl)) as PyOkta & { id: number };
      buffer = buffer.slice(nl + 1);
      waiting.get(msg.id)?.(msg);
      waiting.delete(msg.id);
    }
  });
  return {
    load(texts, opts = {}) {
      const all = texts.map((text) => {
        const id = next++;
        const p = new Promise<PyOkta>((resolve) => waiting.set(id, resolve));
        child.stdin.write(`${JSON.stringify({ id, text, full: opts.full === true })}\n`);
        return p;
      });
      return Promise.all(all);
    },
    close() {
      child.stdin.end();
    },
  };
}
