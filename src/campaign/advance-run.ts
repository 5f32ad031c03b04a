import { ABSENT } from '../api/api.js';
import { dispatchWorkflow } from '../api/github-routes.js';
import { ApiError } from '../errors.js';
import { nextStep, type RunMemory } from './advance.js';
import type { SourceLogin } from './deployment-settings.js';
import { create, describe, readLink, readValidationOf, validate, type MongoContext } from './mongodb-calls.js';
import {
  recordCreated,
  recordCreateRefused,
  recordDispatched,
  recordMissing,
  recordReservation,
  recordUnknown,
  recordValidation,
  recordValidationStarted,
  type Mutation,
} from './observe.js';
import type { CampaignPlan } from '../inputs/campaign-plan.js';
import { recordDescribed } from './quiet-observe.js';
import type { CampaignState, DeploymentState } from './state.js';
import type { StateStore, Versioned } from './state-store.js';

/** At most this many steps in one run: validate, reserve, create and a describe take four. */
const MAX_STEPS = 12;

/** What one campaign run did, for its report. */
export interface RunOutcome {
  /** What this run did, one line each. */
  actions: string[];
  /** Why the run stopped advancing (waiting on MongoDB, on another run, or finished). */
  waiting?: string;
  /** A person must decide: the campaign is stopped. */
  stopped?: string;
  /** Link status as read before a validation, or why it was not read. */
  link?: string;
}

export interface AdvanceDeps extends MongoContext {
  store: StateStore;
  login: SourceLogin;
  /** Source credentials were given: the link is read before anything starts. */
  checkLink: boolean;
  validationSeconds: number;
  cutoverWorkflow?: string;
  /** The branch the cutover workflow runs on (the repository's default branch). */
  defaultRef: () => Promise<string>;
}

const entry = (s: CampaignState, id: string) => s.deployments.find((d) => d.deployment === id) as DeploymentState;
/** The decision was taken on this entry: a concurrent run that moved it makes the decision void. */
const sameEntry = (a: DeploymentState, b: DeploymentState | undefined) =>
  b !== undefined && a.phase === b.phase && a.attempt === b.attempt && a.migrationId === b.migrationId && a.validationId === b.validationId;

/**
 * Advances the campaign by safe steps until it must wait: each step's result is committed to the
 * state file (compare-and-swap) before the next is decided, and after a conflict the step's
 * result is applied to the fresh state only if the deployment is still as it was when decided.
 */
export async function advance(
  plan: CampaignPlan,
  current: { state?: CampaignState; version: Versioned },
  deps: AdvanceDeps,
  out: RunOutcome,
): Promise<{ state: CampaignState; version: Versioned; wrote: boolean }> {
  let at = current as { state: CampaignState; version: Versioned };
  let wrote = false;
  const read = new Set<string>();
  const reserved = new Set<string>();
  let cutoverWorkflow = deps.cutoverWorkflow;
  const now = () => deps.clock.now();

  const commit = async (deployment: string, mutation: Mutation, message: string): Promise<boolean> => {
    const decidedOn = entry(at.state, deployment);
    const result = await deps.store.update(
      at,
      (fresh) => (fresh && sameEntry(decidedOn, entry(fresh, deployment)) ? mutation(fresh) : undefined),
      `campaign ${plan.name}: ${message}`,
    );
    at = result as typeof at;
    if (result.wrote) wrote = true;
    return result.wrote;
  };

  for (let i = 0; i < MAX_STEPS; i++) {
    const step = nextStep(plan, at.state, { now: now(), read, reserved, cutoverWorkflow } satisfies RunMemory);
    switch (step.kind) {
      case 'describe': {
        const d = step.deployment;
        const m = await describe(deps, d, step.migrationId);
        read.add(d.id);
        if (m === ABSENT) {
          await commit(d.id, (s) => recordMissing(s, d.id, now()), `${d.id}: migration ${step.migrationId} is gone`);
          out.actions.push(`${d.id}: migration ${step.migrationId} not found in Atlas project ${d.atlasProjectId}`);
        } else {
          const changed = await commit(d.id, (s) => recordDescribed(s, d.id, m, now()), `${d.id}: ${m.status}`);
          const lag = typeof m.lagTimeSeconds === 'number' ? `, lag ${m.lagTimeSeconds} s` : '';
          out.actions.push(
            `${d.id}: migration ${step.migrationId} ${m.status}${m.readyForCutover ? ', ready for cutover' : ''}${lag}${changed ? '' : ' (no change)'}`,
          );
        }
        break;
      }
      case 'read-validation': {
        const d = step.deployment;
        const v = await readValidationOf(deps, d, step.validationId);
        read.add(d.id);
        if (v === ABSENT) {
          await commit(
            d.id,
            (s) => recordUnknown(s, d.id, now(), `validation ${step.validationId} is gone from Atlas`),
            `${d.id}: validation gone`,
          );
        } else {
          await commit(d.id, (s) => recordValidation(s, d.id, v, now()), `${d.id}: validation ${v.status}`);
          out.actions.push(`${d.id}: validation ${v._id} ${v.status}`);
        }
        break;
      }
      case 'validate': {
        const d = step.deployment;
        if (deps.checkLink) {
          const status = await readLink(deps, plan);
          out.link = status;
          if (status !== 'SYNCED') {
            out.waiting = `The link of source organization ${plan.sourceOrgId} is ${status}, not SYNCED: nothing was started. Run the link action (or the status action) for it.`;
            return { ...at, wrote };
          }
        } else out.link ??= 'not read (no source-public-key and source-private-key given): Atlas validates the link itself';
        const v = await validate(deps, d, deps.login, deps.validationSeconds);
        read.add(d.id);
        await commit(d.id, (s) => recordValidationStarted(s, d.id, v, now()), `${d.id}: validation ${v._id} ${v.status}`);
        out.actions.push(`${d.id}: validation ${v._id} ${v.status}`);
        break;
      }
      case 'reserve': {
        const d = step.deployment;
        if (await commit(d.id, (s) => recordReservation(s, d.id, now()), `${d.id}: reserved, creating its migration`)) reserved.add(d.id);
        else out.actions.push(`${d.id}: another run reserved it first`);
        break;
      }
      case 'create': {
        const d = step.deployment;
        reserved.delete(d.id);
        try {
          const m = await create(deps, d, deps.login);
          await commit(d.id, (s) => recordCreated(s, d.id, m, now()), `${d.id}: migration ${m._id} created`);
          out.actions.push(`${d.id}: started migration ${m._id}`);
          deps.log.annotate('notice', `${d.id}: started live migration ${m._id} (kept in the campaign state).`, 'Migration started');
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          const why = deps.log.describe(err);
          const mutation: Mutation = err.problem.outcomeUnknown
            ? (s) => recordUnknown(s, d.id, now(), `the create's answer was lost: ${why}`)
            : (s) => recordCreateRefused(s, d.id, now(), why);
          await commit(d.id, mutation, `${d.id}: ${err.problem.outcomeUnknown ? 'create answer lost' : 'create refused'}`);
          out.actions.push(`${d.id}: the create ${err.problem.outcomeUnknown ? 'answer was lost' : 'was refused'}`);
        }
        break;
      }
      case 'dispatch-cutover': {
        const d = step.deployment;
        try {
          await deps.api.call(dispatchWorkflow, {
            params: { workflowId: step.workflow },
            body: { ref: await deps.defaultRef(), inputs: { deployment: d.id, 'migration-id': step.migrationId } },
          });
          await commit(d.id, (s) => recordDispatched(s, d.id, now()), `${d.id}: cutover workflow dispatched`);
          out.actions.push(`${d.id}: dispatched ${step.workflow} for migration ${step.migrationId}`);
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          if (err.problem.outcomeUnknown) {
            await commit(d.id, (s) => recordDispatched(s, d.id, now(), true), `${d.id}: cutover dispatch answer lost`);
          } else
            deps.log.annotate('warning', `${d.id}: the cutover workflow was not dispatched: ${deps.log.describe(err)}`, 'Cutover workflow');
          cutoverWorkflow = undefined;
        }
        break;
      }
      case 'stop':
        if (step.markUnknown)
          await commit(
            step.deployment,
            (s) => recordUnknown(s, step.deployment, now(), 'reservation left without a migration'),
            `${step.deployment}: unknown`,
          );
        out.stopped = step.reason;
        return { ...at, wrote };
      case 'wait':
        out.waiting = step.reason;
        return { ...at, wrote };
      case 'done':
        out.waiting = 'Every deployment of the plan is complete (or skipped).';
        return { ...at, wrote };
    }
  }
  out.waiting = 'This run took its share of steps; the next run goes on.';
  return { ...at, wrote };
}
