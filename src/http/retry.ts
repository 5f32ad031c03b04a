import type { WireReply } from './exchange.js';
import { isRetryableNetworkError, neverArrived } from './network-errors.js';
import { rateLimitOf } from './rate-limit.js';

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const MAX_RETRY_AFTER_SECONDS = 60;

export type RetryDecision = { retry: true; waitMs: number } | { retry: false; hint?: string };

/**
 * When to try again: 429, 502, 503 and 504, resets, refusals and time-outs, up to `maxRetries`
 * times, after `Retry-After` when the server sends one (up to a minute) or with exponential
 * backoff and jitter (0.5–1 s, 1–2 s, 2–4 s, … at most 30 s).
 */
export class RetryPolicy {
  constructor(
    readonly maxRetries: number,
    private readonly random: () => number = Math.random,
  ) {}

  /**
   * `attempt` counts from 1; `now` is the transport's clock, against which a Retry-After date is
   * read. A call that must not be made twice is retried only after a 429 or a rate-limited 403
   * (refused unprocessed).
   */
  afterReply(attempt: number, reply: WireReply, now: number, repeatable = true): RetryDecision {
    const limit = rateLimitOf(reply, now);
    if (limit && attempt > this.maxRetries) return { retry: false, hint: `the API rate limit was hit (${limit.what}); re-run later` };
    if ((!RETRYABLE_STATUS.has(reply.status) && !limit) || attempt > this.maxRetries) return { retry: false };
    if (!repeatable && reply.status !== 429 && !limit) return { retry: false };
    const retryAfter = limit?.seconds ?? parseRetryAfter(reply.headers.get('retry-after'), now);
    if (retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER_SECONDS) {
      return {
        retry: false,
        hint: `the server asks to wait ${retryAfter} s before retrying, more than the ${MAX_RETRY_AFTER_SECONDS} s this action waits; re-run later`,
      };
    }
    return {
      retry: true,
      waitMs: retryAfter !== undefined ? retryAfter * 1000 + Math.round(this.random() * 250) : this.backoffMs(attempt),
    };
  }

  /** A call that must not be made twice is retried only when it surely never reached the server. */
  afterNetworkError(attempt: number, err: unknown, repeatable = true): RetryDecision {
    if (attempt > this.maxRetries || !isRetryableNetworkError(err)) return { retry: false };
    if (!repeatable && !neverArrived(err)) return { retry: false };
    return { retry: true, waitMs: this.backoffMs(attempt) };
  }

  private backoffMs(attempt: number): number {
    const ceiling = Math.min(30_000, 1000 * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }
}

/** Seconds from a Retry-After header: delta-seconds or an HTTP date. */
function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
