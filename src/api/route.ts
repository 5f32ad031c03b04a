import type { Shape } from './shape.js';

/** MongoDB's two services, and GitHub's REST API (the campaign's state lives in the repository). */
export type Side = 'atlas' | 'source' | 'github';
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One call of MongoDB's API, and what its answers mean: the transport reads a route and
 * nothing else, so no caller checks a status itself.
 */
export interface Route<T = unknown> {
  /** A stable name, e.g. `source.link.status`. */
  name: string;
  side: Side;
  method: Method;
  /** Path with `{param}` (one segment) or `{param+}` (segments) placeholders, e.g. `/api/atlas/v2/orgs/{orgId}/liveMigrations/linkTokens`. */
  path: string;
  /** What the call does, for logs and errors: "create the link token". */
  operation: string;
  /**
   * Atlas Admin API v2 version date that the shapes here were written for; sent as
   * `application/vnd.atlas.<date>+json`. Absent: `application/json` (the source's v1.0 API).
   * On the github side: the `X-GitHub-Api-Version` date (see versionHeaders).
   */
  version?: string;
  /** `form` bodies are `application/x-www-form-urlencoded` (OAuth); others JSON. */
  form?: boolean;
  /** The 2xx body; `null` when none is expected (any body is then ignored). */
  reply: Shape<T> | null;
  /** When a 404 means "nothing there" rather than an error (see AbsentRule). */
  absent?: AbsentRule;
  /** Hints by status that replace the generic ones. */
  hints?: Partial<Record<number, string>>;
  /**
   * For a call that must not be made twice (it creates something there is no way to find again):
   * it is repeated only when the request surely never reached the server, and when its outcome is
   * unknown (a time-out or reset after sending, a 5xx) the error says so with this hint.
   */
  ifLost?: string;
}

/**
 * MongoDB answers 404 both for "nothing there" and for an organization (or project) that does
 * not exist or that the key cannot see. A 404 counts as "nothing there" only once `proof`, a
 * read of that organization, succeeds; otherwise the 404 is blamed on `input`.
 */
export interface AbsentRule {
  proof: Route<unknown>;
  /** The input whose value `param` is: `source-org-id`. */
  input: string;
  param: string;
  /** What `proof` reads, in words: "source organization". */
  what: string;
  /** What to check when the proof fails too. */
  hint: string;
}

export type AbsentRoute<T> = Route<T> & { absent: AbsentRule };

export type Params = Record<string, string | undefined>;

/**
 * The path with its placeholders filled; a missing one stays `{name}`. `{name}` is one segment
 * (the value URL-encoded whole, `/` too); `{name+}` is several, as a branch name in GitHub's ref
 * routes: `/` kept as the separator, each segment URL-encoded (`ops/a#1` → `ops/a%231`).
 */
export function fillPath(path: string, params: Params): string {
  return path.replace(/\{(\w+)(\+?)\}/g, (whole, name: string, segments: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return segments ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);
  });
}

/** What the request accepts. */
export function mediaType(route: Route): string {
  if (route.side === 'github') return 'application/vnd.github+json';
  return route.version ? `application/vnd.atlas.${route.version}+json` : 'application/json';
}

/** The media type of a JSON body: MongoDB wants the versioned type back; GitHub reads plain JSON. */
export function bodyType(route: Route): string {
  return route.side === 'github' ? 'application/json' : mediaType(route);
}

/** GitHub takes its API version in a header of its own, not in the media type. */
export function versionHeaders(route: Route): Record<string, string> {
  return route.side === 'github' && route.version ? { 'X-GitHub-Api-Version': route.version } : {};
}
