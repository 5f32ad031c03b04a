import type { AbsentRoute, Route } from './route.js';
import {
  array,
  boolean,
  lenientArray,
  matching,
  number,
  object,
  oneOrSingleton,
  optional,
  orElse,
  string,
  type Infer,
  type Lenient,
} from './shape.js';
import { OBJECT_ID } from './ids.js';

/** Both services: "Get One Organization", read only to prove that a 404 meant "nothing there". */
export const atlasOrg: Route<null> = {
  name: 'atlas.org',
  side: 'atlas',
  method: 'GET',
  path: '/api/atlas/v2/orgs/{orgId}',
  operation: 'read the organization',
  version: '2023-01-01',
  reply: null,
};

export const sourceOrg: Route<null> = {
  name: 'source.org',
  side: 'source',
  method: 'GET',
  path: '/api/public/v1.0/orgs/{orgId}',
  operation: 'read the organization',
  reply: null,
};

/** The destination Atlas project, read to tell a wrong project id from a wrong validation or migration id. */
export const atlasProject: Route<null> = {
  name: 'atlas.project',
  side: 'atlas',
  method: 'GET',
  path: '/api/atlas/v2/groups/{groupId}',
  operation: 'read the project',
  version: '2023-01-01',
  reply: null,
};

/**
 * The read that fetches a digest challenge before `route`'s first call with a body: the project
 * when the route is in one, else the organization. Both are GETs MongoDB defines (a bodiless GET
 * of the route's own path may not exist: `…/liveMigrations/validate` is POST only).
 */
export function challengeRouteFor(route: Route): Route<null> {
  if (route.side === 'source') return sourceOrg;
  return route.path.includes('{groupId}') ? atlasProject : atlasOrg;
}

const atlasOrgAbsent = {
  proof: atlasOrg,
  input: 'atlas-org-id',
  param: 'orgId',
  what: 'Atlas organization',
  hint: 'check atlas-org-id for a typo, and that the Atlas API key or service account belongs to that organization',
};
const sourceOrgAbsent = {
  proof: sourceOrg,
  input: 'source-org-id',
  param: 'orgId',
  what: 'source organization',
  hint: 'check source-org-id for a typo, and that the source API key belongs to that organization',
};
const ACTIVE_MIGRATION = 'a live migration is in progress; let it finish (or cut it over), then re-run';

const linkToken = object({
  // The v1.0 example documents a one-element array; the schema says string. Take both.
  linkToken: oneOrSingleton(matching(/^[A-Za-z0-9+/=_.-]{16,16384}$/, 'a link token (base64 text)')),
});

export const createLinkToken: Route<Infer<typeof linkToken>> = {
  name: 'atlas.linkTokens.create',
  side: 'atlas',
  method: 'POST',
  path: '/api/atlas/v2/orgs/{orgId}/liveMigrations/linkTokens',
  operation: 'create the link token',
  version: '2023-01-01',
  reply: linkToken,
  hints: { 404: atlasOrgAbsent.hint },
};

/** Deletes the Atlas organization's link (every token, for every source linked with it). */
export const deleteLinkTokens: AbsentRoute<null> = {
  name: 'atlas.linkTokens.delete',
  side: 'atlas',
  method: 'DELETE',
  path: '/api/atlas/v2/orgs/{orgId}/liveMigrations/linkTokens',
  operation: 'delete the link token',
  version: '2023-01-01',
  reply: null,
  absent: atlasOrgAbsent,
  hints: { 409: ACTIVE_MIGRATION },
};

const deployment = object({
  name: string,
  mongoDBVersion: optional(string),
  featureCompatibilityVersion: optional(string),
  managed: optional(boolean),
  sharded: optional(boolean),
  tlsEnabled: optional(boolean),
  clusterId: optional(string),
  // Sizing, for the destination's disk and the oplog window: MongoDB may leave any of them out.
  dbSizeBytes: optional(number),
  oplogSizeMB: optional(number),
  shardsSize: optional(number),
  agentVersion: optional(string),
});

const project = object({
  projectId: matching(OBJECT_ID, '24 hexadecimal digits'),
  name: string,
  deployments: orElse(lenientArray(deployment), () => ({ items: [], skipped: [] })),
  // The specification says string: a host name, an address, or whatever the source calls its host.
  migrationHosts: orElse(array(string), () => []),
});

export type AvailableProject = Infer<typeof project>;

/** A 404 with the organization readable is an empty list; otherwise atlas-org-id is wrong. */
export const availableProjects: AbsentRoute<Lenient<AvailableProject>> = {
  name: 'atlas.availableProjects',
  side: 'atlas',
  method: 'GET',
  path: '/api/atlas/v2/orgs/{orgId}/liveMigrations/availableProjects',
  operation: 'list the projects available for migration',
  version: '2023-01-01',
  reply: lenientArray(project),
  absent: atlasOrgAbsent,
};

// ConnectionStatus requires nothing: a missing or null status is read as not given (see link-steps).
const linkState = object({ status: optional(string) });

/** `status` is whatever the source says: SYNCED, NOT_SYNCED, or a value MongoDB adds later. */
export const linkStatus: AbsentRoute<Infer<typeof linkState>> = {
  name: 'source.link.status',
  side: 'source',
  method: 'GET',
  path: '/api/public/v1.0/orgs/{orgId}/liveExport/migrationLink/status',
  operation: 'read the migration link status',
  reply: linkState,
  absent: sourceOrgAbsent,
};

export const connectLink: Route<Infer<typeof linkState>> = {
  name: 'source.link.connect',
  side: 'source',
  method: 'POST',
  path: '/api/public/v1.0/orgs/{orgId}/liveExport/migrationLink',
  operation: 'connect to Atlas with the link token',
  reply: linkState,
};

export const deleteLink: AbsentRoute<null> = {
  name: 'source.link.delete',
  side: 'source',
  method: 'DELETE',
  path: '/api/public/v1.0/orgs/{orgId}/liveExport/migrationLink',
  operation: 'remove the migration link',
  reply: null,
  absent: sourceOrgAbsent,
  hints: { 409: ACTIVE_MIGRATION },
};
