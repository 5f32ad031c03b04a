import type { WireReply } from './exchange.js';

/** A rate limit an answer reports: how long to wait, and the words for it. */
export interface RateLimit {
  seconds: number;
  what: string;
}

/**
 * GitHub's rate limits (docs.github.com, "Rate limits for the REST API"): a 403 or 429 with
 * `retry-after` (seconds), or with `x-ratelimit-remaining: 0` and `x-ratelimit-reset` (epoch
 * seconds). A 403 without those headers is a refusal (a token without a permission), not a limit.
 * MongoDB sends neither header on a 403, so reading them on every side changes nothing there.
 */
export function rateLimitOf(reply: WireReply, now: number): RateLimit | undefined {
  if (reply.status !== 403 && reply.status !== 429) return undefined;
  const retryAfter = reply.headers.get('retry-after')?.trim();
  if (retryAfter && /^\d{1,9}$/.test(retryAfter)) return { seconds: Number(retryAfter), what: `retry-after ${retryAfter} s` };
  if (reply.headers.get('x-ratelimit-remaining')?.trim() !== '0') return undefined;
  const reset = reply.headers.get('x-ratelimit-reset')?.trim() ?? '';
  // Without a usable reset time GitHub asks for at least a minute.
  if (!/^\d{1,12}$/.test(reset)) return { seconds: 60, what: 'x-ratelimit-remaining 0' };
  const seconds = Math.max(0, Number(reset) - Math.floor(now / 1000));
  return { seconds, what: `x-ratelimit-remaining 0 until ${new Date(Number(reset) * 1000).toISOString()}` };
}
