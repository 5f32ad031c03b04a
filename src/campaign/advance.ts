import type { CampaignPlan, DeploymentPlan } from '../inputs/campaign-plan.js';
import { update } from './observe.js';
import { ACTIVE, addEvent, STOPPED, type CampaignState, type DeploymentState } from './state.js';

/** A reservation older than this with no migration id: the run that made it is gone (a run takes minutes). */
export const RESERVATION_STALE_MS = 30 * 60_000;
/** Warn on every run when a ready migration's window closes within this. */
export const WINDOW_WARNING_MS = 24 * 3600_000;

/** What this run has already done, so that no step is taken twice in one run. */
export interface RunMemory {
  now: number;
  /** Deployments whose migration or validation this run has read. */
  read: ReadonlySet<string>;
  /** Deployments this run reserved (its own write of phase `starting` succeeded). */
  reserved: ReadonlySet<string>;
  /** The `cutover-workflow` input, if any. */
  cutoverWorkflow?: string;
}

/** The one safe next step. The command performs it, records what it learnt (observe.ts), and asks again. */
export type NextStep =
  | { kind: 'describe'; deployment: DeploymentPlan; migrationId: string }
  | { kind: 'read-validation'; deployment: DeploymentPlan; validationId: string }
  | { kind: 'validate'; deployment: DeploymentPlan }
  | { kind: 'reserve'; deployment: DeploymentPlan }
  | { kind: 'create'; deployment: DeploymentPlan }
  | { kind: 'dispatch-cutover'; deployment: DeploymentPlan; migrationId: string; workflow: string }
  /** Nothing more this run: the campaign is waiting on MongoDB (or on another run). */
  | { kind: 'wait'; deployment?: DeploymentPlan; reason: string }
  /** A person decides (in the plan). `markUnknown`: record phase `unknown` first (a reservation left without a migration). */
  | { kind: 'stop'; deployment: string; reason: string; markUnknown?: boolean }
  | { kind: 'done' };

const entry = (state: CampaignState, id: string) => state.deployments.find((d) => d.deployment === id);

/**
 * Applies what a person decided in the plan (see RESOLUTION_KEYS in plan-keys.ts): `skip`,
 * `migration-id` (adopt, from `unknown` only) and a raised `attempt` (restart, from a stop only).
 * Returns the state and warnings for decisions that cannot apply.
 */
export function applyResolutions(plan: CampaignPlan, state: CampaignState, now: number): { state: CampaignState; warnings: string[] } {
  const warnings: string[] = [];
  let next = state;
  for (const d of plan.deployments) {
    const s = entry(next, d.id);
    if (!s) continue;
    const active = ACTIVE.includes(s.phase);
    if (d.skip !== (s.skipped === true)) {
      if (d.skip && active) warnings.push(`${d.id}: skip is ignored while its migration is ${s.phase}; it is watched to the end.`);
      else
        next = update(next, d.id, now, (x) => ({
          ...x,
          skipped: d.skip || undefined,
          history: addEvent(x.history, now, d.skip ? 'left out by the plan (skip: true)' : 'back in the plan (skip removed)'),
        }));
    }
    if (s.phase === 'unknown' && d.adoptMigrationId) {
      next = update(next, d.id, now, (x) => ({
        ...x,
        phase: 'syncing',
        migrationId: d.adoptMigrationId,
        lastStatus: undefined,
        reservedAt: undefined,
        stopReason: undefined,
        history: addEvent(x.history, now, `unknown → syncing: migration ${d.adoptMigrationId} adopted from the plan`),
      }));
    } else if (STOPPED.includes(s.phase) && d.attempt > s.attempt) {
      next = update(next, d.id, now, (x) => ({
        ...x,
        phase: 'pending',
        migrationId: undefined,
        validationId: undefined,
        lastStatus: undefined,
        lag: [],
        readySince: undefined,
        windowCloses: undefined,
        cutoverDispatchedAt: undefined,
        reservedAt: undefined,
        stopReason: undefined,
        history: addEvent(x.history, now, `${x.phase} → pending: attempt ${d.attempt} allowed by the plan`),
      }));
    } else if (d.adoptMigrationId && s.phase !== 'unknown' && s.migrationId !== d.adoptMigrationId) {
      warnings.push(`${d.id}: migration-id in the plan is used only for a deployment in phase unknown (it is ${s.phase}).`);
    }
  }
  return { state: next, warnings };
}

/** What a stopped deployment needs from a person. */
export function stopReason(d: DeploymentState, planned?: DeploymentPlan): string {
  const raise = `raise attempt to ${d.attempt + 1} for ${d.deployment} in the plan to start it again, or set skip: true`;
  const said = d.stopReason ? ` ${d.stopReason.replace(/\.?$/, '.')}` : '';
  if (d.phase === 'unknown')
    return (
      `${d.deployment}:${said} a migration may have been created without this campaign knowing its id. Look in the Atlas UI ` +
      `(project ${planned?.atlasProjectId ?? 'of the deployment'}, Migration): if it is there, set migration-id to its id in the plan; ` +
      `if not, ${raise}.`
    );
  const what = d.phase === 'expired' ? 'expired (the 120-hour cutover window closed)' : 'failed';
  const kept = 'This reason stays in the state file (stop-reason) and on the dashboard until the plan resumes it.';
  return `${d.deployment}: the ${d.migrationId ? `migration ${d.migrationId}` : 'validation'} ${what}:${said} Fix the cause, then ${raise}. ${kept}`;
}

export function nextStep(plan: CampaignPlan, state: CampaignState, run: RunMemory): NextStep {
  const planned = new Map(plan.deployments.map((d) => [d.id, d]));
  const live = state.deployments.filter((d) => !d.skipped || ACTIVE.includes(d.phase));

  const stopped = live.find((d) => STOPPED.includes(d.phase));
  if (stopped) return { kind: 'stop', deployment: stopped.deployment, reason: stopReason(stopped, planned.get(stopped.deployment)) };

  const active = live.filter((d) => ACTIVE.includes(d.phase));
  if (active.length > 1)
    return {
      kind: 'stop',
      deployment: active[1].deployment,
      reason: `The state shows ${active.length} migrations active at once (${active.map((d) => d.deployment).join(', ')}); one source organization migrates one at a time. Check Atlas and correct the state file by hand.`,
    };
  const a = active[0];
  if (a) {
    const d = planned.get(a.deployment);
    if (!d)
      return {
        kind: 'stop',
        deployment: a.deployment,
        reason: `${a.deployment} is ${a.phase} but no longer in ${plan.file}: put it back until its migration is complete (nothing else starts meanwhile).`,
      };
    return activeStep(d, a, run);
  }

  for (const d of plan.deployments) {
    const s = entry(state, d.id);
    if (!s || s.skipped || s.phase !== 'pending') continue;
    if (d.attempt <= s.attempt)
      return {
        kind: 'stop',
        deployment: d.id,
        reason: `${d.id} is pending after ${s.attempt} attempts: raise attempt to ${s.attempt + 1} in the plan to start it.`,
      };
    return { kind: 'validate', deployment: d };
  }
  return { kind: 'done' };
}

function activeStep(d: DeploymentPlan, a: DeploymentState, run: RunMemory): NextStep {
  switch (a.phase) {
    case 'validating':
      if (a.lastStatus === 'SUCCESS') return { kind: 'reserve', deployment: d };
      if (!run.read.has(d.id) && a.validationId) return { kind: 'read-validation', deployment: d, validationId: a.validationId };
      return { kind: 'wait', deployment: d, reason: `${d.id}: the validation is ${a.lastStatus ?? 'pending'}` };
    case 'starting': {
      if (run.reserved.has(d.id)) return { kind: 'create', deployment: d };
      const since = a.reservedAt ? Date.parse(a.reservedAt) : 0;
      if (run.now - since < RESERVATION_STALE_MS)
        return { kind: 'wait', deployment: d, reason: `${d.id}: another run reserved it at ${a.reservedAt} and is creating its migration` };
      return {
        kind: 'stop',
        deployment: d.id,
        markUnknown: true,
        reason: stopReason({ ...a, phase: 'unknown' }, d).replace(
          'a migration may have been created',
          `a run reserved it at ${a.reservedAt ?? 'an unknown time'} and recorded no migration since: one may have been created`,
        ),
      };
    }
    default: {
      const migrationId = a.migrationId as string;
      if (!run.read.has(d.id)) return { kind: 'describe', deployment: d, migrationId };
      if (a.phase === 'ready' && run.cutoverWorkflow && !a.cutoverDispatchedAt)
        return { kind: 'dispatch-cutover', deployment: d, migrationId, workflow: run.cutoverWorkflow };
      const reason =
        a.phase === 'ready'
          ? `${d.id}: ready for cutover until ${a.windowCloses}; cut over (cutover with plan) before then`
          : a.phase === 'cutting-over'
            ? `${d.id}: cutting over`
            : `${d.id}: syncing`;
      return { kind: 'wait', deployment: d, reason };
    }
  }
}

/** Ready migrations whose cutover window closes within 24 hours (or has closed): a warning on every run. */
export function windowWarnings(state: CampaignState, now: number): string[] {
  return state.deployments
    .filter((d) => d.phase === 'ready' && d.windowCloses && Date.parse(d.windowCloses) - now < WINDOW_WARNING_MS)
    .map((d) => {
      const hours = Math.max(0, (Date.parse(d.windowCloses as string) - now) / 3600_000);
      return `${d.deployment}: the cutover window of migration ${d.migrationId} closes at ${d.windowCloses} (in ${hours.toFixed(1)} h); after that MongoDB expires it.`;
    });
}
