import type { WireReply } from './exchange.js';

/** Hints for the common answers, when the route has none of its own. */
const HINTS: Partial<Record<number, string>> = {
  401: 'check the public and private key, and that the runner’s IP address is on the API key’s access list',
  403: 'the API key needs the Organization Owner role in this organization (or the organization requires an IP access list for API keys)',
  404: 'check the organization or project id, and that the API key belongs to that organization',
  409: 'the request conflicts with the current state (a live migration in progress?); see the detail',
  429: 'the API rate limit was hit; wait and re-run, or run less often',
};

export function hintFor(status: number, own?: Partial<Record<number, string>>): string | undefined {
  return own?.[status] ?? HINTS[status];
}

export interface ProblemBody {
  errorCode?: string;
  detail?: string;
}

/** MongoDB, OAuth and GitHub error bodies; nothing from HTML or other bodies. Any JSON shape is described, never thrown on. */
export function readProblem(reply: WireReply): ProblemBody {
  if (!isJson(reply)) return {};
  let body: unknown;
  try {
    body = JSON.parse(reply.text);
  } catch {
    return {};
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const b = body as Record<string, unknown>;
  const errorCode = typeof b.errorCode === 'string' ? b.errorCode : typeof b.error === 'string' ? b.error : undefined;
  // GitHub's error bodies carry only `message` (and `documentation_url`).
  let detail = [b.detail, b.error_description, b.message].find((d): d is string => typeof d === 'string');
  const badRequest = b.badRequestDetail;
  const fields = badRequest && typeof badRequest === 'object' ? (badRequest as { fields?: unknown }).fields : undefined;
  if (Array.isArray(fields) && fields.length) {
    const list = fields
      .filter((f): f is Record<string, unknown> => Boolean(f) && typeof f === 'object' && !Array.isArray(f))
      .map((f) => `${describeValue(f.field)}: ${describeValue(f.description)}`)
      .join('; ');
    if (list) detail = detail ? `${detail} (${list})` : list;
  }
  return { errorCode, detail };
}

/**
 * A value from an error body in words, whatever its JSON type: a string as is, a number or
 * boolean as written, anything else by its shape ("an object with 2 keys") rather than its text,
 * which may be large and is a stranger's.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return '(none)';
  if (Array.isArray(value)) return `(an array of ${value.length})`;
  if (typeof value === 'object') {
    const n = Object.keys(value).length;
    return `(an object with ${n} ${n === 1 ? 'key' : 'keys'})`;
  }
  return `(${typeof value})`;
}

export function isJson(reply: WireReply): boolean {
  return /[/+]json\b/i.test(reply.contentType);
}

/** What a body was, without showing it: "an empty body", "a text/html body (136 bytes, not shown)". */
export function bodyShape(reply: WireReply): string {
  if (reply.text.length === 0) return 'an empty body';
  const type = reply.contentType
    .split(';')[0]
    .trim()
    .replace(/[^\w.+/-]/g, '')
    .slice(0, 60);
  const kind = type || 'untyped';
  return `${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind} body (${reply.text.length} bytes, not shown)`;
}
