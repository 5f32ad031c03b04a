import type { Migration, Validation } from '../api/migration-routes.js';
import { addEvent, addLag, iso, MAX_TEXT, STOPPED, type CampaignState, type DeploymentState, type Phase } from './state.js';

/**
 * What a run learns, applied to the state: each function returns a new state and changes only
 * the one deployment. They are pure and can be applied again to a state read anew, which is how
 * a write that lost the compare-and-swap (HTTP 409) is re-applied without acting twice.
 */
export type Mutation = (state: CampaignState) => CampaignState;

/** MongoDB's cutover window: 120 h after readyForCutover turns true, then EXPIRED. */
export const CUTOVER_WINDOW_MS = 120 * 3600_000;

export function update(
  state: CampaignState,
  deployment: string,
  now: number,
  change: (d: DeploymentState) => DeploymentState,
): CampaignState {
  let found = false;
  const deployments = state.deployments.map((d) => {
    if (d.deployment !== deployment) return d;
    found = true;
    return { ...change(d), updatedAt: iso(now) };
  });
  if (!found) throw new Error(`no deployment ${deployment} in the state`);
  return { ...state, deployments, updatedAt: iso(now) };
}

/** A phase change, with its event; a stop keeps its reason (MongoDB's words where it gave any) until a person resumes. */
function moved(d: DeploymentState, phase: Phase, now: number, why: string): DeploymentState {
  if (d.phase === phase) return d;
  const stopReason = STOPPED.includes(phase) ? why.slice(0, MAX_TEXT) : undefined;
  return { ...d, phase, stopReason, history: addEvent(d.history, now, `${d.phase} → ${phase}: ${why}`) };
}

/** A validation was started: a new attempt. */
export function recordValidationStarted(state: CampaignState, deployment: string, v: Validation, now: number): CampaignState {
  return recordValidation(
    update(state, deployment, now, (d) => ({
      ...moved(d, 'validating', now, `validation ${v._id} started (attempt ${d.attempt + 1})`),
      attempt: d.attempt + 1,
      validationId: v._id,
      lastStatus: v.status,
    })),
    deployment,
    v,
    now,
  );
}

/** The validation as read: SUCCESS leaves it `validating` with last-status SUCCESS, ready to reserve; FAILED stops. */
export function recordValidation(state: CampaignState, deployment: string, v: Validation, now: number): CampaignState {
  return update(state, deployment, now, (d) => {
    const next = { ...d, lastStatus: v.status };
    if (v.status !== 'FAILED') return next;
    return moved(next, 'failed', now, `validation ${v._id} FAILED: ${v.errorMessage ? v.errorMessage : 'MongoDB gave no reason'}`);
  });
}

/** Written (and committed) BEFORE the create: a concurrent run reads it and starts nothing. */
export function recordReservation(state: CampaignState, deployment: string, now: number): CampaignState {
  return update(state, deployment, now, (d) => ({
    ...moved(d, 'starting', now, 'reserved: creating the migration'),
    reservedAt: iso(now),
  }));
}

export function recordCreated(state: CampaignState, deployment: string, m: Migration, now: number): CampaignState {
  return recordMigration(
    update(state, deployment, now, (d) => ({
      ...moved(d, 'syncing', now, `migration ${m._id} created`),
      migrationId: m._id,
      lag: [],
      readySince: undefined,
      windowCloses: undefined,
      cutoverDispatchedAt: undefined,
    })),
    deployment,
    m,
    now,
  );
}

/** The create's answer was lost (or a reservation was left without one): a migration may exist. */
export function recordUnknown(state: CampaignState, deployment: string, now: number, why: string): CampaignState {
  return update(state, deployment, now, (d) => moved(d, 'unknown', now, why));
}

/** MongoDB refused the create (nothing was created): the attempt failed. */
export function recordCreateRefused(state: CampaignState, deployment: string, now: number, why: string): CampaignState {
  return update(state, deployment, now, (d) => ({
    ...moved(d, 'failed', now, `the create was refused: ${why}`),
    lastStatus: 'NOT CREATED',
  }));
}

/**
 * A describe answer: status and a lag sample; the first sight of readyForCutover sets
 * ready-since and window-closes, kept thereafter; COMPLETE, FAILED, EXPIRED end it.
 */
export function recordMigration(state: CampaignState, deployment: string, m: Migration, now: number): CampaignState {
  return update(state, deployment, now, (d) => {
    let next: DeploymentState = { ...d, lastStatus: m.status };
    if (typeof m.lagTimeSeconds === 'number' && m.status !== 'COMPLETE')
      next.lag = addLag(d.lag, { at: iso(now), seconds: Math.max(0, m.lagTimeSeconds) });
    if (m.readyForCutover === true && m.status === 'WORKING' && !next.readySince) {
      next.readySince = iso(now);
      next.windowCloses = iso(now + CUTOVER_WINDOW_MS);
    }
    if (m.status === 'COMPLETE') return moved(next, 'complete', now, `migration ${m._id} COMPLETE`);
    if (m.status === 'FAILED')
      return moved(
        next,
        'failed',
        now,
        `migration ${m._id} FAILED (MongoDB's answer gives no reason for a failed migration: see it in the Atlas UI)`,
      );
    if (m.status === 'EXPIRED') return moved(next, 'expired', now, `migration ${m._id} EXPIRED: the cutover window closed`);
    if (m.readyForCutover === true && next.phase === 'syncing') next = moved(next, 'ready', now, `migration ${m._id} ready for cutover`);
    return next;
  });
}

/** The describe answered 404 in a project that reads: the migration is gone. */
export function recordMissing(state: CampaignState, deployment: string, now: number): CampaignState {
  return recordUnknown(state, deployment, now, 'Atlas has no such migration any more (HTTP 404 in a project that reads)');
}

/** The cutover workflow was dispatched (or its answer lost: it is not dispatched again either way). */
export function recordDispatched(state: CampaignState, deployment: string, now: number, lost = false): CampaignState {
  return update(state, deployment, now, (d) => ({
    ...d,
    cutoverDispatchedAt: iso(now),
    history: addEvent(d.history, now, lost ? 'cutover workflow dispatch: answer lost, not repeated' : 'cutover workflow dispatched'),
  }));
}

/**
 * `cutover` with `plan`: the cutover of a `ready` deployment was requested (once: any other phase,
 * a later one a campaign run recorded included, is left as it is and the state returned unchanged).
 */
export function recordCuttingOver(state: CampaignState, deployment: string, now: number, why = 'cutover requested'): CampaignState {
  if (state.deployments.find((d) => d.deployment === deployment)?.phase !== 'ready') return state;
  return update(state, deployment, now, (d) => moved(d, 'cutting-over', now, why));
}
