import type { Settings } from '../settings.js';
import { command, type Step } from './command.js';
import { MIGRATION_CONDITIONS, requireSpec, requireTarget, SPEC_INPUTS } from './migration-requires.js';
import {
  migrationFacts,
  migrationOutputs,
  migrationSections,
  type MigrationState,
  startSpecState,
  VALIDATION_WAIT_SECONDS,
} from './migration-state.js';
import { validationSteps } from './migration-steps.js';
import { resolveSourceStep } from './source-lookup.js';
import { destinationCheckStep, sourceSizeStep } from './destination-check.js';

/**
 * How long the validation is awaited: validation-wait-for, apart from wait-for (the wait for
 * readiness). Never 0 s: validate exists to learn the result, and migrate cannot create without it.
 */
export function validationWaitSeconds(settings: Settings): number {
  return settings.migration.validationWaitForSeconds || VALIDATION_WAIT_SECONDS;
}

/** The source deployment or migration host is to be filled in from the projects Atlas lists. */
export function needsSourceLookup(settings: Settings): boolean {
  const m = settings.migration;
  return !(m.sourceProjectId && m.sourceClusterName && m.migrationHost);
}

// wait-for bounds the wait for readiness, which validate does not have: its bound is validation-wait-for.
const VALIDATE_INPUTS = Object.fromEntries(Object.entries(SPEC_INPUTS).filter(([name]) => name !== 'wait-for'));

export const validate = command<MigrationState>({
  name: 'validate',
  title: 'MongoDB live migration: validate',
  description: 'asks Atlas whether a deployment can be migrated, and waits for the answer',
  outputs: ['validation-id', 'validation-status', 'migration-id', 'migration-status', 'ready-for-cutover', 'lag-seconds', 'changed'],
  inputs: VALIDATE_INPUTS,
  conditions: MIGRATION_CONDITIONS,
  require(settings, r) {
    requireTarget(settings, r, 'validate');
    requireSpec(settings, r);
  },
  start: startSpecState,
  steps(settings) {
    const steps: Array<Step<MigrationState>> = needsSourceLookup(settings) ? [resolveSourceStep(settings)] : [];
    return [
      ...steps,
      sourceSizeStep(settings),
      destinationCheckStep(settings),
      ...validationSteps(settings, validationWaitSeconds(settings)),
    ];
  },
  waitSeconds: validationWaitSeconds,
  report: (state, settings, error) => ({
    outputs: migrationOutputs(state, false),
    facts: migrationFacts(state, settings),
    sections: migrationSections(state),
    outcome: `Validation ${state.validationId} succeeded: deployment ${state.sourceClusterName} can be migrated to ${settings.migration.clusterName}.`,
    next: state.validationError
      ? ['Fix what the validation names, then re-run validate.']
      : error
        ? ['Nothing was started. Fix the error above and re-run validate.']
        : ['Start the migration: run the migrate action with the same inputs (it validates again first).'],
  }),
});
