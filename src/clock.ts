import { DeadlineError } from './errors.js';

/** Time, injected so that waits and retries are tested without sleeping. */
export interface Clock {
  now(): number;
  /** Sleeps `ms`; with a signal, rejects with its reason as soon as it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason as Error);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason as Error);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** A request that must not be repeated, sent and not yet answered when the run was cancelled. */
export interface InFlight {
  name: string;
  operation: string;
  /** What may have happened (Route.ifLost). */
  ifLost: string;
}

/** The runner cancelled the step (SIGINT, then SIGTERM): the run stops and reports what it got to. */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor(
    readonly signal: string,
    /** Irreversible requests in flight at that moment: they may have reached the server. */
    readonly inFlight: InFlight[] = [],
    /** What the step running saw last (a waiting step's last status). */
    readonly lastSeen?: string,
  ) {
    super(
      `Cancelled by ${signal}: the step stopped${inFlight.length ? '' : ' without waiting for anything more'}.` +
        (lastSeen ? ` The last thing it saw: ${lastSeen}.` : '') +
        inFlight.map((r) => ` A request to ${r.operation} was in flight: ${r.ifLost}.`).join(''),
    );
  }

  /** The route's request was in flight: it may have reached the server. */
  mayHaveSent(routeName: string): boolean {
    return this.inFlight.some((r) => r.name === routeName);
  }
}

/** The error is a cancellation during which `routeName`'s request may have arrived. */
export const cancelledDuring = (err: unknown, routeName: string): boolean => err instanceof CancelledError && err.mayHaveSent(routeName);

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
