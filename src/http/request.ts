import type { CallArgs } from '../api/api.js';
import { bodyType, fillPath, mediaType, versionHeaders, type Params, type Route } from '../api/route.js';
import type { WireRequest } from './exchange.js';

const USER_AGENT = 'mongodb-live-migration-action/1';

/** Where one side's routes go: its base URL and the placeholders every route of it fills (`orgId`, `groupId`). */
export interface Endpoint {
  baseUrl: string;
  params: Params;
}

export function urlOf(endpoint: Endpoint, route: Route, params: Params = {}): string {
  return `${endpoint.baseUrl}${fillPath(route.path, { ...endpoint.params, ...params })}`;
}

/** The request a route describes: its media type, a JSON or form body, and the caller's extra headers. */
export function buildRequest(endpoint: Endpoint, route: Route, args: CallArgs): WireRequest {
  const media = mediaType(route);
  const headers: Record<string, string> = {
    Accept: route.form ? 'application/json' : media,
    'User-Agent': USER_AGENT,
    ...versionHeaders(route),
    ...args.headers,
  };
  let body: string | undefined;
  if (args.form) {
    body = new URLSearchParams(args.form).toString();
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  } else if (args.body !== undefined) {
    body = JSON.stringify(args.body);
    headers['Content-Type'] = bodyType(route);
  }
  if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body));
  return { method: route.method, url: urlOf(endpoint, route, args.params), headers, body };
}
