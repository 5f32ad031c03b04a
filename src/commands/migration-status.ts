import { command, type Step } from './command.js';
import { MIGRATION_CONDITIONS, requireWatch, WATCH_INPUTS } from './migration-requires.js';
import {
  failedBeforeRead,
  isReady,
  migrationFacts,
  migrationNext,
  migrationOutputs,
  migrationSections,
  type MigrationState,
  startWatchState,
  stillSyncingOutcome,
} from './migration-state.js';
import { readStep, watchStep } from './migration-steps.js';

export const migrationStatus = command<MigrationState>({
  name: 'migration-status',
  title: 'MongoDB live migration: status',
  description: "reads a migration's status and lag, and can wait until it is ready for cutover",
  outputs: ['validation-id', 'validation-status', 'migration-id', 'migration-status', 'ready-for-cutover', 'lag-seconds', 'changed'],
  inputs: WATCH_INPUTS,
  conditions: MIGRATION_CONDITIONS,
  require: (settings, r) => requireWatch(settings, r, 'migration-status'),
  start: startWatchState,
  steps(settings) {
    const steps: Array<Step<MigrationState>> = [readStep(settings)];
    const waitFor = settings.migration.waitForSeconds;
    if (waitFor) steps.push(watchStep(settings, 'Wait until ready for cutover or finished', 'ready for cutover', waitFor, isReady, true));
    return steps;
  },
  waitSeconds: (settings) => settings.migration.waitForSeconds ?? 0,
  report: (state, settings, error) => ({
    outputs: migrationOutputs(state, false),
    facts: migrationFacts(state, settings),
    sections: migrationSections(state),
    mark: state.stillSyncing && !error ? '⏳' : undefined,
    outcome: state.stillSyncing
      ? stillSyncingOutcome(state)
      : `Migration ${state.migrationId} is ${state.migration?.status}${state.migration && isReady(state.migration) ? ' and ready for cutover' : ''}.`,
    next: error && !state.migration ? failedBeforeRead(state) : migrationNext(state),
  }),
});
