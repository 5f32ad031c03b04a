import { Budget, systemClock, type Clock } from './clock.js';
import type { Command, CommandReport } from './commands/command.js';
import { planLines, planOf } from './commands/plan.js';
import { COMMANDS } from './commands/registry.js';
import { runSteps, type Report } from './commands/run-steps.js';
import { ApiError, InputError, isExpectedError, sideLabel } from './errors.js';
import { actionInput } from './inputs/action-inputs.js';
import { readSettings, secretInputs } from './inputs/input-helper.js';
import { RunnerLog } from './runner/log.js';
import { Outputs } from './runner/outputs.js';
import { exitWhenFlushed, Runner } from './runner/runner.js';
import { renderSummary, type Section } from './runner/summary.js';
import type { Settings } from './settings.js';
import { createWiring, type Wiring } from './wiring.js';

interface Dependencies {
  clock: Clock;
  /** The jitter of retry waits (Math.random); a test fixes it to know each wait exactly. */
  random: () => number;
  /** The commands this action knows (a test adds one). */
  commands: ReadonlyArray<Command<unknown>>;
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
      ending.report = await runSteps(command, settings, { api: wiring.api, log, clock, budget });
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
  const report = ending.report && ending.command?.report(ending.report.state, ending.settings as Settings, ending.error);
  // Without a report the run failed before any step (an input, the proxy settings), or was a dry run: nothing changed.
  outputs.setAll(report?.outputs ?? { changed: 'false' });
  await writeSummary(ending, report, log, runner);
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

async function writeSummary(ending: Ending, report: CommandReport | undefined, log: RunnerLog, runner: Runner): Promise<void> {
  const { settings, command, error } = ending;
  const outcome =
    error !== undefined
      ? `Failed: ${error instanceof InputError ? 'invalid inputs; nothing was sent' : log.describe(error)}`
      : ending.plan
        ? 'Dry run: inputs are valid; nothing was sent.'
        : (report?.outcome ?? 'Done.');
  const next =
    error instanceof InputError
      ? error.problems.map((p) => `Input '${p.input}': ${p.message}`)
      : (report?.next ?? (error !== undefined ? ['Fix the error above and re-run.'] : []));
  const sections: Section[] = [
    { kind: 'facts', rows: [['Command', `${settings?.command ?? '—'}${ending.plan ? ' (dry run)' : ''}`], ...(report?.facts ?? [])] },
    { kind: 'steps', steps: ending.report?.steps ?? [] },
    ...(report?.sections ?? []),
    { kind: 'list', title: 'Next', items: next },
  ];
  if (ending.plan) sections.push({ kind: 'list', title: 'Planned calls (nothing was sent)', items: ending.plan, ordered: true });
  const text = renderSummary(
    { title: command?.title ?? 'MongoDB live migration', outcome, mark: error !== undefined ? '❌' : '✅', sections },
    log,
  );
  if (!(await runner.appendSummary(text))) log.debug('GITHUB_STEP_SUMMARY is not set: no job summary written.');
}
