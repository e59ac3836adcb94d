/**
 * Finds the SAMLResponse in a browser capture: a SAML-tracer export (`{requests: [{method, url,
 * post, saml}]}`, simplesamlphp/SAML-tracer src/SAMLTraceIO.js) or a HAR file (`{log: {entries:
 * [{request: {method, url, postData: {params, text}}}]}}`, W3C HAR 1.2). Issue 7: pick the
 * SAMLResponse POSTed to our ACS URL; a capture holds the whole login, often several SPs.
 */
import { finding, type Finding } from '../findings.js';

export interface CaptureHit {
  kind: 'saml-tracer' | 'har';
  /** The form value as captured (base64, possibly URL-encoded), or undefined when only decoded XML survives. */
  value?: string;
  /** SAML-tracer's own decoded copy, used when the export filter hashed the POST values. */
  decodedXml?: string;
  url: string;
  findings: Finding[];
}

interface Post {
  url: string;
  value?: string;
  decodedXml?: string;
}

export type CaptureResult = { ok: true; hit: CaptureHit } | { ok: false; kind?: CaptureHit['kind']; message: string };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function pickFromCapture(json: unknown, acsUrl: string | undefined): CaptureResult {
  let kind: CaptureHit['kind'];
  let posts: Post[];
  if (isObj(json) && Array.isArray(json.requests)) {
    kind = 'saml-tracer';
    posts = json.requests.flatMap(tracerPost);
  } else if (isObj(json) && isObj(json.log) && Array.isArray(json.log.entries)) {
    kind = 'har';
    posts = json.log.entries.flatMap(harPost);
  } else {
    return { ok: false, message: 'the JSON input is neither a SAML-tracer export nor a HAR file' };
  }
  if (posts.length === 0) return { ok: false, kind, message: `the ${kind} capture holds no POST with a SAMLResponse` };
  const findings: Finding[] = [];
  const toAcs = acsUrl === undefined ? [] : posts.filter((p) => sameUrl(p.url, acsUrl));
  let chosen: Post;
  if (toAcs.length > 0) chosen = toAcs[toAcs.length - 1] as Post;
  else {
    chosen = posts[posts.length - 1] as Post;
    if (acsUrl !== undefined)
      findings.push(
        finding(
          'CAPTURE_NOT_POSTED_TO_ACS',
          'warning',
          `no SAMLResponse in the capture was POSTed to ${acsUrl}; checking the last one, POSTed to ${chosen.url}`,
          'In Okta, set "Single sign-on URL" to the ACS URL that `polyaxon-sso urls` prints, or pass --acs-url if Polyaxon sits behind a proxy.',
        ),
      );
  }
  const usedOf = toAcs.length > 0 ? toAcs.length : posts.length;
  if (usedOf > 1)
    findings.push(
      finding('CAPTURE_SEVERAL_RESPONSES', 'info', `the capture holds ${usedOf} matching SAMLResponse POSTs; checking the last one`),
    );
  const hit: CaptureHit = { kind, url: chosen.url, findings };
  if (chosen.value !== undefined) hit.value = chosen.value;
  if (chosen.decodedXml !== undefined) hit.decodedXml = chosen.decodedXml;
  return { ok: true, hit };
}

function tracerPost(r: unknown): Post[] {
  if (!isObj(r) || String(r.method).toUpperCase() !== 'POST') return [];
  const url = String(r.url ?? '');
  let value = formValue(r.post);
  // SAML-tracer's "hash"/"obfuscate" export profiles overwrite POST values; its decoded copy survives.
  if (value !== undefined && !/^[A-Za-z0-9+/=%\s]+$/.test(value)) value = undefined;
  const decodedXml = typeof r.saml === 'string' && /Response[\s>]/.test(r.saml) ? r.saml : undefined;
  if (value === undefined && decodedXml === undefined) return [];
  const post: Post = { url };
  if (value !== undefined) post.value = value;
  if (decodedXml !== undefined) post.decodedXml = decodedXml;
  return [post];
}

function harPost(e: unknown): Post[] {
  if (!isObj(e) || !isObj(e.request) || String(e.request.method).toUpperCase() !== 'POST') return [];
  const req = e.request;
  const pd = isObj(req.postData) ? req.postData : {};
  const value = formValue(pd.params) ?? (typeof pd.text === 'string' ? fromFormBody(pd.text) : undefined);
  return value === undefined ? [] : [{ url: String(req.url ?? ''), value }];
}

/** [[name, value]] pairs, [{name, value}] objects, or a {name: value | [value]} map. */
function formValue(post: unknown): string | undefined {
  if (Array.isArray(post)) {
    for (const p of post) {
      if (Array.isArray(p) && p[0] === 'SAMLResponse' && typeof p[1] === 'string') return p[1];
      if (isObj(p) && p.name === 'SAMLResponse' && typeof p.value === 'string') return p.value;
    }
    return undefined;
  }
  if (isObj(post)) {
    const v = post.SAMLResponse;
    if (typeof v === 'string') return v;
    if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  }
  return undefined;
}

/** `SAMLResponse=…&RelayState=…` (application/x-www-form-urlencoded). */
export function fromFormBody(body: string): string | undefined {
  for (const part of body.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === 'SAMLResponse') return part.slice(eq + 1);
  }
  return undefined;
}

function sameUrl(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    const path = (u: URL) => u.pathname.replace(/\/+$/, '');
    return x.origin === y.origin && path(x) === path(y);
  } catch {
    return a === b;
  }
}
