// @ts-check
// A loopback simulator of the Atlas Admin API (v2) and the Cloud/Ops Manager public API (v1.0),
// limited to what the action uses: organizations, link tokens, migration links, available
// projects, Atlas projects, push live migrations and OAuth service accounts. It is as strict as
// MongoDB (digest, versioned media types, body schemas, roles, ids), answers every case with the
// distinct answer MongoDB gives, and records every request. This file is its one entry point;
// nothing outside test/simulator/ may use anything else (the internals are private fields).
//
// Control API (all time in milliseconds; `now()` is the simulator's clock):
//   new Simulator({ nonceStaleAfterUses?, clock?, digestChallenges? })  clock { now() } shared with an in-process test;
//       default: its own clock, starting at Date.now() and moved only by advance().
//   listen({ tls?: {key, cert}, host? = 127.0.0.1, port? = 0 }) → Promise<url>; may be called more than once.
//   close() → Promise: drops every connection and stops listening.
//   addAtlasOrg(id, { name?, availableProjects?, activeMigration? })   availableProjects: raw entries,
//       may be malformed on purpose; served only while a source org is linked SYNCED to this org.
//   addSourceOrg(id, { name?, syncAfterPolls?, neverSyncs?, activeMigration?, noLinkAnswer? })
//       noLinkAnswer: what the link status answers with no link: 'not-found' (404, default) or 'not-synced'.
//   addApiKey(publicKey, privateKey, orgId, roles = ['ORG_OWNER'])   again with the same key: replaces it.
//   addServiceAccount(clientId, clientSecret, orgId, roles = ['ORG_OWNER'], { expiresInSeconds = 3600 })
//   setRoles(publicKeyOrClientId, roles)
//   addAtlasProject(groupId, { orgId, name?, clusters })
//   linkSource(sourceOrgId, atlasOrgId, status = 'SYNCED') → token   as if that token had been accepted.
//   setStatus(sourceOrgId, status)   pins the link's status to any string (polls no longer move it).
//   issueToken(atlasOrgId, accessListIps = []) → token   as POST …/linkTokens would.
//   migrationPlan(options) → plan    replaces the plan (DEFAULT_PLAN of migrations.js with options over it) for the
//       validations and migrations created afterwards. Each GET of a validation or migration is a
//       poll, and the Nth poll shows the step: validation PENDING → SUCCESS/FAILED [1 poll | 30 s];
//       migration NEW → WORKING [1 | 30 s] → readyForCutover [2 more | 5 min], lagTimeSeconds from
//       lagSeconds [120, 30, 2] only while WORKING before cutover → EXPIRED 120 h after readiness;
//       cutover PUT → WORKING → COMPLETE [1 | 60 s]. Knobs: validationFails (message),
//       failAfterPolls + failMessage (FAILED after N polls).
//   addMigration(groupId, { status?, readyForCutover?, readyAt?, cutover?, clusterName?, source?, migrationHosts? }) → id
//   now() → number;  advance(ms)
//   Route names are those of routes.js, e.g. 'atlas.linkTokens.create'; an unknown one throws.
//   fail(routeName, fault)   before auth: { kind, status?, headers?, body?, times? = 1, ms? } (see types.js Fault).
//   respond(routeName, reply, times = 1)   after auth: a Reply or (request, real) => Reply, where real()
//       runs the service and returns its answer.
//   requests({ side?, method?, route?, pathPart? }?) → frozen copies;  count(side?, method?, pathPart?)
//   clearRequests();  forgetNonces()   every nonce issued becomes unknown, as after a restart.
//   linkOf(sourceOrgId) → { token, atlasOrgId, status } | null;  tokensOf(atlasOrgId) → string[]
//   accessTokens() → [{ token, clientId, revoked, expiresAt }]
//   secretsIssued() → every link token (and the API private key inside it) and access token ever issued.
//   validation(id) / migration(id) → snapshot | null (settled to now; not a poll).
//   github: GitHub's REST API under `${url}${GITHUB_PREFIX}` (the action's GITHUB_API_URL); its control API is in
//       github.js (addRepository, addToken, addWorkflow, files, dispatches, rateLimit, changeBeforeNextWrite, …);
//       its route names (github.contents.write, …) work with fail(), respond() and requests() like the others.
import { DigestVerifier } from './digest.js';
import { Faults } from './faults.js';
import { GitHubWorld } from './github.js';
import { GITHUB_ROUTE_NAMES } from './github-routes.js';
import { Migrations } from './migrations.js';
import { ROUTE_NAMES } from './routes.js';
import { Server } from './server.js';
import { World } from './state.js';

/** @typedef {import('./types.js').Side} Side */
/** @typedef {import('./types.js').Reply} Reply */
/** @typedef {import('./types.js').RecordedRequest} RecordedRequest */
/** @typedef {import('./types.js').RequestFilter} RequestFilter */
/** @typedef {import('./types.js').Fault} Fault */
/** @typedef {import('./types.js').ScriptedReply} ScriptedReply */
/** @typedef {import('./types.js').MigrationPlan} MigrationPlan */
/** @typedef {import('./types.js').AtlasOrgOptions} AtlasOrgOptions */
/** @typedef {import('./types.js').SourceOrgOptions} SourceOrgOptions */
/** @typedef {import('./types.js').AtlasProjectOptions} AtlasProjectOptions */
/** @typedef {import('./types.js').ArrangedMigration} ArrangedMigration */
/** @typedef {import('./types.js').ValidationSnapshot} ValidationSnapshot */
/** @typedef {import('./types.js').MigrationSnapshot} MigrationSnapshot */
/** @typedef {{ nonceStaleAfterUses?: number, clock?: { now(): number }, digestChallenges?: Array<"Basic" | "MD5" | "SHA-256"> }} SimulatorOptions */

export { CUTOVER_WINDOW_MS } from './migrations.js';
export { GITHUB_PREFIX, blobSha } from './github.js';

export class Simulator {
  #offset = 0;
  #clock;
  /** @type {World} */ #world;
  /** @type {Migrations} */ #migrations;
  #digest;
  #faults = new Faults();
  #server;
  /** GitHub's side (see github.js for its control API). @type {GitHubWorld} */
  github;

  /** @param {SimulatorOptions} [options] */
  constructor(options = {}) {
    const start = Date.now();
    this.#clock = options.clock ?? { now: () => start };
    const now = () => this.now();
    this.#migrations = new Migrations(now, (atlasOrgId) => this.#world.availableProjects(atlasOrgId));
    this.#world = new World(now, (atlasOrgId) => this.#migrations.activeIn(atlasOrgId));
    this.#digest = new DigestVerifier({
      lookup: (user) => this.#world.privateKeyOf(user),
      staleAfterUses: options.nonceStaleAfterUses,
      challenges: options.digestChallenges,
    });
    this.github = new GitHubWorld(now);
    this.#server = new Server({
      world: this.#world,
      migrations: this.#migrations,
      digest: this.#digest,
      faults: this.#faults,
      now,
      github: this.github,
    });
  }

  /** @param {{ tls?: { key: string | Buffer, cert: string | Buffer }, host?: string, port?: number }} [opts] @returns {Promise<string>} */
  listen(opts) {
    return this.#server.listen(opts);
  }

  /** @returns {Promise<void>} */
  close() {
    return this.#server.close();
  }

  /** @param {string} id @param {AtlasOrgOptions} [options] */
  addAtlasOrg(id, options) {
    this.#world.addAtlasOrg(id, options);
    return this;
  }

  /** @param {string} id @param {SourceOrgOptions} [options] */
  addSourceOrg(id, options) {
    this.#world.addSourceOrg(id, options);
    return this;
  }

  /** @param {string} publicKey @param {string} privateKey @param {string} orgId @param {string[]} [roles] */
  addApiKey(publicKey, privateKey, orgId, roles = ['ORG_OWNER']) {
    this.#world.addApiKey(publicKey, privateKey, orgId, roles);
    return this;
  }

  /** @param {string} clientId @param {string} clientSecret @param {string} orgId @param {string[]} [roles] @param {{ expiresInSeconds?: number }} [options] */
  addServiceAccount(clientId, clientSecret, orgId, roles = ['ORG_OWNER'], { expiresInSeconds = 3600 } = {}) {
    this.#world.addServiceAccount(clientId, clientSecret, orgId, roles, expiresInSeconds);
    return this;
  }

  /** @param {string} publicKeyOrClientId @param {string[]} roles */
  setRoles(publicKeyOrClientId, roles) {
    this.#world.setRoles(publicKeyOrClientId, roles);
    return this;
  }

  /** @param {string} groupId @param {AtlasProjectOptions} options */
  addAtlasProject(groupId, options) {
    this.#world.addAtlasProject(groupId, options);
    return this;
  }

  /** @param {string} sourceOrgId @param {string} atlasOrgId @param {string} [status] @returns {string} the token */
  linkSource(sourceOrgId, atlasOrgId, status = 'SYNCED') {
    return this.#world.linkSource(sourceOrgId, atlasOrgId, status);
  }

  /** @param {string} sourceOrgId @param {string} status */
  setStatus(sourceOrgId, status) {
    this.#world.setStatus(sourceOrgId, status);
    return this;
  }

  /** @param {string} atlasOrgId @param {string[]} [accessListIps] @returns {string} */
  issueToken(atlasOrgId, accessListIps = []) {
    return this.#world.issueLinkToken(atlasOrgId, accessListIps);
  }

  /** @param {Partial<MigrationPlan>} [options] @returns {MigrationPlan} */
  migrationPlan(options = {}) {
    return this.#migrations.setPlan(options);
  }

  /** @param {string} groupId @param {ArrangedMigration} [options] @returns {string} the migration id */
  addMigration(groupId, options = {}) {
    const project = this.#world.projectRecord(groupId);
    if (!project) throw new Error(`No Atlas project ${groupId}: call addAtlasProject() first.`);
    return this.#migrations.arrange(project, options);
  }

  /** @returns {number} */
  now() {
    return this.#clock.now() + this.#offset;
  }

  /** @param {number} ms */
  advance(ms) {
    if (!(ms >= 0)) throw new Error(`advance() takes a non-negative number of ms, got ${ms}.`);
    this.#offset += ms;
    return this;
  }

  /** @param {string} routeName @param {Fault} fault */
  fail(routeName, fault) {
    this.#faults.fail(knownRoute(routeName), fault);
    return this;
  }

  /** @param {string} routeName @param {ScriptedReply} reply @param {number} [times] */
  respond(routeName, reply, times = 1) {
    this.#faults.respond(knownRoute(routeName), reply, times);
    return this;
  }

  /** Faults and scripted replies queued but never used once (`fail <route>`, `respond <route>`): a test whose fault never fired proves nothing. */
  unusedScripts() {
    return this.#faults.unused();
  }

  /** Drops every queued fault and scripted reply, used or not. */
  clearScripts() {
    this.#faults.clear();
    return this;
  }

  /** @param {RequestFilter} [filter] @returns {readonly Readonly<RecordedRequest>[]} */
  requests({ side, method, route, pathPart } = {}) {
    return this.#server.log
      .filter(
        (r) =>
          (!side || r.side === side) &&
          (!method || r.method === method) &&
          (!route || r.route === route) &&
          (!pathPart || r.path.includes(pathPart)),
      )
      .map((r) => Object.freeze(structuredClone(r)));
  }

  /** @param {Side} [side] @param {string} [method] @param {string} [pathPart] */
  count(side, method, pathPart) {
    return this.requests({ side, method, pathPart }).length;
  }

  clearRequests() {
    this.#server.clearLog();
    return this;
  }

  forgetNonces() {
    this.#digest.forget();
    return this;
  }

  /** @param {string} sourceOrgId */
  linkOf(sourceOrgId) {
    return this.#world.linkOf(sourceOrgId);
  }

  /** @param {string} atlasOrgId */
  tokensOf(atlasOrgId) {
    return this.#world.tokensOf(atlasOrgId);
  }

  accessTokens() {
    return this.#world.accessTokens();
  }

  secretsIssued() {
    return this.#world.secretsIssued();
  }

  /** @param {string} id @returns {ValidationSnapshot | null} */
  validation(id) {
    return this.#migrations.validationSnapshot(id);
  }

  /** @param {string} id @returns {MigrationSnapshot | null} */
  migration(id) {
    return this.#migrations.migrationSnapshot(id);
  }
}

/** @param {string} name */
function knownRoute(name) {
  const names = [...ROUTE_NAMES, ...GITHUB_ROUTE_NAMES];
  if (!names.includes(name)) throw new Error(`Unknown route ${name}; one of ${names.join(', ')}.`);
  return name;
}
