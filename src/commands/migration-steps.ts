import { ABSENT } from '../api/api.js';
import {
  cutover as cutoverRoute,
  createMigration,
  readMigration,
  readValidation,
  startValidation,
  type Migration,
} from '../api/migration-routes.js';
import { ApiError, RefusedError, sentence, WaitTimeoutError } from '../errors.js';
import type { Settings } from '../settings.js';
import { migrationBody } from '../migration-body.js';
import type { Step, StepContext } from './command.js';
import { isReady, refuseIfFinishedBadly, showMigration, TERMINAL, type MigrationState } from './migration-state.js';
import { afterLostCutover, MAX_CUTOVER_SENDS } from './lost-cutover.js';
import { recordEvent } from './migration-timeline.js';
import { readInto } from './migration-read.js';
import { waitUntil } from '../wait.js';
import { newValidationId, refuseOtherId, shownStatus, unreadableCreate } from '../migration-answers.js';
import { OBJECT_ID } from '../api/ids.js';

const MAX_POLL_INTERVAL_MS = 60_000;

/** The body for the deployment the state names (given, or filled in from the projects Atlas lists). */
const bodyOf = (settings: Settings, state: MigrationState) =>
  migrationBody(
    {
      ...settings.migration,
      sourceProjectId: state.sourceProjectId,
      sourceClusterName: state.sourceClusterName,
      migrationHost: state.migrationHost,
    },
    settings.atlas.projectId,
  );

const dropNote = (settings: Settings) =>
  settings.migration.dropDestinationData
    ? ` — DROPS ALL DATA in destination cluster ${settings.migration.clusterName} first (drop-destination-data)`
    : '';

export function validationSteps(settings: Settings, waitSeconds: number): Array<Step<MigrationState>> {
  return [
    {
      title: `Start a validation of the migration${dropNote(settings)}`,
      calls: [{ route: startValidation }],
      async run(state, ctx) {
        recordEvent(state.timeline, 'Validation started', ctx.clock.now());
        const validation = await ctx.api.call(startValidation, { body: bodyOf(settings, state) });
        const id = newValidationId(validation._id);
        state.validationId = id;
        state.validationStatus = validation.status;
        state.validationMessage = validation.errorMessage;
        ctx.log.info(`Started validation ${id}: ${shownStatus(validation.status)}.`);
        return `validation ${id}`;
      },
    },
    {
      title: 'Wait for the validation result',
      calls: [{ route: readValidation, repeated: `until SUCCESS or FAILED, up to ${waitSeconds} s` }],
      async run(state, ctx) {
        const id = state.validationId as string;
        const result = await waitUntil(
          {
            goal: 'the validation result',
            seconds: waitSeconds,
            first: { _id: id, status: state.validationStatus ?? 'PENDING', errorMessage: state.validationMessage },
            read: async () => {
              const answer = await ctx.api.call(readValidation, { params: { validationId: id } });
              if (answer === ABSENT) throw new RefusedError(`Atlas: validation ${id} is gone from the project.`);
              refuseOtherId('validation', id, answer._id);
              state.validationStatus = answer.status;
              state.validationMessage = answer.errorMessage;
              return answer;
            },
            done: (v) => v.status === 'SUCCESS' || v.status === 'FAILED',
            show: (v) => shownStatus(v.status),
            timeout: (last) =>
              `Atlas: the validation did not finish within ${waitSeconds} s (validation-wait-for); the last status read was ${last}. Raise validation-wait-for, or check the validation in Atlas.`,
            maxIntervalMs: MAX_POLL_INTERVAL_MS,
          },
          ctx,
        );
        recordEvent(state.timeline, `Validation finished: ${result.status}`, ctx.clock.now());
        if (result.status === 'FAILED') {
          state.validationError = result.errorMessage?.trim() || 'Atlas gave no reason';
          throw new RefusedError(
            `Atlas: validation ${id} FAILED: ${sentence(state.validationError)} Nothing was started. ` +
              'Hint: fix what it names (the source deployment, the migration host, the destination cluster or network), then re-run.',
          );
        }
        ctx.log.info(`Validation ${id} succeeded.`);
        return 'SUCCESS';
      },
    },
  ];
}

export function createStep(settings: Settings): Step<MigrationState> {
  return {
    title: `Start the migration${dropNote(settings)}`,
    calls: [{ route: createMigration }],
    async run(state, ctx) {
      let migration: Migration;
      try {
        migration = await ctx.api.call(createMigration, { body: bodyOf(settings, state) });
      } catch (err) {
        // A 5xx, a lost answer, or a 2xx that cannot be read: each may follow the create's arrival.
        if (err instanceof ApiError && (err.problem.outcomeUnknown || err.problem.malformed)) {
          state.createOutcomeUnknown = true;
          throw err.problem.outcomeUnknown ? err : unreadableCreate(err);
        }
        throw err;
      }
      // Any answer with a readable id means the migration exists, whatever else it lacks.
      if (migration._id === undefined || !OBJECT_ID.test(migration._id)) {
        state.createOutcomeUnknown = true;
        throw unreadableCreate({ id: migration._id });
      }
      state.migrationId = migration._id;
      state.migration = migration;
      state.created = true;
      ctx.log.annotate(
        'notice',
        `Started live migration ${migration._id}. Keep this id: there is no API to list migrations. It is the migration-id output of this step; ` +
          'pass it to the cutover job (as a job output, or to workflow_dispatch) as migration-id.',
        'Keep the migration id',
      );
      return `migration ${migration._id}: ${showMigration(migration)}`;
    },
  };
}

export function readStep(settings: Settings): Step<MigrationState> {
  return {
    title: 'Read the migration',
    calls: [{ route: readMigration }],
    async run(state, ctx) {
      const m = await readInto(state, ctx, settings.atlas.projectId);
      ctx.log.info(`Migration ${state.migrationId}: ${showMigration(m)}.`);
      refuseIfFinishedBadly(state);
      return showMigration(m);
    },
  };
}

/**
 * Polls the migration until `goal` (or a terminal status); FAILED and EXPIRED fail the step. With
 * `stillSyncingIsResult`, a wait that ends while the migration is NEW or WORKING is a result (a
 * notice), not a failure: the migration goes on, and a later run watches it.
 */
export function watchStep(
  settings: Settings,
  title: string,
  goal: string,
  seconds: number,
  done: (m: Migration) => boolean,
  stillSyncingIsResult = false,
): Step<MigrationState> {
  return {
    title,
    calls: [{ route: readMigration, repeated: `until ${goal} or a final status, up to ${seconds} s` }],
    skip: {
      when: `the migration is already ${goal} or in a final status`,
      test: (s) => s.migration !== undefined && (done(s.migration) || TERMINAL.includes(s.migration.status ?? '')),
    },
    lastSeen: (state) => (state.migration ? `migration ${state.migrationId}: ${showMigration(state.migration)}` : undefined),
    async run(state, ctx) {
      const id = state.migrationId as string;
      try {
        await waitUntil(
          {
            // "Waiting for COMPLETE", "Waiting for the migration to be ready for cutover".
            goal: /^[A-Z_]+$/.test(goal) ? goal : `the migration to be ${goal}`,
            seconds,
            first: state.migration,
            read: () => readInto(state, ctx, settings.atlas.projectId),
            done: (m) => done(m) || TERMINAL.includes(m.status ?? ''),
            show: showMigration,
            timeout: (last) =>
              `Atlas: migration ${id} did not become ${goal} within ${seconds} s (wait-for); it is ${last}. It goes on running; watch it with migration-status.`,
            maxIntervalMs: MAX_POLL_INTERVAL_MS,
          },
          ctx,
        );
      } catch (err) {
        const m = state.migration;
        if (!(stillSyncingIsResult && err instanceof WaitTimeoutError && m && (m.status === 'NEW' || m.status === 'WORKING'))) throw err;
        state.stillSyncing = true;
        ctx.log.annotate(
          'notice',
          `Migration ${id} is still syncing after ${seconds} s (wait-for): ${showMigration(m)}. It goes on in Atlas; ` +
            `watch it with the migration-status action and migration-id: ${id}.`,
          'Still syncing',
        );
        return `still syncing after ${seconds} s: ${showMigration(m)}`;
      }
      refuseIfFinishedBadly(state);
      return showMigration(state.migration as Migration);
    },
  };
}

export function cutoverStep(): Step<MigrationState> {
  return {
    title: 'Cut over',
    calls: [
      {
        route: cutoverRoute,
        repeated: `after a lost answer, only if the read below shows the migration still ready (at most ${MAX_CUTOVER_SENDS} in all)`,
      },
      { route: readMigration, repeated: 'only after a lost answer to the cutover, before anything is sent again' },
    ],
    skip: { when: 'the migration is already COMPLETE', test: (s) => s.migration?.status === 'COMPLETE' },
    async run(state, ctx: StepContext) {
      const m = state.migration as Migration;
      if (!isReady(m)) {
        throw new RefusedError(
          `Atlas: migration ${state.migrationId} is not ready for cutover (${showMigration(m)}); nothing was sent. ` +
            'Hint: wait for ready-for-cutover (migration-status with wait-for), then run cutover again. ' +
            'A cutover already under way reads the same (WORKING, not ready): watch it with migration-status until COMPLETE.',
        );
      }
      for (let sends = 1; ; sends += 1) {
        try {
          await ctx.api.call(cutoverRoute, { params: { liveMigrationId: state.migrationId } });
        } catch (err) {
          if (!(err instanceof ApiError && err.problem.outcomeUnknown)) throw err;
          const read = () => readInto(state, ctx, undefined);
          const after = await afterLostCutover(state, ctx, { lost: err, read, mayResend: sends < MAX_CUTOVER_SENDS, sends });
          if (after === 'send again') continue;
          return after;
        }
        state.cutoverRequested = true;
        ctx.log.info(`Cutover of migration ${state.migrationId} requested.`);
        return 'requested';
      }
    },
  };
}
