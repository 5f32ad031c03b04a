import type { Api } from '../api/api.js';
import { CancelledError, type InFlight } from '../clock.js';
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
  /** The index of the step running now. */
  running?: number;
  /** Irreversible requests (Route.ifLost) sent and not yet answered. */
  inFlight: Set<InFlight>;
}

/** A report before any step ran; runSteps fills it in as it goes, so that it can be read at any moment. */
export function startReport<S>(command: Command<S>, settings: Settings): Report<S> {
  const steps = command.steps(settings).map((step): StepRecord => ({ title: step.title, result: 'not attempted' }));
  return { state: command.start(settings), steps, inFlight: new Set() };
}

/**
 * Runs a command's steps in order, each in a log group, recording what each did; the first
 * failure stops the command (a `soft` step's failure is a warning) and the rest are recorded
 * as not attempted. Never throws: the report carries the error.
 */
export async function runSteps<S>(
  command: Command<S>,
  settings: Settings,
  context: StepContext,
  report: Report<S> = startReport(command, settings),
): Promise<Report<S>> {
  const { state, steps: records } = report;
  const steps = command.steps(settings);
  for (const [i, step] of steps.entries()) {
    if (context.signal?.aborted) return { ...report, error: context.signal.reason };
    if (step.skip?.test(state)) {
      records[i] = { title: step.title, result: 'skipped', note: step.skip.when };
      context.log.info(`${step.title}: skipped (${step.skip.when}).`);
      continue;
    }
    report.running = i;
    try {
      const api = declaredOnly(context.api, step, report.inFlight, context.signal);
      const note = await context.log.group(step.title, () => step.run(state, { ...context, api }));
      records[i] = { title: step.title, result: 'done', note: note || undefined };
    } catch (err) {
      records[i] = { title: step.title, result: 'failed', note: context.log.describe(err) };
      if (!step.soft?.(err)) return { ...report, running: undefined, error: err };
      context.log.annotate('warning', `${step.title} failed, and the command goes on: ${context.log.describe(err)}`, step.title);
    } finally {
      report.running = undefined;
    }
  }
  return report;
}

/**
 * The report as it stands when the runner cancels the step: the step running is marked as
 * stopped, and the error names the irreversible requests then in flight.
 */
export function cancelledReport<S>(report: Report<S>, signal: string, lastSeen?: string): Report<S> {
  const seen = lastSeen ? `; the last thing it saw: ${lastSeen}` : '';
  const steps = report.steps.map((s, i) =>
    i === report.running ? { ...s, result: 'failed' as const, note: `stopped: the run was cancelled (${signal})${seen}` } : s,
  );
  return { ...report, steps, error: new CancelledError(signal, [...report.inFlight], lastSeen) };
}

/**
 * The step's view of the API: a route it does not declare is a programming error, so dry-run
 * cannot drift from what runs. Nothing is sent once the run is cancelled, and an irreversible
 * request is tracked while it is in flight.
 */
function declaredOnly(api: Api, step: { title: string; calls: Call[] }, inFlight: Set<InFlight>, signal?: AbortSignal): Api {
  const declared = new Set(step.calls.map((c) => c.route.name));
  const check = (name: string) => {
    if (!declared.has(name)) throw new Error(`step '${step.title}' calls ${name}, which it does not declare`);
  };
  return {
    call: (async (route, args) => {
      check(route.name);
      signal?.throwIfAborted();
      if (route.ifLost === undefined) return api.call(route, args);
      const entry: InFlight = { name: route.name, operation: route.operation, ifLost: route.ifLost };
      inFlight.add(entry);
      try {
        return await api.call(route, args);
      } finally {
        inFlight.delete(entry);
      }
    }) as Api['call'],
    prepare: (side, probe) => api.prepare(side, probe),
  };
}
