import { createBranch, dispatchWorkflow, readBranch, readFile, readRepository, writeFile } from '../api/github-routes.js';
import { createMigration, readMigration, readValidation, startValidation } from '../api/migration-routes.js';
import { linkStatus } from '../api/organization-routes.js';
import { RefusedError } from '../errors.js';
import { applyResolutions, windowWarnings } from '../campaign/advance.js';
import { advance, type RunOutcome } from '../campaign/advance-run.js';
import { renderDashboard } from '../campaign/dashboard.js';
import type { CampaignPlan } from '../inputs/campaign-plan.js';
import { StateStore, type Versioned } from '../campaign/state-store.js';
import { checkStateFor, stateForPlan, type CampaignState } from '../campaign/state.js';
import type { Settings } from '../settings.js';
import type { Step } from './command.js';

/** What a campaign run learns and does. */
export interface CampaignRun {
  plan?: CampaignPlan;
  state?: CampaignState;
  version?: Versioned;
  /** This run wrote the state file. */
  changed: boolean;
  dashboardWritten: boolean;
  outcome: RunOutcome;
}

export const startCampaignRun = (): CampaignRun => ({ changed: false, dashboardWritten: false, outcome: { actions: [] } });

/** Seconds a run may wait for a validation: wait-for, else two minutes. A run never waits for anything else. */
export const campaignValidationSeconds = (settings: Settings) => settings.migration.waitForSeconds ?? 120;

const campaignOf = (settings: Settings) => {
  if (!settings.campaign) throw new Error('campaign settings missing');
  return settings.campaign;
};

/**
 * The state as stored, brought up to the plan (new deployments pending, decisions taken in the
 * plan applied) and written when that changed. The first run writes it before any MongoDB call,
 * which proves github-token may write (contents: write) before anything starts.
 */
export function readStateStep(settings: Settings): Step<CampaignRun> {
  const c = campaignOf(settings);
  return {
    title: `Read the campaign state on branch ${c.stateBranch}`,
    calls: [
      { route: readFile },
      { route: readBranch, repeated: 'only when the state file is missing' },
      { route: readRepository, repeated: 'only to create the branch' },
      { route: createBranch, repeated: 'only when the branch is missing' },
      { route: writeFile, repeated: 'only when the state is new or the plan changed it' },
    ],
    async run(run, ctx) {
      const plan = run.plan as CampaignPlan;
      const store = new StateStore(ctx.api, c.stateBranch, plan.name);
      let current = await store.read();
      if (current.version.sha === undefined) {
        if (await store.ensureBranch()) ctx.log.info(`Created the branch ${c.stateBranch} for the campaign state.`);
        current = await store.read();
      }
      if (current.state) checkStateFor(current.state, plan, store.label);
      let warnings: string[] = [];
      const result = await store.update(
        current,
        (fresh) => {
          if (fresh) checkStateFor(fresh, plan, store.label);
          const resolved = applyResolutions(plan, stateForPlan(plan, fresh, ctx.clock.now()), ctx.clock.now());
          warnings = resolved.warnings;
          return resolved.state;
        },
        `campaign ${plan.name}: ${current.state ? 'the plan changed' : 'new campaign'}`,
      );
      for (const w of warnings) ctx.log.annotate('warning', w, 'Campaign plan');
      run.state = result.state;
      run.version = result.version;
      run.changed ||= result.wrote;
      return `${store.label}${result.wrote ? ' (written)' : ''}`;
    },
  };
}

export function advanceStep(settings: Settings): Step<CampaignRun> {
  const c = campaignOf(settings);
  return {
    title: 'Advance the campaign one safe step',
    calls: [
      { route: readMigration, repeated: 'for the active migration' },
      { route: linkStatus, repeated: 'before a validation, with source credentials' },
      { route: startValidation, repeated: 'for the next pending deployment, when none is active' },
      { route: readValidation, repeated: `until SUCCESS or FAILED, up to ${campaignValidationSeconds(settings)} s (wait-for)` },
      { route: createMigration, repeated: 'once, after the reservation is written' },
      { route: readFile, repeated: 'after a conflicting write' },
      { route: writeFile, repeated: 'after each step that changed the state' },
      ...(c.cutoverWorkflow
        ? [
            { route: readRepository, repeated: 'for the default branch' },
            { route: dispatchWorkflow, repeated: 'once per migration that turns ready' },
          ]
        : []),
    ],
    async run(run, ctx) {
      const plan = run.plan as CampaignPlan;
      const store = new StateStore(ctx.api, c.stateBranch, plan.name);
      const m = settings.migration;
      const result = await advance(
        plan,
        { state: run.state, version: run.version as Versioned },
        {
          ...ctx,
          store,
          login: { username: m.username, password: m.password },
          checkLink: settings.source.credentials !== undefined,
          validationSeconds: campaignValidationSeconds(settings),
          cutoverWorkflow: c.cutoverWorkflow,
          defaultRef: async () => (await ctx.api.call(readRepository)).default_branch,
        },
        run.outcome,
      );
      run.state = result.state;
      run.version = result.version;
      run.changed ||= result.wrote;
      for (const w of windowWarnings(result.state, ctx.clock.now())) ctx.log.annotate('warning', w, 'Cutover window closing');
      return run.outcome.stopped ? 'stopped: a person decides' : (run.outcome.waiting ?? 'advanced');
    },
  };
}

/** The dashboard `<plan>.md` beside the state, when the state changed (its time is the state's, so an unchanged state renders the same page). */
export function dashboardStep(settings: Settings): Step<CampaignRun> {
  const c = campaignOf(settings);
  return {
    title: 'Write the dashboard',
    calls: [{ route: readFile }, { route: writeFile, repeated: 'only when its text changed' }],
    skip: { when: 'the state did not change in this run', test: (run) => !run.changed || !run.state || !run.plan },
    soft: () => true,
    async run(run, ctx) {
      const plan = run.plan as CampaignPlan;
      const state = run.state as CampaignState;
      const store = new StateStore(ctx.api, c.stateBranch, plan.name);
      run.dashboardWritten = await store.writeDashboard(renderDashboard(plan, state, state.updatedAt), `campaign ${plan.name}: dashboard`);
      return run.dashboardWritten ? `${c.stateBranch}:${plan.name}.md` : 'unchanged';
    },
  };
}

/** A stopped campaign fails the run, after the state and the dashboard are written: a person must decide. */
export function stopStep(): Step<CampaignRun> {
  return {
    title: 'Stop for a person to decide',
    calls: [],
    skip: { when: 'the campaign is not stopped', test: (run) => !run.outcome.stopped },
    async run(run) {
      throw new RefusedError(`The campaign is stopped: ${run.outcome.stopped}`);
    },
  };
}
