import { ABSENT, type Api } from '../api/api.js';
import {
  createMigration,
  readMigration,
  readValidation,
  startValidation,
  type Migration,
  type Validation,
} from '../api/migration-routes.js';
import { linkStatus } from '../api/organization-routes.js';
import { OBJECT_ID } from '../api/ids.js';
import { ApiError, WaitTimeoutError } from '../errors.js';
import { newValidationId, refuseOtherId, shownStatus, unreadableCreate } from '../migration-answers.js';
import type { Budget, Clock } from '../clock.js';
import type { Log } from '../runner/log.js';
import { waitUntil } from '../wait.js';
import { migrationBody } from '../migration-body.js';
import { migrationSettingsOf, type SourceLogin } from './deployment-settings.js';
import type { CampaignPlan, DeploymentPlan } from '../inputs/campaign-plan.js';

/** The MongoDB side of one campaign run: each call in the deployment's own Atlas project (or the plan's source organization). */
export interface MongoContext {
  api: Api;
  log: Log;
  clock: Clock;
  budget: Budget;
}

const inProject = (d: DeploymentPlan, extra: Record<string, string> = {}) => ({ groupId: d.atlasProjectId, ...extra });

/** The body of validate and create for one deployment of the plan: the same builder as validate and migrate use. */
const bodyOf = (d: DeploymentPlan, login: SourceLogin) => migrationBody(migrationSettingsOf(d, login), d.atlasProjectId);

/** The link status of the plan's source organization: SYNCED, NOT_SYNCED, UNLINKED (no link) or a value MongoDB added. */
export async function readLink(ctx: MongoContext, plan: CampaignPlan): Promise<string> {
  const answer = await ctx.api.call(linkStatus, { params: { orgId: plan.sourceOrgId } });
  return answer === ABSENT ? 'UNLINKED' : (answer.status ?? 'not given');
}

/** The migration, or ABSENT when the project reads but has no such migration. */
export async function describe(ctx: MongoContext, d: DeploymentPlan, id: string): Promise<Migration | typeof ABSENT> {
  const answer = await ctx.api.call(readMigration, { params: inProject(d, { liveMigrationId: id }) });
  if (answer !== ABSENT) refuseOtherId('migration', id, answer._id);
  return answer;
}

export async function readValidationOf(ctx: MongoContext, d: DeploymentPlan, id: string): Promise<Validation | typeof ABSENT> {
  const answer = await ctx.api.call(readValidation, { params: inProject(d, { validationId: id }) });
  if (answer !== ABSENT) refuseOtherId('validation', id, answer._id);
  return answer;
}

/**
 * Starts a validation and polls it for at most `seconds` (wait-for): the validation is the one wait
 * a campaign run allows. Not finished by then, it is returned as last read; the next run reads it.
 */
export async function validate(ctx: MongoContext, d: DeploymentPlan, login: SourceLogin, seconds: number): Promise<Validation> {
  const started = await ctx.api.call(startValidation, { params: inProject(d), body: bodyOf(d, login) });
  const id = newValidationId(started._id);
  ctx.log.info(`${d.id}: started validation ${id}: ${shownStatus(started.status)}.`);
  let last: Validation = started;
  try {
    return await waitUntil(
      {
        goal: `validation ${id}`,
        seconds,
        first: started,
        read: async () => {
          const answer = await readValidationOf(ctx, d, id);
          if (answer !== ABSENT) last = answer;
          return last;
        },
        done: (v) => v.status === 'SUCCESS' || v.status === 'FAILED',
        show: (v) => shownStatus(v.status),
        timeout: (status) => `validation ${id} is still ${status}`,
        maxIntervalMs: 15_000,
      },
      ctx,
    );
  } catch (err) {
    if (!(err instanceof WaitTimeoutError)) throw err;
    ctx.log.info(`${d.id}: validation ${id} not finished within ${seconds} s (wait-for); the next run reads it.`);
    return last;
  }
}

/**
 * Starts the migration. An answer that may follow the create's arrival but cannot be read (a 2xx
 * without a usable id, or not JSON) is the lost answer it is: the error says outcome unknown.
 */
export async function create(ctx: MongoContext, d: DeploymentPlan, login: SourceLogin): Promise<Migration & { _id: string }> {
  let m: Migration;
  try {
    m = await ctx.api.call(createMigration, { params: inProject(d), body: bodyOf(d, login) });
  } catch (err) {
    if (err instanceof ApiError && !err.problem.outcomeUnknown && err.problem.malformed) throw unreadableCreate(err);
    throw err;
  }
  if (m._id === undefined || !OBJECT_ID.test(m._id)) throw unreadableCreate({ id: m._id });
  return { ...m, _id: m._id };
}
