import type { Api } from '../api/api.js';
import { ABSENT } from '../api/api.js';
import { readMigration, type Migration } from '../api/migration-routes.js';
import { RefusedError } from '../errors.js';
import type { Log } from '../runner/log.js';
import type { StepContext } from './command.js';
import { isReady, KNOWN, type MigrationState } from './migration-state.js';
import { refuseOtherId } from '../migration-answers.js';
import { observe } from './migration-timeline.js';

/** Warns of a status this action does not know, once: not again on every poll that reads it. */
function noteUnknown(status: string | undefined, previous: string | undefined, log: Log): void {
  if (!KNOWN.includes(status ?? '') && status !== previous) {
    log.annotate(
      'warning',
      status === undefined
        ? 'Atlas gave no migration status; the migration is treated as still running.'
        : `Atlas reports the migration status "${status}", which this action does not know; it is treated as still running.`,
      'Unknown migration status',
    );
  }
}

/** Reads the migration into the state, noting its lag and readiness on the run's timeline. */
export async function readInto(state: MigrationState, ctx: StepContext, projectId: string | undefined): Promise<Migration> {
  const m = await describeMigration(ctx.api, ctx.log, state.migrationId as string, projectId, state.migration?.status);
  observe(state.timeline, m, ctx.clock.now(), isReady(m));
  return (state.migration = m);
}

/** Reads the migration; `previous` is the status read before, if any. */
export async function describeMigration(
  api: Api,
  log: Log,
  id: string,
  projectId: string | undefined,
  previous: string | undefined,
): Promise<Migration> {
  const answer = await api.call(readMigration, { params: { liveMigrationId: id } });
  if (answer === ABSENT) {
    throw new RefusedError(
      `Input 'migration-id': Atlas project ${projectId} (atlas-project-id) has no live migration ${id}; the project itself reads, so the id is wrong, ` +
        'or it belongs to another project. Hint: pass the migration-id output of the migrate run that started it, with the same atlas-project-id.',
    );
  }
  refuseOtherId('migration', id, answer._id);
  noteUnknown(answer.status, previous, log);
  return answer;
}
