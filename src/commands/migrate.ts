import { createMigration } from '../api/migration-routes.js';
import { cancelledDuring, CancelledError } from '../clock.js';
import { command, type Step } from './command.js';
import { MIGRATION_CONDITIONS, requireSpec, requireTarget, SPEC_INPUTS } from './migration-requires.js';
import {
  failedBeforeRead,
  isReady,
  migrationFacts,
  migrationNext,
  migrationOutputs,
  migrationSections,
  type MigrationState,
  startSpecState,
  stillSyncingOutcome,
} from './migration-state.js';
import { createStep, readStep, validationSteps, watchStep } from './migration-steps.js';
import { recordEvent } from './migration-timeline.js';
import { resolveSourceStep } from './source-lookup.js';
import { destinationCheckStep, sourceSizeStep } from './destination-check.js';
import { needsSourceLookup, validationWaitSeconds } from './validate.js';

export const migrate = command<MigrationState>({
  name: 'migrate',
  title: 'MongoDB live migration: migrate',
  description: 'validates, then starts a migration (or, with migration-id, watches one)',
  outputs: ['validation-id', 'validation-status', 'migration-id', 'migration-status', 'ready-for-cutover', 'lag-seconds', 'changed'],
  inputs: { ...SPEC_INPUTS, 'atlas-cluster-name': 'conditional', 'migration-id': 'optional' },
  conditions: {
    ...MIGRATION_CONDITIONS,
    'atlas-cluster-name': 'Required unless migration-id is given (then nothing is created: the migration is watched).',
  },
  require(settings, r) {
    requireTarget(settings, r, 'migrate');
    if (!settings.migration.migrationId) requireSpec(settings, r);
  },
  start: startSpecState,
  steps(settings) {
    const waitFor = settings.migration.waitForSeconds;
    const steps: Array<Step<MigrationState>> = [];
    if (settings.migration.migrationId) {
      // A re-run with the id of an earlier run: nothing is created, the migration is watched.
      steps.push(readStep(settings));
    } else {
      if (needsSourceLookup(settings)) steps.push(resolveSourceStep(settings));
      steps.push(
        sourceSizeStep(settings),
        destinationCheckStep(settings),
        ...validationSteps(settings, validationWaitSeconds(settings)),
        timedCreate(createStep(settings)),
      );
    }
    if (waitFor) steps.push(watchStep(settings, 'Wait until ready for cutover', 'ready for cutover', waitFor, isReady, true));
    return steps;
  },
  waitSeconds: (settings) =>
    (settings.migration.migrationId ? 0 : validationWaitSeconds(settings)) + (settings.migration.waitForSeconds ?? 0),
  report: (state, settings, error) => ({
    // A create whose answer was lost, or cancelled in flight, may have started a migration: not "nothing changed".
    outputs: migrationOutputs(state, state.created || state.createOutcomeUnknown === true || cancelledDuring(error, createMigration.name)),
    facts: migrationFacts(state, settings),
    sections: migrationSections(state),
    mark: state.stillSyncing && !error ? '⏳' : undefined,
    outcome: state.stillSyncing
      ? `${stillSyncingOutcome(state)}${state.created ? ' Keep its id for cutover.' : ''}`
      : state.created
        ? `Started migration ${state.migrationId}; keep its id for cutover.`
        : `Watched migration ${state.migrationId}; nothing was created.`,
    next: [...next(state, error), ...resume(state, error)],
  }),
});

/** The create step, noting on the timeline when the migration was created. */
function timedCreate(step: Step<MigrationState>): Step<MigrationState> {
  return {
    ...step,
    async run(state, ctx) {
      const note = await step.run(state, ctx);
      if (state.created) recordEvent(state.timeline, 'Migration created', ctx.clock.now());
      return note;
    },
  };
}

/** After a cancelled run: how to pick the migration up again. */
function resume(state: MigrationState, error: unknown): string[] {
  if (!(error instanceof CancelledError) || !state.migrationId || state.createOutcomeUnknown) return [];
  return [
    `This run was cancelled; migration ${state.migrationId} goes on in Atlas. To resume, re-run migrate with migration-id: ${state.migrationId} ` +
      '(nothing is created again: it is watched), or run migration-status with it.',
  ];
}

function next(state: MigrationState, error: unknown): string[] {
  if (state.validationError) return ['Nothing was started: fix what the validation names, then re-run migrate.'];
  if (cancelledDuring(error, createMigration.name)) {
    return [
      'The run was cancelled while the request to start the migration was in flight: a migration may have been started. ' +
        'There is no API to list migrations: look in Atlas (the project, then Migration). If one is there, re-run migrate with its id as migration-id; start another only if there is none.',
    ];
  }
  if (state.createOutcomeUnknown) {
    return [
      'Atlas may have started the migration although its answer was lost. There is no API to list migrations: look in the Atlas UI ' +
        '(the project, then Migration). If one is there, re-run with its id as migration-id to watch it; start another only if there is none.',
    ];
  }
  if (error && !state.migrationId) return ['Nothing was started. Fix the error above and re-run migrate.'];
  if (error && !state.migration) return failedBeforeRead(state);
  // MongoDB has no API to list migrations: a created migration's id must not be lost.
  const finished = state.migration && ['FAILED', 'EXPIRED'].includes(state.migration.status ?? '');
  const keep =
    state.created && !finished
      ? [
          `Keep the migration id ${state.migrationId}: MongoDB has no API to list migrations. It is the migration-id output of this step; ` +
            'pass it to the cutover job as migration-id, as a job output (needs.<migrate job>.outputs.migration-id) or as a workflow_dispatch input.',
        ]
      : [];
  return [...keep, ...migrationNext(state)];
}
