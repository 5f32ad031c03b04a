import type { Api } from '../api/api.js';
import type { StepResult } from '../runner/summary.js';
import type { Settings } from '../settings.js';
import type { Call, Command, StepContext } from './command.js';

export interface StepRecord {
  title: string;
  result: StepResult;
  note?: string;
}

export interface Report<S> {
  state: S;
  steps: StepRecord[];
  /** Set when a step failed and the command stopped. */
  error?: unknown;
}

/**
 * Runs a command's steps in order, each in a log group, recording what each did; the first
 * failure stops the command (a `soft` step's failure is a warning) and the rest are recorded
 * as not attempted. Never throws: the report carries the error.
 */
export async function runSteps<S>(command: Command<S>, settings: Settings, context: StepContext): Promise<Report<S>> {
  const state = command.start(settings);
  const steps = command.steps(settings);
  const records: StepRecord[] = steps.map((step) => ({ title: step.title, result: 'not attempted' }));
  for (const [i, step] of steps.entries()) {
    if (step.skip?.test(state)) {
      records[i] = { title: step.title, result: 'skipped', note: `skipped: ${step.skip.when}` };
      context.log.info(`${step.title}: skipped (${step.skip.when}).`);
      continue;
    }
    try {
      const note = await context.log.group(step.title, () => step.run(state, { ...context, api: declaredOnly(context.api, step) }));
      records[i] = { title: step.title, result: 'done', note: note || undefined };
    } catch (err) {
      records[i] = { title: step.title, result: 'failed', note: context.log.describe(err) };
      if (!step.soft?.(err)) return { state, steps: records, error: err };
      context.log.annotate('warning', `${step.title} failed, and the command goes on: ${context.log.describe(err)}`, step.title);
    }
  }
  return { state, steps: records };
}

/** The step's view of the API: a route it does not declare is a programming error, so dry-run cannot drift from what runs. */
function declaredOnly(api: Api, step: { title: string; calls: Call[] }): Api {
  const declared = new Set(step.calls.map((c) => c.route.name));
  const check = (name: string) => {
    if (!declared.has(name)) throw new Error(`step '${step.title}' calls ${name}, which it does not declare`);
  };
  return {
    call: ((route, args) => {
      check(route.name);
      return api.call(route, args);
    }) as Api['call'],
    prepare: (side, probe) => api.prepare(side, probe),
  };
}
