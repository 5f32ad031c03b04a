import { DeadlineError } from './errors.js';

/** Time, injected so that waits and retries are tested without sleeping. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * The step's time budget: what the user allowed for waiting plus a margin for the requests, so
 * that retries and polls can never keep a step running past it.
 */
export class Budget {
  readonly endsAt: number;

  constructor(
    private readonly clock: Clock,
    readonly seconds: number,
    /** How the budget was made, for the message when it runs out: "60 s of waiting + 360 s for requests and retries". */
    readonly makeup: string,
  ) {
    this.endsAt = clock.now() + seconds * 1000;
  }

  remainingMs(): number {
    return Math.max(0, this.endsAt - this.clock.now());
  }

  /** Throws when `ms` more would pass the end of the budget. */
  ensure(ms: number, during: string): void {
    if (this.clock.now() + ms > this.endsAt) throw this.exceeded(during);
  }

  exceeded(during: string): DeadlineError {
    return new DeadlineError(`The step's time budget of ${this.seconds} s (${this.makeup}) ran out ${during}.`);
  }
}
