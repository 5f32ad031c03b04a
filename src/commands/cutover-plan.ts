import { readFile, writeFile } from '../api/github-routes.js';
import { renderDashboard } from '../campaign/dashboard.js';
import { recordCuttingOver, recordMigration } from '../campaign/observe.js';
import { StateStore, type Versioned } from '../campaign/state-store.js';
import { checkStateFor, type CampaignState, type Phase } from '../campaign/state.js';
import { RefusedError } from '../errors.js';
import type { CampaignPlan, CampaignSettings, Settings } from '../settings.js';
import type { Step, StepContext } from './command.js';
import type { MigrationState } from './migration-state.js';

/** What cutover with `plan` learns of the campaign's state, and what it wrote there. */
export interface PlanCutover {
  deployment?: string;
  /** The deployment's phase as read before the cutover. */
  phase?: Phase;
  current?: { state?: CampaignState; version: Versioned };
  /** Phases this run wrote (`cutting-over`, `complete`). */
  recorded: Phase[];
  /** A state write failed after the cutover: what happened, for the summary. */
  unrecorded?: string;
}

export type CutoverState = MigrationState & { plan?: PlanCutover };

/** Phases a cutover may start from: `ready`, or `cutting-over` for a re-run (Atlas is read before anything is sent). */
const CUTTABLE: readonly Phase[] = ['ready', 'cutting-over'];

const storeOf = (ctx: StepContext, c: CampaignSettings, plan: CampaignPlan) => new StateStore(ctx.api, c.stateBranch, plan.name);

/**
 * Reads the campaign's state and finds the deployment to cut over (by `deployment`, or by
 * `migration-id`); refuses, before any MongoDB call, what the state does not allow.
 */
export function readPlanStateStep(settings: Settings): Step<CutoverState> {
  const c = settings.campaign as CampaignSettings;
  const plan = c.plan as CampaignPlan;
  return {
    title: `Read the campaign state on branch ${c.stateBranch}`,
    calls: [{ route: readFile }],
    async run(state, ctx) {
      const store = storeOf(ctx, c, plan);
      const current = await store.read();
      if (!current.state)
        throw new RefusedError(
          `The campaign state ${store.label} does not exist: the campaign of ${plan.file} has not run yet, so no migration of it is ready. Nothing was sent to Atlas.`,
        );
      checkStateFor(current.state, plan, store.label);
      const given = settings.migration.migrationId;
      const entry = c.deployment
        ? current.state.deployments.find((d) => d.deployment === c.deployment)
        : current.state.deployments.find((d) => d.migrationId === given);
      const named = c.deployment ? `deployment ${c.deployment}` : `migration-id ${given}`;
      if (!entry)
        throw new RefusedError(
          `Input '${c.deployment ? 'deployment' : 'migration-id'}': the campaign state ${store.label} has no ${named}. Nothing was sent to Atlas. ` +
            'Hint: pass the deployment and migration-id the campaign dispatched (its ready output lists them).',
        );
      if (given && entry.migrationId !== given)
        throw new RefusedError(
          `Input 'migration-id': ${given} is not the migration the campaign state ${store.label} records for ${entry.deployment} ` +
            `(${entry.migrationId ?? 'none yet'}). Nothing was sent to Atlas. Hint: pass the migration-id the campaign dispatched, or leave it out.`,
        );
      if (!CUTTABLE.includes(entry.phase))
        throw new RefusedError(
          `The campaign state ${store.label} has ${entry.deployment} in phase ${entry.phase}, not ready: nothing was sent to Atlas. ` +
            'Hint: cut over once a campaign run records it ready (its ready output lists it).',
        );
      const project = plan.deployments.find((d) => d.id === entry.deployment)?.atlasProjectId;
      if (project && project !== settings.atlas.projectId)
        throw new RefusedError(
          `Input 'atlas-project-id': ${settings.atlas.projectId} is not ${project}, where ${plan.file} moves ${entry.deployment}. Nothing was sent to Atlas. ` +
            'Hint: pass deployment, or the same atlas-project-id.',
        );
      state.migrationId = entry.migrationId;
      state.plan = { deployment: entry.deployment, phase: entry.phase, current, recorded: [] };
      return `${entry.deployment}: ${entry.phase}, migration ${entry.migrationId}`;
    },
  };
}

/**
 * Writes what the cutover did into the state (`cutting-over` once the PUT is accepted or under
 * way; `complete` once Atlas reads COMPLETE), then the dashboard. A failed write is a warning: the
 * cutover stands, and the next campaign run records it from what it reads.
 */
export function recordPlanStep(settings: Settings, what: 'cutting-over' | 'complete'): Step<CutoverState> {
  const c = settings.campaign as CampaignSettings;
  const plan = c.plan as CampaignPlan;
  return {
    title: `Record ${what} in the campaign state`,
    calls: [{ route: readFile, repeated: 'after a conflicting write, and for the dashboard' }, { route: writeFile }],
    skip: {
      when: what === 'complete' ? 'the migration is not COMPLETE' : 'no cutover was requested',
      test: (s) => !s.plan || (what === 'complete' ? s.migration?.status !== 'COMPLETE' : !s.cutoverRequested),
    },
    async run(state, ctx) {
      const p = state.plan as PlanCutover;
      const deployment = p.deployment as string;
      const store = storeOf(ctx, c, plan);
      const change = (fresh: CampaignState | undefined): CampaignState | undefined => {
        // Decided again on each fresh read: only a deployment still ready (or cutting over, for complete) moves.
        const phase = fresh?.deployments.find((d) => d.deployment === deployment)?.phase;
        if (!fresh || !phase || !CUTTABLE.includes(phase) || phase === what) return undefined;
        const now = ctx.clock.now();
        const cutting = recordCuttingOver(fresh, deployment, now, `cutover of migration ${state.migrationId} requested by cutover`);
        return what === 'complete' && state.migration ? recordMigration(cutting, deployment, state.migration, now) : cutting;
      };
      try {
        const result = await store.update(
          p.current as { state?: CampaignState; version: Versioned },
          change,
          `campaign ${plan.name}: ${deployment} ${what}`,
        );
        p.current = result;
        if (!result.wrote) return 'already recorded';
        p.recorded.push(what);
        if (result.state) await writeDashboard(store, plan, result.state, ctx);
        return `${store.label}: ${deployment} ${what}`;
      } catch (err) {
        p.unrecorded =
          `The cutover of migration ${state.migrationId} stands, but ${what} was not written to the campaign state ${store.label}; ` +
          `the next campaign run records it from what Atlas reads (not retried: ${ctx.log.describe(err)})`;
        ctx.log.annotate('warning', p.unrecorded, 'Campaign state not written');
        return `not written: ${ctx.log.describe(err)}`;
      }
    },
  };
}

/** The campaign's dashboard beside the state; a failure only warns (the state is written). */
async function writeDashboard(store: StateStore, plan: CampaignPlan, state: CampaignState, ctx: StepContext): Promise<void> {
  try {
    await store.writeDashboard(renderDashboard(plan, state, state.updatedAt), `campaign ${plan.name}: dashboard`);
  } catch (err) {
    ctx.log.annotate(
      'warning',
      `The campaign dashboard ${plan.name}.md was not written: ${ctx.log.describe(err)}`,
      'Dashboard not written',
    );
  }
}
