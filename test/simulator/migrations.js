// @ts-check
// Push live migrations into Atlas projects, moved on by polls (each GET of the migration counts;
// the Nth poll shows the new state) or by the simulator's clock, per the plan (MigrationPlan in
// types.js): NEW → WORKING → WORKING and readyForCutover → (cutover PUT) WORKING → COMPLETE, or
// EXPIRED 120 hours after readiness without a cutover, or FAILED after the plan's polls.
// Validations live in validations.js; this class owns the plan and answers for both.
//
// Modelled conservatively, since MongoDB documents none of it: create needs an earlier SUCCESS
// validation (else 400 LIVE_MIGRATION_VALIDATION_REQUIRED); a second migration into a destination
// cluster with one not yet finished is 409 LIVE_MIGRATION_IN_PROGRESS; cutover of a migration that
// is not WORKING and ready is 409 LIVE_MIGRATION_NOT_READY_FOR_CUTOVER.
import { ApiError, liveMigrationNotFound } from './errors.js';
import { objectId, Validations } from './validations.js';

/** @typedef {import('./types.js').MigrationPlan} MigrationPlan */
/** @typedef {import('./state.js').AtlasProject} AtlasProject */
/** @typedef {import('./schema.js').MigrationRequest} MigrationRequest */
/** @typedef {'NEW' | 'SYNCING' | 'READY' | 'CUTOVER' | 'COMPLETE' | 'FAILED' | 'EXPIRED'} Phase */
/**
 * @typedef {{ id: string, groupId: string, orgId: string, request: MigrationRequest, phase: Phase, since: number, polls: number, totalPolls: number,
 *   createdAt: number, readyAt: number | null, cutoverAt: number | null, plan: MigrationPlan, lag: number | null }} MigrationRecord
 */

/** @type {Readonly<MigrationPlan>} */
export const DEFAULT_PLAN = Object.freeze({
  validationAfterPolls: 1,
  validationAfterMs: 30_000,
  validationFails: null,
  workingAfterPolls: 1,
  workingAfterMs: 30_000,
  readyAfterPolls: 2,
  readyAfterMs: 5 * 60_000,
  lagSeconds: [120, 30, 2],
  completeAfterPolls: 1,
  completeAfterMs: 60_000,
  failAfterPolls: null,
  failMessage: null,
});

/** After readyForCutover turns true, the cutover must start within 120 hours. */
export const CUTOVER_WINDOW_MS = 120 * 3600_000;
const TERMINAL = new Set(['COMPLETE', 'FAILED', 'EXPIRED']);

export class Migrations {
  /** @type {Map<string, MigrationRecord>} */ #migrations = new Map();
  /** @type {MigrationPlan} */ #plan = { ...DEFAULT_PLAN };
  #now;
  #validations;

  /**
   * @param {() => number} now
   * @param {(atlasOrgId: string) => unknown[]} available the Atlas org's available projects (raw, maybe hostile)
   */
  constructor(now, available) {
    this.#now = now;
    this.#validations = new Validations(now, available);
  }

  /** Replaces the plan: DEFAULT_PLAN with `options` over it. Applies to what is created afterwards. @param {Partial<MigrationPlan>} options */
  setPlan(options) {
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    this.#plan = { ...DEFAULT_PLAN, ...given, lagSeconds: [...(options.lagSeconds ?? DEFAULT_PLAN.lagSeconds)] };
    return { ...this.#plan };
  }

  /** @param {AtlasProject} project @param {MigrationRequest} request */
  validate(project, request) {
    return this.#validations.validate(project, request, { ...this.#plan });
  }

  /** @param {AtlasProject} project @param {string} id @param {boolean} poll */
  validation(project, id, poll) {
    return this.#validations.read(project, id, poll);
  }

  /** @param {AtlasProject} project @param {MigrationRequest} request */
  create(project, request) {
    const { source, destination } = request;
    const validated = this.#validations.succeeded(project, request);
    if (!validated) {
      throw new ApiError(
        400,
        'LIVE_MIGRATION_VALIDATION_REQUIRED',
        `No successful validation of a migration of ${source.clusterName} into ${destination.clusterName}: validate first.`,
      );
    }
    if (
      this.#records().some(
        (m) => m.groupId === project.id && m.request.destination.clusterName === destination.clusterName && !TERMINAL.has(status(m)),
      )
    ) {
      throw new ApiError(
        409,
        'LIVE_MIGRATION_IN_PROGRESS',
        `A live migration into cluster ${destination.clusterName} is already in progress.`,
      );
    }
    return this.#migrationBody(this.#add(project, request, 'NEW', {}));
  }

  /** @param {AtlasProject} project @param {string} id @param {boolean} poll */
  describe(project, id, poll) {
    return this.#migrationBody(this.#settle(this.#find(project, id), poll));
  }

  /** Starts the cutover of a ready migration; again while it runs is accepted too. @param {AtlasProject} project @param {string} id */
  cutover(project, id) {
    const m = this.#settle(this.#find(project, id), false);
    if (m.phase === 'CUTOVER') return;
    if (m.phase !== 'READY')
      throw new ApiError(409, 'LIVE_MIGRATION_NOT_READY_FOR_CUTOVER', `The live migration ${id} is not ready for cutover.`);
    Object.assign(m, { phase: 'CUTOVER', since: this.#now(), polls: 0, cutoverAt: this.#now() });
  }

  /** An existing migration in a given state, for tests. @param {AtlasProject} project @param {import('./types.js').ArrangedMigration} o */
  arrange(project, o) {
    const now = this.#now();
    const ready = o.status === 'WORKING' && (o.readyForCutover || o.cutover);
    /** @type {Phase} */
    const phase = o.status === 'WORKING' ? (o.cutover ? 'CUTOVER' : ready ? 'READY' : 'SYNCING') : (o.status ?? 'NEW');
    const request = /** @type {MigrationRequest} */ ({
      source: { managedAuthentication: true, ssl: true, ...(o.source ?? { groupId: '', clusterName: '' }) },
      destination: { groupId: project.id, clusterName: o.clusterName ?? project.clusters[0] ?? '', hostnameSchemaType: 'PUBLIC' },
      migrationHosts: o.migrationHosts ?? [],
      dropDestinationData: false,
    });
    const readyAt = ready ? (o.readyAt ?? now) : null;
    return this.#add(project, request, phase, {
      readyAt,
      since: phase === 'READY' && readyAt !== null ? readyAt : now,
      cutoverAt: o.cutover ? now : null,
    }).id;
  }

  /** Whether a migration not yet finished runs into a project of that Atlas org. @param {string} atlasOrgId */
  activeIn(atlasOrgId) {
    return this.#records().some((m) => m.orgId === atlasOrgId && !TERMINAL.has(status(m)));
  }

  /** @param {string} id */
  validationSnapshot(id) {
    return this.#validations.snapshot(id);
  }

  /** @param {string} id @returns {import('./types.js').MigrationSnapshot | null} */
  migrationSnapshot(id) {
    const m = this.#migrations.get(id);
    if (!m) return null;
    this.#settle(m, false);
    const source = { ...m.request.source };
    delete source.password; // write-only
    const failMessage = m.phase === 'FAILED' ? m.plan.failMessage : null;
    return {
      ...this.#migrationBody(m),
      groupId: m.groupId,
      source,
      destination: { ...m.request.destination },
      polls: m.totalPolls,
      createdAt: m.createdAt,
      readyAt: m.readyAt,
      cutoverAt: m.cutoverAt,
      failMessage,
    };
  }

  // --- the lifecycle ---------------------------------------------------------------------------

  /** @param {AtlasProject} project @param {MigrationRequest} request @param {Phase} phase @param {Partial<MigrationRecord>} extra */
  #add(project, request, phase, extra) {
    const now = this.#now();
    /** @type {MigrationRecord} */
    const m = {
      id: objectId(),
      groupId: project.id,
      orgId: project.orgId,
      request,
      phase,
      since: now,
      polls: 0,
      totalPolls: 0,
      createdAt: now,
      readyAt: null,
      cutoverAt: null,
      plan: { ...this.#plan },
      lag: null,
      ...extra,
    };
    this.#migrations.set(m.id, m);
    return this.#settle(m, false);
  }

  /** @param {AtlasProject} project @param {string} id */
  #find(project, id) {
    const m = this.#migrations.get(id);
    if (!m || m.groupId !== project.id) throw liveMigrationNotFound(id);
    return m;
  }

  #records() {
    return [...this.#migrations.values()].map((m) => this.#settle(m, false));
  }

  /** Moves a migration on by the time passed, then by one poll if `poll`. @param {MigrationRecord} m @param {boolean} poll */
  #settle(m, poll) {
    const { plan } = m;
    const now = this.#now();
    const enter = (/** @type {Phase} */ phase, /** @type {number} */ at) => Object.assign(m, { phase, since: at, polls: 0 });
    for (;;) {
      if (m.phase === 'NEW' && now - m.since >= plan.workingAfterMs) enter('SYNCING', m.since + plan.workingAfterMs);
      else if (m.phase === 'SYNCING' && now - m.since >= plan.readyAfterMs) m.readyAt = enter('READY', m.since + plan.readyAfterMs).since;
      else if (m.phase === 'READY' && now - /** @type {number} */ (m.readyAt) >= CUTOVER_WINDOW_MS)
        enter('EXPIRED', /** @type {number} */ (m.readyAt) + CUTOVER_WINDOW_MS);
      else if (m.phase === 'CUTOVER' && now - m.since >= plan.completeAfterMs) enter('COMPLETE', m.since + plan.completeAfterMs);
      else break;
    }
    if (poll && !TERMINAL.has(m.phase)) {
      m.totalPolls += 1;
      m.polls += 1;
      if (plan.failAfterPolls !== null && m.totalPolls >= plan.failAfterPolls) enter('FAILED', now);
      else if (m.phase === 'NEW' && m.polls >= plan.workingAfterPolls) enter('SYNCING', now);
      else if (m.phase === 'SYNCING' && m.polls >= plan.readyAfterPolls) m.readyAt = enter('READY', now).since;
      else if (m.phase === 'CUTOVER' && m.polls >= plan.completeAfterPolls) enter('COMPLETE', now);
    }
    m.lag = lagOf(m, now);
    return m;
  }

  /** @param {MigrationRecord} m @returns {import('./types.js').Migration} */
  #migrationBody(m) {
    const lag = m.lag === null ? {} : { lagTimeSeconds: m.lag };
    return { _id: m.id, status: status(m), readyForCutover: m.phase === 'READY', ...lag, migrationHosts: [...m.request.migrationHosts] };
  }
}

/** The status MongoDB shows: the syncing, ready and cutover phases all read WORKING. @param {MigrationRecord} m */
function status(m) {
  return m.phase === 'SYNCING' || m.phase === 'READY' || m.phase === 'CUTOVER' ? 'WORKING' : m.phase;
}

/** Lag while WORKING before cutover: lagSeconds[i] after i polls or the like share of readyAfterMs; the last once ready. @param {MigrationRecord} m @param {number} now */
function lagOf(m, now) {
  const lags = m.plan.lagSeconds;
  if (!lags.length || (m.phase !== 'SYNCING' && m.phase !== 'READY')) return null;
  if (m.phase === 'READY') return lags[lags.length - 1];
  const last = Math.max(0, lags.length - 2);
  const byTime = m.plan.readyAfterMs > 0 ? Math.floor(((now - m.since) / m.plan.readyAfterMs) * (lags.length - 1)) : 0;
  return lags[Math.min(last, Math.max(m.polls, byTime))];
}
