import { command, type Step } from './command.js';
import { MIGRATION_CONDITIONS, requireWatch, WATCH_INPUTS } from './migration-requires.js';
import {
  failedBeforeRead,
  migrationFacts,
  migrationNext,
  migrationOutputs,
  type MigrationState,
  startWatchState,
} from './migration-state.js';
import { cutoverStep, readStep, watchStep } from './migration-steps.js';

export const cutover = command<MigrationState>({
  name: 'cutover',
  title: 'MongoDB live migration: cutover',
  description: 'cuts a migration that is ready over to Atlas (run it behind an Environment reviewer)',
  inputs: WATCH_INPUTS,
  conditions: MIGRATION_CONDITIONS,
  require: (settings, r) => requireWatch(settings, r, 'cutover'),
  start: startWatchState,
  steps(settings) {
    const steps: Array<Step<MigrationState>> = [readStep(settings), cutoverStep()];
    const waitFor = settings.migration.waitForSeconds;
    if (waitFor) steps.push(watchStep(settings, 'Wait for COMPLETE', 'COMPLETE', waitFor, (m) => m.status === 'COMPLETE'));
    return steps;
  },
  waitSeconds: (settings) => settings.migration.waitForSeconds ?? 0,
  report: (state, settings, error) => ({
    outputs: migrationOutputs(state, state.cutoverRequested),
    facts: migrationFacts(state, settings),
    outcome: state.cutoverRequested
      ? `Cutover of migration ${state.migrationId} requested; it is ${state.migration?.status}.`
      : `Migration ${state.migrationId} was already COMPLETE: nothing to do.`,
    next: error && !state.migration ? failedBeforeRead(state) : migrationNext(state),
  }),
});
