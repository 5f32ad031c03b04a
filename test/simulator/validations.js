// @ts-check
// Validations of push live migrations: PENDING, then SUCCESS or FAILED after the plan's polls
// (each GET of the validation counts; the Nth poll shows the result) or time.
//
// Modelled conservatively (MongoDB documents no rule): a validation FAILS, with an errorMessage,
// when the source project or deployment is not among the Atlas org's available projects, the
// migration host is not one of that project's migrationHosts, or the destination cluster does not
// exist in the destination project; or with the plan's `validationFails` message.
import { randomBytes } from 'node:crypto';
import { liveMigrationNotFound } from './errors.js';
import { isRecord } from './schema.js';

/** @typedef {import('./types.js').MigrationPlan} MigrationPlan */
/** @typedef {import('./state.js').AtlasProject} AtlasProject */
/** @typedef {import('./schema.js').MigrationRequest} MigrationRequest */
/**
 * @typedef {{ id: string, groupId: string, request: MigrationRequest, status: string, createdAt: number, polls: number,
 *   outcome: { status: string, errorMessage: string | null }, plan: MigrationPlan }} ValidationRecord
 */

export const objectId = () => randomBytes(12).toString('hex');

export class Validations {
  /** @type {Map<string, ValidationRecord>} */ #records = new Map();
  #now;
  #available;

  /**
   * @param {() => number} now
   * @param {(atlasOrgId: string) => unknown[]} available the Atlas org's available projects (raw, maybe hostile)
   */
  constructor(now, available) {
    this.#now = now;
    this.#available = available;
  }

  /** The outcome is decided now, from the world as it is; it shows once the validation settles. @param {AtlasProject} project @param {MigrationRequest} request @param {MigrationPlan} plan */
  validate(project, request, plan) {
    const errorMessage = plan.validationFails ?? this.#problem(project, request);
    const outcome = { status: errorMessage ? 'FAILED' : 'SUCCESS', errorMessage };
    /** @type {ValidationRecord} */
    const v = { id: objectId(), groupId: project.id, request, status: 'PENDING', outcome, createdAt: this.#now(), polls: 0, plan };
    this.#records.set(v.id, v);
    return body(this.#settle(v, false));
  }

  /** @param {AtlasProject} project @param {string} id @param {boolean} poll */
  read(project, id, poll) {
    const v = this.#records.get(id);
    if (!v || v.groupId !== project.id) throw liveMigrationNotFound(id);
    return body(this.#settle(v, poll));
  }

  /** Whether a validation of the same source and destination in this project succeeded. @param {AtlasProject} project @param {MigrationRequest} request */
  succeeded(project, { source, destination }) {
    return [...this.#records.values()].some(
      (v) =>
        v.groupId === project.id &&
        this.#settle(v, false).status === 'SUCCESS' &&
        v.request.source.groupId === source.groupId &&
        v.request.source.clusterName === source.clusterName &&
        v.request.destination.clusterName === destination.clusterName,
    );
  }

  /** @param {string} id @returns {import('./types.js').ValidationSnapshot | null} */
  snapshot(id) {
    const v = this.#records.get(id);
    return v ? { ...body(this.#settle(v, false)), polls: v.polls, createdAt: v.createdAt } : null;
  }

  /** @param {ValidationRecord} v @param {boolean} poll */
  #settle(v, poll) {
    if (v.status !== 'PENDING') return v;
    if (poll) v.polls += 1;
    if (v.polls >= v.plan.validationAfterPolls || this.#now() - v.createdAt >= v.plan.validationAfterMs) v.status = v.outcome.status;
    return v;
  }

  /** Why a validation fails, or null. @param {AtlasProject} project @param {MigrationRequest} request */
  #problem(project, { source, destination, migrationHosts }) {
    const entry = this.#available(project.orgId).find((p) => isRecord(p) && p.projectId === source.groupId);
    if (!isRecord(entry)) return `Source project ${source.groupId} is not available for live migration into this organization.`;
    const deployments = Array.isArray(entry.deployments) ? entry.deployments : [];
    if (!deployments.some((d) => isRecord(d) && d.name === source.clusterName)) {
      return `Source deployment ${source.clusterName} is not a deployment of project ${source.groupId} available for live migration.`;
    }
    const hosts = Array.isArray(entry.migrationHosts) ? entry.migrationHosts : [];
    if (!hosts.includes(migrationHosts[0]))
      return `Migration host ${migrationHosts[0]} is not a migration host of project ${source.groupId}.`;
    if (!project.clusters.includes(destination.clusterName)) {
      return `Destination cluster ${destination.clusterName} does not exist in project ${project.id}.`;
    }
    return null;
  }
}

/** @param {ValidationRecord} v @returns {import('./types.js').Validation} */
function body(v) {
  const errorMessage = v.status === 'FAILED' ? v.outcome.errorMessage : null;
  return { _id: v.id, status: v.status, errorMessage, groupId: v.groupId, sourceGroupId: v.request.source.groupId };
}
