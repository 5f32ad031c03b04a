// @ts-check
// The simulator's shared types, in JSDoc. Nothing here runs; index.js re-exports them.

/** @typedef {'atlas' | 'source' | 'oauth' | 'github'} Side */

/** Who a request authenticated as: an API key (digest) or a service account (Basic or Bearer). */
/** @typedef {{ kind: 'apiKey' | 'serviceAccount', id: string, orgId: string, roles: string[] }} Principal */

/**
 * An answer to write. `body` is serialized as JSON (honouring `envelope` and `pretty`); `raw` is
 * sent byte for byte instead. `contentType` defaults to application/json when there is a body.
 * @typedef {{ status: number, body?: unknown, raw?: string, contentType?: string, headers?: Record<string, string | string[]> }} Reply
 */

/**
 * One request as the simulator saw it. `at` is wall-clock time (Date.now(), for retry timing);
 * `clock` is the simulator's clock. `status` is -1 for a reset connection, -2 for a hang.
 * `rejected` says why digest refused it; `injected` names the fault kind or 'respond' when
 * fail() or respond() answered instead of the service.
 * @typedef {{
 *   seq: number, side: Side, route: string | null, method: string, path: string, target: string,
 *   status: number, auth: 'none' | 'digest' | 'bearer' | 'basic',
 *   headers: Record<string, string | string[] | undefined>, body: string, at: number, clock: number,
 *   rejected?: string, injected?: string
 * }} RecordedRequest
 */

/** @typedef {{ side?: Side, method?: string, route?: string, pathPart?: string }} RequestFilter */

/**
 * A fault applied BEFORE authentication, as a proxy or load balancer would:
 * - status: `status` (500) with `body` (a JSON error) and `headers`;
 * - reset: the connection is reset; hang: no answer, the socket closes after `ms` (60 s);
 * - html: an nginx 502 page (status 502); malformed: truncated JSON (status 200); empty: no body (200);
 * - drip: the answer a byte at a time every `ms` (100): `status`/`body` if given, else the real answer.
 * `times`: how many requests it answers (1; Infinity allowed).
 * @typedef {{ kind: 'status' | 'reset' | 'hang' | 'html' | 'malformed' | 'empty' | 'drip',
 *   status?: number, headers?: Record<string, string>, body?: unknown, times?: number, ms?: number }} Fault
 */

/**
 * A scripted answer given AFTER authentication, in place of the service: a Reply, or a function
 * of the request and of `real()`, which runs the real service and returns what it would answer.
 * @typedef {Reply | ((request: RecordedRequest, real: () => Reply) => Reply)} ScriptedReply
 */

/**
 * How validations and migrations move on. Each GET of a validation or migration is a poll; time is
 * the simulator's clock. A step happens at whichever comes first, the polls or the time.
 * @typedef {{
 *   validationAfterPolls: number, validationAfterMs: number, validationFails: string | null,
 *   workingAfterPolls: number, workingAfterMs: number, readyAfterPolls: number, readyAfterMs: number,
 *   lagSeconds: number[], completeAfterPolls: number, completeAfterMs: number,
 *   failAfterPolls: number | null, failMessage: string | null
 * }} MigrationPlan
 */

/** @typedef {{ name?: string, availableProjects?: unknown[], activeMigration?: boolean }} AtlasOrgOptions */

/**
 * @typedef {{ name?: string, syncAfterPolls?: number, neverSyncs?: boolean, activeMigration?: boolean,
 *   noLinkAnswer?: 'not-found' | 'not-synced' }} SourceOrgOptions
 */

/** A destination cluster's details (defaults in state.js: MongoDB 7.0.15, 40 GB disk per shard, 1 shard). @typedef {{ mongoDBVersion?: string, diskSizeGB?: number, shards?: number }} ClusterSpec */

/** @typedef {{ orgId: string, name?: string, clusters: string[], clusterSpecs?: Record<string, ClusterSpec> }} AtlasProjectOptions */

/**
 * An existing migration arranged by a test. `status` WORKING with `readyForCutover` is ready
 * (since `readyAt`, default now); with `cutover: true` the cutover is under way.
 * @typedef {{ status?: 'NEW' | 'WORKING' | 'FAILED' | 'COMPLETE' | 'EXPIRED', readyForCutover?: boolean,
 *   readyAt?: number, cutover?: boolean, clusterName?: string, source?: { groupId: string, clusterName: string },
 *   migrationHosts?: string[] }} ArrangedMigration
 */

/** @typedef {{ _id: string, status: string, errorMessage: string | null, groupId: string, sourceGroupId: string }} Validation */

/**
 * @typedef {{ _id: string, status: string, readyForCutover: boolean, lagTimeSeconds?: number,
 *   migrationHosts: string[] }} Migration
 */

/** @typedef {Validation & { polls: number, createdAt: number }} ValidationSnapshot */

/**
 * @typedef {Migration & { groupId: string, source: Record<string, unknown>, destination: Record<string, unknown>,
 *   polls: number, createdAt: number, readyAt: number | null, cutoverAt: number | null, failMessage: string | null }} MigrationSnapshot
 */

export {};
