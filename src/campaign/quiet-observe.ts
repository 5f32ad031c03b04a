import type { Migration } from '../api/migration-routes.js';
import { recordMigration, update } from './observe.js';
import { addEvent, type CampaignState, type DeploymentState } from './state.js';

/** A lag sample equal to the last one is recorded again only after this long: a flat line needs no new points. */
export const LAG_SAMPLE_EVERY_MS = 3600_000;

/** The entry without what changes on every read (times and lag), to tell whether a describe taught anything. */
function gist(d: DeploymentState): string {
  return JSON.stringify({ ...d, updatedAt: undefined, lag: undefined });
}

/**
 * A describe answer recorded as recordMigration does, except that an answer that teaches nothing
 * (same status and readiness, the same lag as the last sample, taken less than an hour ago)
 * leaves the state as it was: the steady state of a campaign writes nothing. A ready migration
 * seen WORKING and no longer ready is being cut over (cutover was requested elsewhere).
 */
export function recordDescribed(state: CampaignState, deployment: string, m: Migration, now: number): CampaignState {
  const before = state.deployments.find((d) => d.deployment === deployment);
  let next = recordMigration(state, deployment, m, now);
  if (before?.phase === 'ready' && m.status === 'WORKING' && m.readyForCutover !== true)
    next = update(next, deployment, now, (d) => ({
      ...d,
      phase: 'cutting-over',
      history: addEvent(d.history, now, `ready → cutting-over: migration ${m._id} no longer ready (a cutover is under way)`),
    }));
  const after = next.deployments.find((d) => d.deployment === deployment);
  if (!before || !after || gist(before) !== gist(after)) return next;
  const last = before.lag.at(-1);
  const lag = typeof m.lagTimeSeconds === 'number' && m.status !== 'COMPLETE' ? Math.max(0, m.lagTimeSeconds) : undefined;
  const sameLag = lag === undefined || (last !== undefined && last.seconds === lag && now - Date.parse(last.at) < LAG_SAMPLE_EVERY_MS);
  return sameLag ? state : next;
}
