import type { Settings } from '../settings.js';
import { command, type Step } from './command.js';
import {
  migrationFacts,
  migrationOutputs,
  resolveSourceStep,
  startMigrationState,
  validationSteps,
  VALIDATION_WAIT_SECONDS,
  type MigrationState,
} from './migration-steps.js';

/** The source deployment or migration host is to be filled in from the projects Atlas lists. */
export function needsSourceLookup(settings: Settings): boolean {
  const m = settings.migration;
  return !(m.sourceProjectId && m.sourceClusterName && m.migrationHost);
}

export const validate = command<MigrationState>({
  name: 'validate',
  title: 'MongoDB live migration: validate',
  start: startMigrationState,
  steps(settings) {
    const steps: Array<Step<MigrationState>> = needsSourceLookup(settings) ? [resolveSourceStep(settings)] : [];
    return [...steps, ...validationSteps(settings, settings.migration.waitForSeconds ?? VALIDATION_WAIT_SECONDS)];
  },
  waitSeconds: (settings) => settings.migration.waitForSeconds ?? VALIDATION_WAIT_SECONDS,
  outputs: (state) => migrationOutputs(state, false),
  facts: migrationFacts,
  outcome: (state, settings) =>
    `Validation ${state.validationId} succeeded: deployment ${state.sourceClusterName} can be migrated to ${settings.migration.clusterName}.`,
  next(state, _settings, error) {
    if (state.validationError) return ['Fix what the validation names, then re-run validate.'];
    if (error) return ['Nothing was started. Fix the error above and re-run validate.'];
    return ["Start the migration: run command: 'migrate' with the same inputs (it validates again first)."];
  },
});
