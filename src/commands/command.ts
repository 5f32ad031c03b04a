import type { Api } from '../api/api.js';
import type { Route } from '../api/route.js';
import type { Budget, Clock } from '../clock.js';
import type { CommandInputs } from '../inputs/declarations.js';
import type { Log } from '../runner/log.js';
import type { OutputValue } from '../runner/outputs.js';
import type { Section } from '../runner/summary.js';
import type { Settings } from '../settings.js';

/** A call a step may make, and when: what dry-run prints and what the runner lets the step send. */
export interface Call {
  route: Route<unknown>;
  /** The call is repeated: "until SYNCED, up to 60 s". */
  repeated?: string;
}

export interface StepContext {
  /** Only the routes the step declares (plus the proofs and authentication they entail). */
  api: Api;
  log: Log;
  clock: Clock;
  budget: Budget;
  /** Aborts when the runner cancels the step: sleeps end and no request is sent after it. */
  signal?: AbortSignal;
}

export interface Step<S> {
  title: string;
  calls: Call[];
  /** The step is skipped when `test` holds; dry-run prints `when`. */
  skip?: { when: string; test(state: S): boolean };
  /** Which failures are only a warning, after which the command goes on (what it did still stands). */
  soft?: (err: unknown) => boolean;
  /** What a waiting step saw last, in a few words ("link status NOT_SYNCED"): a cancelled step's report names it. */
  lastSeen?: (state: S) => string | undefined;
  /** Does the work; may return a note for the summary. */
  run(state: S, ctx: StepContext): Promise<string | void>;
}

/** What a command says at its end, whatever the end: the outputs, and the job summary's parts. */
export interface CommandReport {
  outputs: Record<string, OutputValue>;
  /** One line: what happened (a failure's own line is the error's). */
  outcome: string;
  /** Facts about the run, shown first. */
  facts: Array<[string, string]>;
  /** Tables, charts and other sections after the steps. */
  sections?: Section[];
  /** What to do next. */
  next: string[];
  /** ⏳ when the command ended well but what it watches goes on (a migration still syncing). */
  mark?: '⏳';
}

/**
 * A command, declared whole in one file: its name, the inputs it reads (see CommandInputs), its
 * steps over a state, and its report. The registry (registry.ts) lists the commands; nothing else
 * names one.
 */
export interface Command<S> extends CommandInputs {
  /** Heading of the job summary. */
  title: string;
  start(settings: Settings): S;
  steps(settings: Settings): Array<Step<S>>;
  /** Seconds the command may spend waiting (its part of the step's time budget). */
  waitSeconds(settings: Settings): number;
  /** The outputs and summary from whatever state was reached; `error` is set when the command failed. */
  report(state: S, settings: Settings, error?: unknown): CommandReport;
}

/** Lets a registry hold commands of different states. */
export function command<S>(definition: Command<S>): Command<unknown> {
  return definition as unknown as Command<unknown>;
}
