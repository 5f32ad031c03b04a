// @ts-check
// The world the simulator models: Atlas and source organizations, API keys, service accounts and
// their access tokens, link tokens, migration links and Atlas projects. Routes ask it questions;
// it answers with records or throws the ApiError MongoDB would answer with.
//
// Modelled conservatively (MongoDB documents neither): deleting an Atlas org's link tokens leaves
// the links made with them NOT_SYNCED for good (the source still reports a link, Atlas no longer
// sees its projects); both deletes answer 409 while a migration runs into that Atlas org.
import { randomBytes, randomUUID } from 'node:crypto';
import * as errors from './errors.js';

/** @typedef {import('./types.js').Principal} Principal */
/** @typedef {{ id: string, name: string, availableProjects: unknown[], activeMigration: boolean, tokens: Set<string> }} AtlasOrg */
/** @typedef {{ token: string, atlasOrgId: string, status: string, pinned: boolean, broken: boolean }} Link */
/**
 * @typedef {{ id: string, name: string, syncAfterPolls: number, neverSyncs: boolean, activeMigration: boolean,
 *   noLinkAnswer: 'not-found' | 'not-synced', link: Link | null, polls: number }} SourceOrg
 */
/** @typedef {{ id: string, name: string, orgId: string, clusters: string[], clusterSpecs: Record<string, import('./types.js').ClusterSpec> }} AtlasProject */

/** What a destination cluster is unless a test says otherwise. @type {Required<import('./types.js').ClusterSpec>} */
const DEFAULT_CLUSTER = { mongoDBVersion: '7.0.15', diskSizeGB: 40, shards: 1 };

/** A stable 24-hex id for a name. @param {string} text */
function hexOf(text) {
  let h = 0x811c9dc5;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h.toString(16).padStart(8, '0').repeat(3);
}

export class World {
  /** @type {Map<string, AtlasOrg>} */ #atlasOrgs = new Map();
  /** @type {Map<string, SourceOrg>} */ #sourceOrgs = new Map();
  /** @type {Map<string, { privateKey: string, orgId: string, roles: string[] }>} */ #apiKeys = new Map();
  /** @type {Map<string, { clientSecret: string, orgId: string, roles: string[], expiresInSeconds: number }>} */
  #serviceAccounts = new Map();
  /** @type {Map<string, { clientId: string, revoked: boolean, expiresAt: number }>} */ #accessTokens = new Map();
  /** @type {Map<string, { atlasOrgId: string, accessListIps: string[] }>} */ #linkTokens = new Map();
  /** @type {Map<string, AtlasProject>} */ #projects = new Map();
  /** @type {string[]} */ #secrets = [];
  #now;
  #migrating;

  /**
   * @param {() => number} now the simulator's clock
   * @param {(atlasOrgId: string) => boolean} migrating whether a migration runs into that Atlas org
   */
  constructor(now, migrating) {
    this.#now = now;
    this.#migrating = migrating;
  }

  // --- arranging the world -------------------------------------------------------------------

  /** @param {string} id @param {import('./types.js').AtlasOrgOptions} [o] */
  addAtlasOrg(id, { name = `Atlas org ${id}`, availableProjects = [], activeMigration = false } = {}) {
    this.#atlasOrgs.set(id, { id, name, availableProjects, activeMigration, tokens: new Set() });
  }

  /** @param {string} id @param {import('./types.js').SourceOrgOptions} [o] */
  addSourceOrg(
    id,
    { name = `Source org ${id}`, syncAfterPolls = 0, neverSyncs = false, activeMigration = false, noLinkAnswer = 'not-found' } = {},
  ) {
    this.#sourceOrgs.set(id, { id, name, syncAfterPolls, neverSyncs, activeMigration, noLinkAnswer, link: null, polls: 0 });
  }

  /** @param {string} publicKey @param {string} privateKey @param {string} orgId @param {string[]} roles */
  addApiKey(publicKey, privateKey, orgId, roles) {
    this.#apiKeys.set(publicKey, { privateKey, orgId, roles: [...roles] });
  }

  /** @param {string} clientId @param {string} clientSecret @param {string} orgId @param {string[]} roles @param {number} expiresInSeconds */
  addServiceAccount(clientId, clientSecret, orgId, roles, expiresInSeconds) {
    this.#serviceAccounts.set(clientId, { clientSecret, orgId, roles: [...roles], expiresInSeconds });
  }

  /** @param {string} keyOrClientId @param {string[]} roles */
  setRoles(keyOrClientId, roles) {
    const holder = this.#apiKeys.get(keyOrClientId) ?? this.#serviceAccounts.get(keyOrClientId);
    if (!holder) throw new Error(`No API key or service account ${keyOrClientId}.`);
    holder.roles = [...roles];
  }

  /** @param {string} groupId @param {import('./types.js').AtlasProjectOptions} o */
  addAtlasProject(groupId, { orgId, name = `Project ${groupId}`, clusters, clusterSpecs = {} }) {
    this.#projects.set(groupId, { id: groupId, name, orgId, clusters: [...clusters], clusterSpecs: structuredClone(clusterSpecs) });
  }

  /**
   * A cluster of the project as GET …/clusters/{clusterName} (2024-08-05) describes it, or null.
   * @param {AtlasProject} project @param {string} name
   */
  clusterBody(project, name) {
    if (!project.clusters.includes(name)) return null;
    const spec = { ...DEFAULT_CLUSTER, ...project.clusterSpecs[name] };
    const shard = {
      regionConfigs: [
        {
          providerName: 'AWS',
          regionName: 'US_EAST_1',
          priority: 7,
          electableSpecs: { instanceSize: 'M30', nodeCount: 3, diskSizeGB: spec.diskSizeGB },
        },
      ],
    };
    return {
      id: hexOf(`${project.id}/${name}`),
      groupId: project.id,
      name,
      clusterType: spec.shards > 1 ? 'SHARDED' : 'REPLICASET',
      mongoDBVersion: spec.mongoDBVersion,
      stateName: 'IDLE',
      replicationSpecs: Array.from({ length: spec.shards }, () => structuredClone(shard)),
    };
  }

  // --- principals ----------------------------------------------------------------------------

  /** @param {string} publicKey */
  privateKeyOf(publicKey) {
    return this.#apiKeys.get(publicKey)?.privateKey;
  }

  /** @param {string} publicKey @returns {Principal | undefined} */
  keyPrincipal(publicKey) {
    const key = this.#apiKeys.get(publicKey);
    return key && { kind: 'apiKey', id: publicKey, orgId: key.orgId, roles: key.roles };
  }

  /** @param {string} clientId @param {string} clientSecret @returns {Principal | undefined} */
  clientPrincipal(clientId, clientSecret) {
    const account = this.#serviceAccounts.get(clientId);
    if (!account || account.clientSecret !== clientSecret) return undefined;
    return { kind: 'serviceAccount', id: clientId, orgId: account.orgId, roles: account.roles };
  }

  /** A live access token's service account, or undefined when unknown, revoked or expired. @param {string} token */
  bearerPrincipal(token) {
    const issued = this.#accessTokens.get(token);
    if (!issued || issued.revoked || this.#now() >= issued.expiresAt) return undefined;
    const account = this.#serviceAccounts.get(issued.clientId);
    return (
      account && /** @type {Principal} */ ({ kind: 'serviceAccount', id: issued.clientId, orgId: account.orgId, roles: account.roles })
    );
  }

  /** @param {string} clientId */
  issueAccessToken(clientId) {
    const expiresIn = this.#serviceAccounts.get(clientId)?.expiresInSeconds ?? 3600;
    const token = randomBytes(32).toString('base64url');
    this.#accessTokens.set(token, { clientId, revoked: false, expiresAt: this.#now() + expiresIn * 1000 });
    this.#secrets.push(token);
    return { token, expiresIn };
  }

  /** Revokes `token` if that client holds it; unknown tokens are ignored (RFC 7009). @param {string} clientId @param {string} token */
  revokeAccessToken(clientId, token) {
    const issued = this.#accessTokens.get(token);
    if (issued && issued.clientId === clientId) issued.revoked = true;
  }

  // --- organizations and projects, as a principal sees them ----------------------------------

  /** @param {string} orgId @param {Principal} principal */
  atlasOrg(orgId, principal) {
    const org = this.#atlasOrgs.get(orgId);
    if (!org || principal.orgId !== orgId) throw errors.atlasOrgNotFound(orgId);
    return org;
  }

  /** @param {string} orgId @param {Principal} principal */
  sourceOrg(orgId, principal) {
    const org = this.#sourceOrgs.get(orgId);
    if (!org || principal.orgId !== orgId) throw errors.sourceOrgNotFound(orgId);
    return org;
  }

  /** @param {string} groupId @param {Principal} principal */
  project(groupId, principal) {
    const project = this.#projects.get(groupId);
    if (!project || project.orgId !== principal.orgId || !this.#atlasOrgs.has(project.orgId)) throw errors.groupNotFound(groupId);
    return project;
  }

  /** @param {string} groupId */
  projectRecord(groupId) {
    return this.#projects.get(groupId);
  }

  /** The Atlas org's projects available for migration: its list when a source org is linked to it and SYNCED. @param {string} atlasOrgId */
  availableProjects(atlasOrgId) {
    const linked = [...this.#sourceOrgs.values()].some((s) => s.link?.atlasOrgId === atlasOrgId && s.link.status === 'SYNCED');
    return linked ? (this.#atlasOrgs.get(atlasOrgId)?.availableProjects ?? []) : [];
  }

  // --- link tokens and links -----------------------------------------------------------------

  /** A token is base64 of JSON {orgId, publicKey, privateKey}: an API key pair, as Atlas's is. @param {string} atlasOrgId @param {string[]} accessListIps */
  issueLinkToken(atlasOrgId, accessListIps) {
    const org = this.#atlasOrgs.get(atlasOrgId);
    if (!org) throw new Error(`No Atlas org ${atlasOrgId}.`);
    const privateKey = randomUUID();
    const publicKey = randomBytes(4).toString('hex');
    const token = Buffer.from(JSON.stringify({ orgId: atlasOrgId, publicKey, privateKey })).toString('base64');
    this.#linkTokens.set(token, { atlasOrgId, accessListIps: [...accessListIps] });
    org.tokens.add(token);
    this.#secrets.push(token, privateKey);
    return token;
  }

  /** Removes every token of the org; the links made with them break (NOT_SYNCED for good). @param {AtlasOrg} org */
  deleteLinkTokens(org) {
    if (org.activeMigration || this.#migrating(org.id)) throw errors.activeMigrationConflict();
    if (org.tokens.size === 0) throw errors.noOrgLink();
    for (const token of org.tokens) this.#linkTokens.delete(token);
    org.tokens.clear();
    for (const source of this.#sourceOrgs.values()) {
      if (source.link?.atlasOrgId === org.id) Object.assign(source.link, { status: 'NOT_SYNCED', broken: true });
    }
  }

  /** @param {SourceOrg} org @param {string} token @returns {string | undefined} the new status, or undefined for an unknown token */
  connect(org, token) {
    const issued = this.#linkTokens.get(token);
    if (!issued) return undefined;
    const status = org.neverSyncs || org.syncAfterPolls > 0 ? 'NOT_SYNCED' : 'SYNCED';
    org.polls = 0;
    org.link = { token, atlasOrgId: issued.atlasOrgId, status, pinned: false, broken: false };
    return status;
  }

  /** A status read: counts a poll, and syncs the link once it was read `syncAfterPolls` times. @param {SourceOrg} org */
  pollLink(org) {
    const link = org.link;
    if (!link) return undefined;
    org.polls += 1;
    if (link.status !== 'SYNCED' && !link.pinned && !link.broken && !org.neverSyncs && org.polls >= org.syncAfterPolls)
      link.status = 'SYNCED';
    return link.status;
  }

  /** @param {SourceOrg} org */
  disconnect(org) {
    if (org.activeMigration || (org.link && this.#migrating(org.link.atlasOrgId))) throw errors.activeMigrationConflict();
    if (!org.link) throw errors.noMigrationLink();
    org.link = null;
  }

  /** @param {string} sourceOrgId @param {string} atlasOrgId @param {string} status */
  linkSource(sourceOrgId, atlasOrgId, status) {
    const org = this.#sourceOrgOrThrow(sourceOrgId);
    const token = this.issueLinkToken(atlasOrgId, []);
    org.polls = 0;
    org.link = { token, atlasOrgId, status, pinned: false, broken: false };
    return token;
  }

  /** Pins the link's status to any string: polls no longer change it. @param {string} sourceOrgId @param {string} status */
  setStatus(sourceOrgId, status) {
    const link = this.#sourceOrgOrThrow(sourceOrgId).link;
    if (!link) throw new Error(`Source org ${sourceOrgId} has no link: call linkSource() first.`);
    Object.assign(link, { status, pinned: true });
  }

  /** @param {string} id */
  #sourceOrgOrThrow(id) {
    const org = this.#sourceOrgs.get(id);
    if (!org) throw new Error(`No source org ${id}.`);
    return org;
  }

  // --- what tests may read -------------------------------------------------------------------

  /** @param {string} sourceOrgId */
  linkOf(sourceOrgId) {
    const link = this.#sourceOrgs.get(sourceOrgId)?.link;
    return link ? { token: link.token, atlasOrgId: link.atlasOrgId, status: link.status } : null;
  }

  /** @param {string} atlasOrgId */
  tokensOf(atlasOrgId) {
    return [...(this.#atlasOrgs.get(atlasOrgId)?.tokens ?? [])];
  }

  accessTokens() {
    return [...this.#accessTokens].map(([token, t]) => ({ token, clientId: t.clientId, revoked: t.revoked, expiresAt: t.expiresAt }));
  }

  secretsIssued() {
    return [...this.#secrets];
  }
}
