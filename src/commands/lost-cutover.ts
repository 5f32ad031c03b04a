import type { Migration } from '../api/migration-routes.js';
import { RefusedError, type ApiError } from '../errors.js';
import type { StepContext } from './command.js';
import { isReady, refuseIfFinishedBadly, showMigration, type MigrationState } from './migration-state.js';

/** Sends at most this many cutover PUTs, each after a read that shows the migration still ready. */
export const MAX_CUTOVER_SENDS = 3;

/**
 * The answer to the cutover PUT was lost (a 5xx, a reset or a time-out after sending): reads the
 * migration and sends the PUT again only if it is still WORKING and ready; otherwise says what
 * the read shows, never that nothing happened.
 */
export async function afterLostCutover(
  state: MigrationState,
  ctx: StepContext,
  { lost, read, mayResend, sends }: { lost: ApiError; read: () => Promise<Migration>; mayResend: boolean; sends: number },
): Promise<string> {
  const id = state.migrationId as string;
  ctx.log.info(
    `Atlas: the answer to the cutover of migration ${id} was lost (${lost.message}); reading the migration before anything else.`,
  );
  let m: Migration;
  try {
    m = await read();
  } catch (err) {
    ctx.log.info(`Reading migration ${id} after the lost answer failed: ${ctx.log.describe(err)}`);
    throw lost;
  }
  state.migration = m;
  if (isReady(m) && mayResend) {
    ctx.log.info(`Migration ${id} is still ${showMigration(m)}: the cutover did not start, so it is sent again.`);
    return 'send again';
  }
  if (m.status === 'COMPLETE') {
    state.cutoverRequested = true;
    ctx.log.info(`Migration ${id} is COMPLETE: the cutover was received and has finished.`);
    return 'requested (its answer was lost); COMPLETE';
  }
  if (m.status === 'WORKING' && !m.readyForCutover) {
    state.cutoverRequested = true;
    ctx.log.annotate(
      'warning',
      `The answer to the cutover of migration ${id} was lost; the migration now reads ${showMigration(m)}, so the cutover is most likely under way ` +
        'and was not sent again. Watch it with migration-status until COMPLETE; if it reads ready for cutover again, run cutover again.',
      'Cutover answer lost',
    );
    return 'most likely under way (its answer was lost; not sent again)';
  }
  refuseIfFinishedBadly(state);
  throw new RefusedError(
    `Atlas: the answer to the cutover of migration ${id} was lost, and the migration now reads ${showMigration(m)}` +
      `${isReady(m) ? ` after ${sends} cutover requests` : ''}; it was not sent again. ` +
      'Hint: watch it with migration-status; run cutover again only once it reads ready for cutover.',
  );
}
