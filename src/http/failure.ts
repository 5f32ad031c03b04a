import type { Route, Side } from '../api/route.js';
import { ApiError, type ApiProblem } from '../errors.js';
import type { WireReply } from './exchange.js';
import { describeNetworkError, neverArrived } from './network-errors.js';
import { bodyShape, hintFor, readProblem } from './problem.js';

/** A reply as the retry loop hands it on. */
export interface Answer extends WireReply {
  attempts: number;
  /** Why a retryable answer was not retried (Retry-After too long). */
  hint?: string;
  /** The answer to the unauthenticated challenge request, so the call itself was never sent. */
  challengeOnly?: boolean;
}

/** What went wrong with one call, in the three forms a failure takes. */
export type Failure =
  | { answer: Answer; hint?: string; blame?: ApiProblem['blame'] }
  | { attempts: number; network: unknown; url: URL; challengeOnly?: boolean }
  | { attempts: number; malformed: string };

/**
 * The one place a call's failure becomes an ApiError. A call that must not be repeated
 * (Route.ifLost) is reported as "may have been done" when it may have reached the server: a 5xx
 * answer, or a network failure after the request could have arrived.
 */
export function apiError(side: Side, route: Route, failure: Failure): ApiError {
  const base = { side, operation: route.operation };
  if ('malformed' in failure) return new ApiError({ ...base, attempts: failure.attempts, malformed: failure.malformed });
  if ('network' in failure) {
    const { text, hint } = describeNetworkError(failure.network, failure.url);
    const lost = route.ifLost !== undefined && !failure.challengeOnly && !neverArrived(failure.network);
    return new ApiError({
      ...base,
      attempts: failure.attempts,
      network: text,
      hint: lost ? route.ifLost : hint,
      outcomeUnknown: lost || undefined,
    });
  }
  const { answer } = failure;
  const { errorCode, detail } = readProblem(answer);
  const lost = route.ifLost !== undefined && answer.status >= 500 && !answer.challengeOnly;
  return new ApiError({
    ...base,
    attempts: answer.attempts,
    status: answer.status,
    errorCode,
    detail,
    body: errorCode || detail ? undefined : bodyShape(answer),
    blame: failure.blame,
    hint: lost ? route.ifLost : (failure.hint ?? answer.hint ?? hintFor(answer.status, route.hints)),
    outcomeUnknown: lost || undefined,
  });
}
