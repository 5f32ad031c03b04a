import { command, type Step } from './command.js';
import {
  failedBeforeRead,
  isReady,
  migrationFacts,
  migrationNext,
  migrationOutputs,
  type MigrationState,
  startMigrationState,
} from './migration-state.js';
import { readStep, watchStep } from './migration-steps.js';

export const migrationStatus = command<MigrationState>({
  name: 'migration-status',
  title: 'MongoDB live migration: status',
  start: startMigrationState,
  steps(settings) {
    const steps: Array<Step<MigrationState>> = [readStep(settings)];
    const waitFor = settings.migration.waitForSeconds;
    if (waitFor) steps.push(watchStep(settings, 'Wait until ready for cutover or finished', 'ready for cutover', waitFor, isReady));
    return steps;
  },
  waitSeconds: (settings) => settings.migration.waitForSeconds ?? 0,
  outputs: (state) => migrationOutputs(state, false),
  facts: migrationFacts,
  outcome: (state) =>
    `Migration ${state.migrationId} is ${state.migration?.status}${state.migration && isReady(state.migration) ? ' and ready for cutover' : ''}.`,
  next: (state, _settings, error) => (error && !state.migration ? failedBeforeRead(state) : migrationNext(state)),
});
