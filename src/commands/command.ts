import type { Api } from '../api/api.js';
import type { Route } from '../api/route.js';
import type { Budget, Clock } from '../clock.js';
import type { Log } from '../output/log.js';
import type { OutputValue } from '../output/outputs.js';
import type { SummaryTable } from '../output/summary.js';
import type { CommandName, Settings } from '../settings.js';

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
  /** Sets an output at once, so a later failure still hands it to a clean-up step. */
  output(name: string, value: OutputValue): void;
}

export interface Step<S> {
  title: string;
  calls: Call[];
  /** The step is skipped when `test` holds; dry-run prints `when`. */
  skip?: { when: string; test(state: S): boolean };
  /** Which failures are only a warning, after which the command goes on (what it did still stands). */
  soft?: (err: unknown) => boolean;
  /** Does the work; may return a note for the summary. */
  run(state: S, ctx: StepContext): Promise<string | void>;
}

/** A command: named steps over a state, and what its outputs and summary say in any end. */
export interface Command<S> {
  name: CommandName;
  /** Heading of the job summary. */
  title: string;
  start(settings: Settings): S;
  steps(settings: Settings): Array<Step<S>>;
  /** Outputs from whatever state was reached, success or not. */
  outputs(state: S, settings: Settings): Record<string, OutputValue>;
  facts(state: S, settings: Settings): Array<[string, string]>;
  tables?(state: S, settings: Settings): SummaryTable[];
  /** Seconds the command may spend waiting (its part of the step's time budget). */
  waitSeconds(settings: Settings): number;
  /** One line on success. */
  outcome(state: S, settings: Settings): string;
  /** What to do next; `error` is set when the command failed. */
  next(state: S, settings: Settings, error?: unknown): string[];
}

/** Lets a registry hold commands of different states. */
export function command<S>(definition: Command<S>): Command<unknown> {
  return definition as unknown as Command<unknown>;
}
