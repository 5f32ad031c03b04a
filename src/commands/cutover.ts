import { cutover as cutoverRoute } from '../api/migration-routes.js';
import { cancelledDuring } from '../clock.js';
import type { Settings } from '../settings.js';
import { command, type Step } from './command.js';
import { readPlanStateStep, recordPlanStep, type CutoverState } from './cutover-plan.js';
import { MIGRATION_CONDITIONS, requireTarget, requireWatch, WATCH_INPUTS } from './migration-requires.js';
import {
  failedBeforeRead,
  migrationFacts,
  migrationNext,
  migrationOutputs,
  migrationSections,
  startWatchState,
} from './migration-state.js';
import { cutoverStep, readStep, watchStep } from './migration-steps.js';
import { recordEvent } from './migration-timeline.js';

/** The cutover step, noting on the timeline when the cutover was requested. */
function timedCutover(): Step<CutoverState> {
  const step = cutoverStep();
  return {
    ...step,
    async run(state, ctx) {
      const at = ctx.clock.now();
      const note = await step.run(state, ctx);
      if (state.cutoverRequested) recordEvent(state.timeline, 'Cutover requested', at);
      return note;
    },
  };
}

const WITH_PLAN = 'With plan (a campaign plan): ';

export const cutover = command<CutoverState>({
  name: 'cutover',
  title: 'MongoDB live migration: cutover',
  description: 'cuts a migration that is ready over to Atlas (run it behind an Environment reviewer)',
  outputs: ['validation-id', 'validation-status', 'migration-id', 'migration-status', 'ready-for-cutover', 'lag-seconds', 'changed'],
  inputs: {
    ...WATCH_INPUTS,
    'atlas-project-id': 'conditional',
    'migration-id': 'conditional',
    plan: 'optional',
    deployment: 'conditional',
    'state-branch': 'optional',
    // Its default is the job's token; with plan it needs contents: write (action.yml says so).
    'github-token': 'optional',
  },
  conditions: {
    ...MIGRATION_CONDITIONS,
    'atlas-project-id': `Required, except ${WITH_PLAN.toLowerCase()}then it is the plan's, for the deployment.`,
    'migration-id': `Required, except ${WITH_PLAN.toLowerCase()}then deployment or migration-id, and both must agree with the campaign state.`,
    deployment: `${WITH_PLAN}the deployment to cut over, as <source-project-id>/<source-cluster-name>; required unless migration-id is given.`,
  },
  require(settings, r) {
    if (!settings.campaign) {
      if (r.read('deployment')) r.findings.fail('deployment', 'is read only with plan: give the campaign plan, or leave deployment out.');
      return requireWatch(settings, r, 'cutover');
    }
    requireTarget(settings, r, 'cutover');
    if (!settings.campaign.deployment)
      r.need('migration-id', settings.migration.migrationId, 'for cutover with plan when deployment is not given');
  },
  start: (settings) => ({ ...startWatchState(settings), plan: undefined }),
  steps(settings) {
    const withPlan = settings.campaign?.plan !== undefined;
    const steps: Array<Step<CutoverState>> = withPlan ? [readPlanStateStep(settings)] : [];
    steps.push(readStep(settings), timedCutover());
    if (withPlan) steps.push(recordPlanStep(settings, 'cutting-over'));
    const waitFor = settings.migration.waitForSeconds;
    if (waitFor) steps.push(watchStep(settings, 'Wait for COMPLETE', 'COMPLETE', waitFor, (m) => m.status === 'COMPLETE'));
    if (withPlan) steps.push(recordPlanStep(settings, 'complete'));
    return steps;
  },
  waitSeconds: (settings) => settings.migration.waitForSeconds ?? 0,
  report: (state, settings, error) => ({
    // A cutover cancelled in flight may have arrived: not reported as "nothing changed".
    outputs: migrationOutputs(state, state.cutoverRequested || cancelledDuring(error, cutoverRoute.name)),
    facts: [...migrationFacts(state, settings), ...planFacts(state, settings)],
    sections: migrationSections(state),
    outcome: state.cutoverRequested
      ? `Cutover of migration ${state.migrationId} requested; it is ${state.migration?.status}.`
      : `Migration ${state.migrationId} was already COMPLETE: nothing to do.`,
    next: [
      ...(state.plan?.unrecorded ? [state.plan.unrecorded] : []),
      ...(cancelledDuring(error, cutoverRoute.name)
        ? [
            `The run was cancelled while the cutover request was in flight: Atlas may have started the cutover. Read migration ${state.migrationId} ` +
              'with migration-status before sending it again; WORKING and not ready for cutover means the cutover is under way.',
          ]
        : error && !state.migration
          ? failedBeforeRead(state)
          : migrationNext(state)),
    ],
  }),
});

/** The campaign's deployment and what this run wrote to its state. */
function planFacts(state: CutoverState, settings: Settings): Array<[string, string]> {
  const c = settings.campaign;
  if (!c?.plan) return [];
  const p = state.plan;
  const written = p?.unrecorded ? 'no: the write failed (see below)' : p?.recorded.length ? p.recorded.join(', then ') : 'nothing';
  return [
    ['Campaign state', `${c.stateBranch}:${c.plan.name}.json`],
    ['Deployment', p?.deployment ?? c.deployment ?? '—'],
    ['State written', written],
  ];
}
