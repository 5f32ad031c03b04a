import { Budget, CancelledError, systemClock, type Clock } from './clock.js';
import type { Command, CommandReport, StepContext } from './commands/command.js';
import { planLines, planOf } from './commands/plan.js';
import { COMMANDS } from './commands/registry.js';
import { cancelledReport, runSteps, startReport, type Report } from './commands/run-steps.js';
import { ApiError, InputError, isExpectedError, sideLabel } from './errors.js';
import { actionInput } from './inputs/action-inputs.js';
import { readSettings, secretInputs } from './inputs/input-helper.js';
import { RunnerLog } from './runner/log.js';
import { Outputs } from './runner/outputs.js';
import { exitNow, exitWhenFlushed, Runner } from './runner/runner.js';
import { renderSummary, type Section } from './runner/summary.js';
import type { Settings } from './settings.js';
import { createWiring, type Wiring } from './wiring.js';

interface Dependencies {
  clock: Clock;
  /** The jitter of retry waits (Math.random); a test fixes it to know each wait exactly. */
  random: () => number;
  /** The commands this action knows (a test adds one). */
  commands: ReadonlyArray<Command<unknown>>;
  /** Aborts when the runner cancels the step; the reason is a CancelledError naming the signal. */
  cancel?: AbortSignal;
}

/** After a signal, the most the run may take to write its report: the runner sends SIGTERM 7.5 s after SIGINT. */
const CANCELLED_EXIT_MS = 4500;

/**
 * The action as the runner starts it: the run, then an exit as soon as everything is written.
 * SIGINT or SIGTERM (how the runner cancels a step) stops the run, which still writes its outputs
 * and summary; a second signal, or a report that takes too long, exits at once.
 */
export async function main(): Promise<void> {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) exitNow();
    setTimeout(exitNow, CANCELLED_EXIT_MS).unref();
    controller.abort(new CancelledError(signal));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  await run({ cancel: controller.signal });
  exitWhenFlushed();
}

/** What a run got to: as far as it got, for the outputs and the summary. */
interface Ending {
  settings?: Settings;
  command?: Command<unknown>;
  report?: Report<unknown>;
  plan?: string[];
  error?: unknown;
}

/**
 * The action. Never rejects: every run, success or failure, ends with its outputs, a job
 * summary that tells what was done, and for a failure one clear error line.
 */
export async function run(deps: Partial<Dependencies> = {}): Promise<void> {
  const runner = new Runner();
  const clock = deps.clock ?? systemClock;
  const commands = deps.commands ?? COMMANDS;
  const log = new RunnerLog(runner);
  const outputs = new Outputs(runner, log);
  let wiring: Wiring | undefined;
  let ending: Ending = {};
  try {
    const secrets = secretInputs(actionInput);
    for (const secret of secrets.values) log.secret(secret);
    if (secrets.linkToken) log.linkToken(secrets.linkToken);
    const { settings, notes } = readSettings(actionInput, commands);
    const command = commands.find((c) => c.name === settings.command) as Command<unknown>;
    ending = { settings, command };
    for (const note of notes) log.annotate(note.level, note.message, note.title);
    if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') warnTlsOverride(log);
    const waitSeconds = command.waitSeconds(settings);
    // Retries may each wait up to a minute (Retry-After) after an attempt of request-timeout.
    const marginSeconds = (settings.maxRetries + 1) * (settings.requestTimeoutSeconds + 60);
    const budget = new Budget(
      clock,
      waitSeconds + marginSeconds,
      `${waitSeconds} s of waiting + ${marginSeconds} s for requests and retries`,
    );
    // Built for a dry run too, sending nothing: the proxy settings are checked the same way.
    wiring = createWiring(settings, { log, clock, budget, random: deps.random ?? Math.random });
    if (settings.dryRun) {
      ending.plan = planLines(planOf(command, settings));
      log.info(`Dry run of '${settings.command}': nothing is sent. Its steps, and the calls each would make:`);
      for (const line of ending.plan) log.info(`  ${line}`);
    } else {
      ending.report = await runCancellable(command, settings, { api: wiring.api, log, clock, budget, signal: deps.cancel });
      ending.error = ending.report.error;
    }
  } catch (err) {
    ending.error = err;
  }
  if (ending.error !== undefined) reportFailure(ending.error, log, runner);
  try {
    // A cancelled run does not wait long for a token's revocation: the runner kills it soon.
    const closing = wiring?.close();
    await (ending.error instanceof CancelledError ? Promise.race([closing, new Promise((r) => setTimeout(r, 1000).unref())]) : closing);
  } catch (err) {
    log.annotate('warning', `Closing the connections failed: ${log.describe(err)}`);
  }
  const report = ending.report && ending.command?.report(ending.report.state, ending.settings as Settings, ending.error);
  // Without a report the run failed before any step (an input, the proxy settings), or was a dry run: nothing changed.
  outputs.setAll(report?.outputs ?? { changed: 'false' });
  await writeSummary(ending, report, log, runner);
}

/**
 * The steps, raced against the runner's cancel: on a signal the report is taken as it stands
 * (the state is filled in as the steps go), without waiting for a request in flight.
 */
function runCancellable(command: Command<unknown>, settings: Settings, context: StepContext): Promise<Report<unknown>> {
  const live = startReport(command, settings);
  const running = runSteps(command, settings, context, live);
  const signal = context.signal;
  if (!signal) return running;
  const steps = command.steps(settings);
  const cancelled = () => {
    const step = live.running === undefined ? undefined : steps[live.running];
    return cancelledReport(live, (signal.reason as CancelledError).signal, step?.lastSeen?.(live.state));
  };
  if (signal.aborted) return Promise.resolve(cancelled());
  return new Promise((resolve) => {
    const onAbort = () => resolve(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    void running.then((report) => {
      signal.removeEventListener('abort', onAbort);
      resolve(report);
    });
  });
}

function reportFailure(err: unknown, log: RunnerLog, runner: Runner): void {
  if (err instanceof CancelledError) {
    log.annotate('error', err.message, 'Cancelled');
  } else if (err instanceof InputError) {
    for (const p of err.problems) log.annotate('error', `Input '${p.input}': ${p.message}`, `Input '${p.input}'`);
  } else {
    if (!isExpectedError(err)) log.debug(err instanceof Error ? (err.stack ?? err.message) : String(err));
    log.annotate('error', log.describe(err), errorTitle(err));
  }
  runner.fail();
}

function errorTitle(err: unknown): string | undefined {
  return err instanceof ApiError ? `${sideLabel(err.problem.side)}: ${err.problem.operation}` : undefined;
}

function warnTlsOverride(log: RunnerLog): void {
  log.annotate(
    'warning',
    'NODE_TLS_REJECT_UNAUTHORIZED=0 is set on this runner. This action verifies TLS certificates regardless; to trust a private CA, ' +
      'use source-ca-certificate or NODE_EXTRA_CA_CERTS instead.',
    'TLS verification stays on',
  );
}

async function writeSummary(ending: Ending, report: CommandReport | undefined, log: RunnerLog, runner: Runner): Promise<void> {
  const { settings, command, error } = ending;
  const outcome =
    error instanceof CancelledError
      ? error.message
      : error !== undefined
        ? `Failed: ${error instanceof InputError ? 'invalid inputs; nothing was sent' : log.describe(error)}`
        : ending.plan
          ? 'Dry run: inputs are valid; nothing was sent.'
          : (report?.outcome ?? 'Done.');
  const cancelled =
    error instanceof CancelledError
      ? [`This run was cancelled (${error.signal}) before it finished; what it started goes on without it.`]
      : [];
  const next =
    error instanceof InputError
      ? error.problems.map((p) => `Input '${p.input}': ${p.message}`)
      : (report?.next ?? (error !== undefined ? ['Fix the error above and re-run.'] : []));
  const sections: Section[] = [
    { kind: 'facts', rows: [['Command', `${settings?.command ?? '—'}${ending.plan ? ' (dry run)' : ''}`], ...(report?.facts ?? [])] },
    { kind: 'steps', steps: ending.report?.steps ?? [] },
    ...(report?.sections ?? []),
    { kind: 'list', title: 'Next', items: [...cancelled, ...next] },
  ];
  if (ending.plan) sections.push({ kind: 'list', title: 'Planned calls (nothing was sent)', items: ending.plan, ordered: true });
  const text = renderSummary(
    {
      title: `${command?.title ?? 'MongoDB live migration'}${error instanceof CancelledError ? ' (cancelled)' : ''}`,
      outcome,
      mark: error !== undefined ? '❌' : (report?.mark ?? '✅'),
      sections,
    },
    log,
  );
  if (!(await runner.appendSummary(text))) log.debug('GITHUB_STEP_SUMMARY is not set: no job summary written.');
}
