import { command, type Step } from './command.js';
import {
  createStep,
  isReady,
  migrationFacts,
  migrationNext,
  migrationOutputs,
  readStep,
  resolveSourceStep,
  startMigrationState,
  validationSteps,
  VALIDATION_WAIT_SECONDS,
  watchStep,
  type MigrationState,
} from './migration-steps.js';
import { needsSourceLookup } from './validate.js';

export const migrate = command<MigrationState>({
  name: 'migrate',
  title: 'MongoDB live migration: migrate',
  start: startMigrationState,
  steps(settings) {
    const waitFor = settings.migration.waitForSeconds;
    const steps: Array<Step<MigrationState>> = [];
    if (settings.migration.migrationId) {
      // A re-run with the id of an earlier run: nothing is created, the migration is watched.
      steps.push(readStep());
    } else {
      if (needsSourceLookup(settings)) steps.push(resolveSourceStep(settings));
      steps.push(...validationSteps(settings, waitFor ?? VALIDATION_WAIT_SECONDS), createStep(settings));
    }
    if (waitFor) steps.push(watchStep('Wait until ready for cutover', 'ready for cutover', waitFor, isReady));
    return steps;
  },
  waitSeconds: (settings) =>
    (settings.migration.migrationId ? 0 : (settings.migration.waitForSeconds ?? VALIDATION_WAIT_SECONDS)) +
    (settings.migration.waitForSeconds ?? 0),
  outputs: (state) => migrationOutputs(state, state.created),
  facts: migrationFacts,
  outcome: (state) =>
    state.created
      ? `Started migration ${state.migrationId}; keep its id for cutover.`
      : `Watched migration ${state.migrationId}; nothing was created.`,
  next(state, _settings, error) {
    if (state.validationError) return ['Nothing was started: fix what the validation names, then re-run migrate.'];
    if (error && !state.migrationId) return ['Nothing was started. Fix the error above and re-run migrate.'];
    return migrationNext(state);
  },
});
