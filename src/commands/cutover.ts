import { cutover as cutoverRoute } from '../api/migration-routes.js';
import { cancelledDuring } from '../clock.js';
import { command, type Step } from './command.js';
import { MIGRATION_CONDITIONS, requireWatch, WATCH_INPUTS } from './migration-requires.js';
import {
  failedBeforeRead,
  migrationFacts,
  migrationNext,
  migrationOutputs,
  migrationSections,
  type MigrationState,
  startWatchState,
} from './migration-state.js';
import { cutoverStep, readStep, watchStep } from './migration-steps.js';
import { recordEvent } from './migration-timeline.js';

/** The cutover step, noting on the timeline when the cutover was requested. */
function timedCutover(): Step<MigrationState> {
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

export const cutover = command<MigrationState>({
  name: 'cutover',
  title: 'MongoDB live migration: cutover',
  description: 'cuts a migration that is ready over to Atlas (run it behind an Environment reviewer)',
  inputs: WATCH_INPUTS,
  conditions: MIGRATION_CONDITIONS,
  require: (settings, r) => requireWatch(settings, r, 'cutover'),
  start: startWatchState,
  steps(settings) {
    const steps: Array<Step<MigrationState>> = [readStep(settings), timedCutover()];
    const waitFor = settings.migration.waitForSeconds;
    if (waitFor) steps.push(watchStep(settings, 'Wait for COMPLETE', 'COMPLETE', waitFor, (m) => m.status === 'COMPLETE'));
    return steps;
  },
  waitSeconds: (settings) => settings.migration.waitForSeconds ?? 0,
  report: (state, settings, error) => ({
    // A cutover cancelled in flight may have arrived: not reported as "nothing changed".
    outputs: migrationOutputs(state, state.cutoverRequested || cancelledDuring(error, cutoverRoute.name)),
    facts: migrationFacts(state, settings),
    sections: migrationSections(state),
    outcome: state.cutoverRequested
      ? `Cutover of migration ${state.migrationId} requested; it is ${state.migration?.status}.`
      : `Migration ${state.migrationId} was already COMPLETE: nothing to do.`,
    next: cancelledDuring(error, cutoverRoute.name)
      ? [
          `The run was cancelled while the cutover request was in flight: Atlas may have started the cutover. Read migration ${state.migrationId} ` +
            'with migration-status before sending it again; WORKING and not ready for cutover means the cutover is under way.',
        ]
      : error && !state.migration
        ? failedBeforeRead(state)
        : migrationNext(state),
  }),
});
