// @ts-check
// The route table: every operation the simulator serves, with its name (what fail(), respond()
// and requests() use), side, method, path, the API versions it publishes (Atlas v2), the roles
// it allows, and its handler. Handlers run after authentication and the media-type checks.
import { ApiError, clusterNotFound, noMigrationLink, userUnauthorized, validationError } from './errors.js';
import { connectRequest, linkTokenRequest, migrationRequest } from './schema.js';

/** @typedef {import('./types.js').Side} Side */
/** @typedef {import('./types.js').Reply} Reply */
/**
 * @typedef {{
 *   params: Record<string, string>, principal: import('./types.js').Principal, version: string, contentType: string,
 *   rawBody: string, body: () => Record<string, unknown>, world: import('./state.js').World,
 *   migrations: import('./migrations.js').Migrations, atlasOrg: () => import('./state.js').AtlasOrg,
 *   sourceOrg: () => import('./state.js').SourceOrg, project: () => import('./state.js').AtlasProject
 * }} RouteContext
 */
/**
 * @typedef {{ name: string, side: Side, method: string, path: string, pattern: RegExp, versions: string[], roles: string[],
 *   handler: (ctx: RouteContext) => Reply }} Route
 */

// MongoDB documents Organization Owner for every operation here but two reads: the organization
// and a migration (getPushMigration: Organization Member). Organization Read Only reads everything
// in the organization, so it reads what a Member may. Reading a validation is Owner only, as
// documented (getValidationStatus). A project read takes any organization role here: the
// simulator has no project membership. See src/api/API-NOTES.md.
const OWNER = ['ORG_OWNER'];
const READERS = ['ORG_OWNER', 'ORG_MEMBER', 'ORG_READ_ONLY'];
const V2023 = ['2023-01-01'];
const V2024 = ['2024-05-30', '2023-01-01'];
// getGroupCluster publishes 2023-01-01, 2023-02-01 and 2024-08-05, each with its own answer; only
// the 2024-08-05 answer is modelled, so only that version is served.
const V2024_08 = ['2024-08-05'];
const ATLAS = '/api/atlas/v2';
const SOURCE = '/api/public/v1.0';
const ID = /^[a-f0-9]{24}$/;

/** @param {string} path @returns {Side} */
export const sideOf = (path) => (path.startsWith('/api/oauth/') ? 'oauth' : path.startsWith('/api/atlas/') ? 'atlas' : 'source');

/**
 * @param {string} name @param {string} method @param {string} path with {param} placeholders
 * @param {string[]} versions @param {string[]} roles @param {Route['handler']} handler @returns {Route}
 */
function route(name, method, path, versions, roles, handler) {
  const pattern = new RegExp(`^${path.replace(/\./g, '\\.').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`);
  return { name, side: sideOf(path), method, path, pattern, versions, roles, handler };
}

/** @param {number} status @param {unknown} [body] @returns {Reply} */
const reply = (status, body) => ({ status, body });
/** @param {{ id: string, name: string }} org */
const orgBody = (org) => ({ id: org.id, name: org.name, isDeleted: false, links: [] });

/** @type {Route[]} */
const ROUTES = [
  route('atlas.org', 'GET', `${ATLAS}/orgs/{orgId}`, V2023, READERS, (c) => reply(200, orgBody(c.atlasOrg()))),
  route('atlas.linkTokens.create', 'POST', `${ATLAS}/orgs/{orgId}/liveMigrations/linkTokens`, V2023, OWNER, (c) => {
    const org = c.atlasOrg();
    return reply(201, { linkToken: c.world.issueLinkToken(org.id, linkTokenRequest(c.body()).accessListIps) });
  }),
  route('atlas.linkTokens.delete', 'DELETE', `${ATLAS}/orgs/{orgId}/liveMigrations/linkTokens`, V2023, OWNER, (c) => {
    c.world.deleteLinkTokens(c.atlasOrg());
    return reply(204);
  }),
  route('atlas.availableProjects', 'GET', `${ATLAS}/orgs/{orgId}/liveMigrations/availableProjects`, V2023, OWNER, (c) =>
    reply(200, c.world.availableProjects(c.atlasOrg().id)),
  ),
  route('atlas.project', 'GET', `${ATLAS}/groups/{groupId}`, V2023, READERS, (c) => {
    const project = c.project();
    return reply(200, { id: project.id, name: project.name, orgId: project.orgId });
  }),
  route('atlas.cluster', 'GET', `${ATLAS}/groups/{groupId}/clusters/{clusterName}`, V2024_08, READERS, (c) => {
    const project = c.project();
    const body = c.world.clusterBody(project, c.params.clusterName);
    if (!body) throw clusterNotFound(c.params.clusterName, project.id);
    return reply(200, body);
  }),
  route('atlas.migrations.validate', 'POST', `${ATLAS}/groups/{groupId}/liveMigrations/validate`, V2024, OWNER, (c) => {
    const project = c.project();
    return reply(200, c.migrations.validate(project, migrationRequest(c.body(), c.version, project.id)));
  }),
  route('atlas.migrations.validation', 'GET', `${ATLAS}/groups/{groupId}/liveMigrations/validate/{validationId}`, V2023, OWNER, (c) =>
    reply(200, c.migrations.validation(c.project(), c.params.validationId, true)),
  ),
  route('atlas.migrations.create', 'POST', `${ATLAS}/groups/{groupId}/liveMigrations`, V2024, OWNER, (c) => {
    const project = c.project();
    return reply(201, c.migrations.create(project, migrationRequest(c.body(), c.version, project.id)));
  }),
  route('atlas.migrations.describe', 'GET', `${ATLAS}/groups/{groupId}/liveMigrations/{liveMigrationId}`, V2023, READERS, (c) =>
    reply(200, c.migrations.describe(c.project(), c.params.liveMigrationId, true)),
  ),
  route('atlas.migrations.cutover', 'PUT', `${ATLAS}/groups/{groupId}/liveMigrations/{liveMigrationId}/cutover`, V2023, OWNER, (c) => {
    c.migrations.cutover(c.project(), c.params.liveMigrationId);
    return reply(202);
  }),

  route('source.org', 'GET', `${SOURCE}/orgs/{orgId}`, [], READERS, (c) => reply(200, orgBody(c.sourceOrg()))),
  route('source.link.status', 'GET', `${SOURCE}/orgs/{orgId}/liveExport/migrationLink/status`, [], OWNER, (c) => {
    const org = c.sourceOrg();
    const status = c.world.pollLink(org);
    if (status !== undefined) return reply(200, { status });
    if (org.noLinkAnswer === 'not-synced') return reply(200, { status: 'NOT_SYNCED' });
    throw noMigrationLink();
  }),
  route('source.link.connect', 'POST', `${SOURCE}/orgs/{orgId}/liveExport/migrationLink`, [], OWNER, (c) => {
    const org = c.sourceOrg();
    const status = c.world.connect(org, connectRequest(c.body()).linkToken);
    if (status === undefined) throw new ApiError(400, 'INVALID_LINK_TOKEN', 'The link token is invalid or was revoked.');
    return reply(201, { status });
  }),
  route('source.link.delete', 'DELETE', `${SOURCE}/orgs/{orgId}/liveExport/migrationLink`, [], OWNER, (c) => {
    c.world.disconnect(c.sourceOrg());
    return reply(204);
  }),

  // OAuth: the principal is the service account of the Basic header (see auth.js).
  route('oauth.token', 'POST', '/api/oauth/token', [], [], (c) => {
    const form = oauthForm(c);
    if (!(form instanceof URLSearchParams)) return form;
    if (form.get('grant_type') !== 'client_credentials') return reply(400, { error: 'unsupported_grant_type' });
    const { token, expiresIn } = c.world.issueAccessToken(c.principal.id);
    return reply(200, { access_token: token, token_type: 'Bearer', expires_in: expiresIn });
  }),
  route('oauth.revoke', 'POST', '/api/oauth/revoke', [], [], (c) => {
    const form = oauthForm(c);
    if (!(form instanceof URLSearchParams)) return form;
    c.world.revokeAccessToken(c.principal.id, form.get('token') ?? '');
    return reply(200);
  }),
];

export const ROUTE_NAMES = ROUTES.map((r) => r.name);

/** @param {RouteContext} c @returns {URLSearchParams | Reply} */
function oauthForm(c) {
  if (!c.contentType.startsWith('application/x-www-form-urlencoded')) {
    return reply(400, { error: 'invalid_request', error_description: 'Form body expected.' });
  }
  return new URLSearchParams(c.rawBody);
}

/**
 * The route for `method` and `path`; `allowed` lists the methods the path takes when the method is not one.
 * @param {string} method @param {string} path
 * @returns {{ route: Route, params: Record<string, string> } | { allowed: string[] } | null}
 */
export function matchRoute(method, path) {
  /** @type {string[]} */
  const allowed = [];
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    if (r.method === method) return { route: r, params: decoded(m.groups ?? {}) };
    allowed.push(r.method);
  }
  return allowed.length ? { allowed } : null;
}

/** Path parameters as the client meant them (a name may be URL-encoded). @param {Record<string, string>} groups */
function decoded(groups) {
  return Object.fromEntries(
    Object.entries(groups).map(([k, v]) => {
      try {
        return [k, decodeURIComponent(v)];
      } catch {
        return [k, v];
      }
    }),
  );
}

/** 400 for a path id (orgId, groupId, …Id) that is not 24 hexadecimal digits; names (clusterName) are the handler's. @param {Record<string, string>} params */
export function checkPathIds(params) {
  for (const [name, value] of Object.entries(params)) {
    if (name.endsWith('Id') && !ID.test(value)) throw validationError(name, `Invalid ${name} ${value}: expected 24 hexadecimal digits.`);
  }
}

/** 403 unless the principal holds one of the route's roles. @param {Route} route @param {import('./types.js').Principal} principal */
export function checkRoles(route, principal) {
  if (route.roles.length && !principal.roles.some((r) => route.roles.includes(r))) throw userUnauthorized(route.roles);
}

/**
 * Atlas v2: Accept `application/vnd.atlas.{date}+json` with a date the operation publishes (else 406
 * INVALID_VERSION_DATE), and the same Content-Type on a body (else 415). Source: application/json.
 * @param {Route} route @param {import('node:http').IncomingHttpHeaders} headers @param {string} rawBody @returns {string} the version
 */
export function checkMediaTypes(route, headers, rawBody) {
  const accept = String(headers.accept ?? '').trim();
  const contentType = String(headers['content-type'] ?? '')
    .split(';')[0]
    .trim();
  if (route.side === 'atlas') {
    const version = /^application\/vnd\.atlas\.(\d{4}-\d{2}-\d{2})\+json$/.exec(accept)?.[1];
    if (!version || !route.versions.includes(version)) {
      throw new ApiError(
        406,
        'INVALID_VERSION_DATE',
        `Invalid accept header or version date: ${accept}. This operation publishes ${route.versions.join(', ')}.`,
      );
    }
    const expected = `application/vnd.atlas.${version}+json`;
    if (rawBody && contentType !== expected)
      throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Type must be ${expected}, got ${contentType}.`);
    return version;
  }
  if (route.side === 'source') {
    if (!accept.split(',').some((a) => a.trim().startsWith('application/json')))
      throw new ApiError(406, 'NOT_ACCEPTABLE', 'Accept must be application/json.');
    if (rawBody && contentType !== 'application/json')
      throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Type must be application/json, got ${contentType}.`);
  }
  return '';
}
