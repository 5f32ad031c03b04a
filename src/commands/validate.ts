import type { Settings } from '../settings.js';
import { command, type Step } from './command.js';
import { migrationFacts, migrationOutputs, type MigrationState, startMigrationState, VALIDATION_WAIT_SECONDS } from './migration-state.js';
import { validationSteps } from './migration-steps.js';
import { resolveSourceStep } from './source-lookup.js';

/**
 * How long the validation is awaited: wait-for, or the default when it is unset or 0. A validation
 * is never awaited for 0 s: validate exists to learn its result, and migrate cannot create without it.
 */
export function validationWaitSeconds(settings: Settings): number {
  return settings.migration.waitForSeconds || VALIDATION_WAIT_SECONDS;
}

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
    return [...steps, ...validationSteps(settings, validationWaitSeconds(settings))];
  },
  waitSeconds: validationWaitSeconds,
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
