import * as core from '@actions/core';
import { SyncTimeoutError } from './errors.js';
import type { SourceClient, SourceLinkState } from './source-client.js';

const FIRST_INTERVAL_MS = 2000;
const MAX_INTERVAL_MS = 15_000;

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Polls the source until it reports SYNCED, with a growing interval, never sleeping past the
 * deadline. `known` is a status just read (so the first poll waits one interval).
 */
export async function waitForSync(
  source: SourceClient,
  seconds: number,
  known?: SourceLinkState,
  clock: Clock = realClock,
): Promise<SourceLinkState> {
  const start = clock.now();
  const deadline = start + seconds * 1000;
  let interval = FIRST_INTERVAL_MS;
  let last = known;
  for (let poll = 1; ; poll += 1) {
    if (last !== undefined) {
      if (last === 'SYNCED') return last;
      const remaining = deadline - clock.now();
      if (remaining <= 0) {
        throw new SyncTimeoutError(
          `source: the link did not reach SYNCED within ${seconds} s (wait-for-sync); the last status read was ${last}.`,
          last,
        );
      }
      await clock.sleep(Math.min(interval, remaining));
      interval = Math.min(MAX_INTERVAL_MS, Math.round(interval * 1.5));
    }
    last = await source.status();
    core.info(`Waiting for SYNCED: poll ${poll} after ${((clock.now() - start) / 1000).toFixed(1)} s: ${last}.`);
  }
}
