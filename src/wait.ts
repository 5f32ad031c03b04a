import type { Budget, Clock } from './clock.js';
import { WaitTimeoutError } from './errors.js';
import type { Log } from './runner/log.js';

const FIRST_INTERVAL_MS = 2000;

export interface Wait<T> {
  /** What is awaited, for the log: "SYNCED". */
  goal: string;
  seconds: number;
  /** A value just read: the first poll then waits one interval. */
  first?: T;
  read(): Promise<T>;
  done(value: T): boolean;
  /** The value in a few words: "NOT_SYNCED", "WORKING, lag 30 s". */
  show(value: T): string;
  /** The failure when time runs out, given the last value shown. */
  timeout(last: string): string;
  /** Longest pause between polls. */
  maxIntervalMs: number;
}

/**
 * Polls until `done`, with a growing interval (2 s, then ×1.5 up to `maxIntervalMs`), never
 * sleeping past the wait's end nor the step's budget.
 */
export async function waitUntil<T>(wait: Wait<T>, ctx: { clock: Clock; budget: Budget; log: Log; signal?: AbortSignal }): Promise<T> {
  const { clock, budget, log } = ctx;
  const start = clock.now();
  const deadline = start + wait.seconds * 1000;
  let interval = FIRST_INTERVAL_MS;
  let last = wait.first;
  for (let poll = 1; ; poll += 1) {
    if (last !== undefined) {
      if (wait.done(last)) return last;
      const remaining = deadline - clock.now();
      if (remaining <= 0) throw new WaitTimeoutError(wait.timeout(wait.show(last)));
      const pause = Math.min(interval, remaining);
      budget.ensure(pause, `while waiting for ${wait.goal}`);
      await clock.sleep(pause, ctx.signal);
      interval = Math.min(wait.maxIntervalMs, Math.round(interval * 1.5));
    }
    last = await wait.read();
    log.info(`Waiting for ${wait.goal}: poll ${poll} after ${((clock.now() - start) / 1000).toFixed(1)} s: ${wait.show(last)}.`);
  }
}
