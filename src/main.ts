import { Budget, systemClock, type Clock } from './clock.js';
import type { Command } from './commands/command.js';
import { COMMAND_DEFINITIONS } from './commands/index.js';
import { planLines, planOf } from './commands/plan.js';
import { runSteps, type Report } from './commands/run-steps.js';
import { ApiError, InputError, isExpectedError, sideLabel } from './errors.js';
import { readSettings, secretInputs } from './inputs/input-helper.js';
import { RunnerLog } from './output/log.js';
import { Outputs } from './output/outputs.js';
import { exitWhenFlushed, processIO, Runner, type RunnerIO } from './output/runner.js';
import { renderSummary, type SummaryContent } from './output/summary.js';
import type { Settings } from './settings.js';
import { createWiring, type Wiring } from './wiring.js';

interface Dependencies {
  io: RunnerIO;
  clock: Clock;
  /** The jitter of retry waits (Math.random); a test fixes it to know each wait exactly. */
  random: () => number;
}

/** The action as the runner starts it: the run, then an exit as soon as everything is written. */
export async function main(): Promise<void> {
  await run();
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
  const io = deps.io ?? processIO;
  const runner = new Runner(io);
  const clock = deps.clock ?? systemClock;
  const log = new RunnerLog(runner);
  const outputs = new Outputs(runner, log);
  let wiring: Wiring | undefined;
  let ending: Ending = {};
  try {
    const read = (name: string) => runner.input(name);
    const secrets = secretInputs(read);
    for (const secret of secrets.values) log.secret(secret);
    if (secrets.linkToken) log.linkToken(secrets.linkToken);
    const { settings, notes } = readSettings(read);
    const command = COMMAND_DEFINITIONS[settings.command];
    ending = { settings, command };
    for (const note of notes) log.annotate(note.level, note.message, note.title);
    if (io.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') warnTlsOverride(log);
    const waitSeconds = command.waitSeconds(settings);
    // Retries may each wait up to a minute (Retry-After) after an attempt of request-timeout.
    const marginSeconds = (settings.maxRetries + 1) * (settings.requestTimeoutSeconds + 60);
    const budget = new Budget(
      clock,
      waitSeconds + marginSeconds,
      `${waitSeconds} s of waiting + ${marginSeconds} s for requests and retries`,
    );
    // Built for a dry run too, sending nothing: the proxy settings are checked the same way.
    wiring = createWiring(settings, { log, clock, budget, random: deps.random ?? Math.random, env: io.env });
    if (settings.dryRun) {
      ending.plan = planLines(planOf(command, settings));
      log.info(`Dry run of '${settings.command}': nothing is sent. Its steps, and the calls each would make:`);
      for (const line of ending.plan) log.info(`  ${line}`);
      outputs.set('changed', 'false');
    } else {
      ending.report = await runSteps(command, settings, {
        api: wiring.api,
        log,
        clock,
        budget,
        output: (name, value) => outputs.set(name, value),
      });
      ending.error = ending.report.error;
    }
  } catch (err) {
    ending.error = err;
  }
  if (ending.error !== undefined) reportFailure(ending.error, log, runner);
  try {
    await wiring?.close();
  } catch (err) {
    log.annotate('warning', `Closing the connections failed: ${log.describe(err)}`);
  }
  if (ending.report && ending.command && ending.settings) {
    outputs.setAll(ending.command.outputs(ending.report.state, ending.settings));
  } else if (!ending.plan) {
    // Failed before any step (an input, the proxy settings): nothing was created or removed.
    outputs.set('changed', 'false');
  }
  writeSummary(ending, log, runner);
}

function reportFailure(err: unknown, log: RunnerLog, runner: Runner): void {
  if (err instanceof InputError) {
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

function writeSummary(ending: Ending, log: RunnerLog, runner: Runner): void {
  const { settings, command, report, error } = ending;
  const state = report?.state;
  const content: SummaryContent = {
    title: command?.title ?? 'MongoDB live migration',
    failed: error !== undefined,
    outcome:
      error !== undefined
        ? `Failed: ${error instanceof InputError ? 'invalid inputs; nothing was sent' : log.describe(error)}`
        : ending.plan
          ? 'Dry run: inputs are valid; nothing was sent.'
          : command && settings && state !== undefined
            ? command.outcome(state, settings)
            : 'Done.',
    facts: [
      ['Command', `${settings?.command ?? '—'}${ending.plan ? ' (dry run)' : ''}`],
      ...(command && settings && state !== undefined ? command.facts(state, settings) : []),
    ],
    steps: report?.steps ?? [],
    tables: command?.tables && settings && state !== undefined ? command.tables(state, settings) : [],
    next:
      error instanceof InputError
        ? inputProblems(error)
        : command && settings && state !== undefined
          ? command.next(state, settings, error)
          : error !== undefined
            ? ['Fix the error above and re-run.']
            : [],
    plan: ending.plan,
  };
  if (!runner.appendSummary(renderSummary(content, log))) log.debug('GITHUB_STEP_SUMMARY is not set: no job summary written.');
}

function inputProblems(error: InputError): string[] {
  return error.problems.map((p) => `Input '${p.input}': ${p.message}`);
}
