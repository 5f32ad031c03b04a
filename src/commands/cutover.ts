import { command, type Step } from './command.js';
import {
  failedBeforeRead,
  migrationFacts,
  migrationNext,
  migrationOutputs,
  type MigrationState,
  startMigrationState,
} from './migration-state.js';
import { cutoverStep, readStep, watchStep } from './migration-steps.js';

export const cutover = command<MigrationState>({
  name: 'cutover',
  title: 'MongoDB live migration: cutover',
  start: startMigrationState,
  steps(settings) {
    const steps: Array<Step<MigrationState>> = [readStep(settings), cutoverStep()];
    const waitFor = settings.migration.waitForSeconds;
    if (waitFor) steps.push(watchStep(settings, 'Wait for COMPLETE', 'COMPLETE', waitFor, (m) => m.status === 'COMPLETE'));
    return steps;
  },
  waitSeconds: (settings) => settings.migration.waitForSeconds ?? 0,
  outputs: (state) => migrationOutputs(state, state.cutoverRequested),
  facts: migrationFacts,
  outcome: (state) =>
    state.cutoverRequested
      ? `Cutover of migration ${state.migrationId} requested; it is ${state.migration?.status}.`
      : `Migration ${state.migrationId} was already COMPLETE: nothing to do.`,
  next: (state, _settings, error) => (error && !state.migration ? failedBeforeRead(state) : migrationNext(state)),
});
