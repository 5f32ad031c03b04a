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

/** MongoDB, OAuth and GitHub error bodies; nothing from HTML or other bodies. */
export function readProblem(reply: WireReply): ProblemBody {
  if (!isJson(reply)) return {};
  let body: unknown;
  try {
    body = JSON.parse(reply.text);
  } catch {
    return {};
  }
  if (!body || typeof body !== 'object') return {};
  const b = body as Record<string, unknown>;
  const errorCode = typeof b.errorCode === 'string' ? b.errorCode : typeof b.error === 'string' ? b.error : undefined;
  // GitHub's error bodies carry only `message` (and `documentation_url`).
  let detail = [b.detail, b.error_description, b.message].find((d): d is string => typeof d === 'string');
  const fields = (b.badRequestDetail as { fields?: unknown } | undefined)?.fields;
  if (Array.isArray(fields) && fields.length) {
    const list = fields
      .filter((f): f is Record<string, unknown> => Boolean(f) && typeof f === 'object')
      .map((f) => `${String(f.field)}: ${String(f.description)}`)
      .join('; ');
    detail = detail ? `${detail} (${list})` : list;
  }
  return { errorCode, detail };
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
