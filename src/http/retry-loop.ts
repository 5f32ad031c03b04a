import type { Route, Side } from '../api/route.js';
import type { Budget, Clock } from '../clock.js';
import { ApiError, DeadlineError, sideLabel } from '../errors.js';
import type { Log } from '../runner/log.js';
import { UnsupportedChallenge } from './auth.js';
import { AttemptTimeout } from './exchange.js';
import { apiError, type Answer } from './failure.js';
import { ChallengeRequestFailed, type HandshakeReply } from './handshake.js';
import { describeNetworkError } from './network-errors.js';
import { readProblem } from './problem.js';
import type { RetryPolicy } from './retry.js';

export interface RetryContext {
  side: Side;
  retry: RetryPolicy;
  budget: Budget;
  clock: Clock;
  log: Log;
}

/**
 * Sends `once` until it gives an answer the retry policy keeps, pausing between attempts within
 * the step's budget. A call that must not be made twice (Route.ifLost) is repeated only when it
 * surely never arrived: refused unprocessed (429), never connected, or only its challenge request sent.
 */
export async function withRetries(ctx: RetryContext, route: Route, url: URL, once: () => Promise<HandshakeReply>): Promise<Answer> {
  const { retry, clock, log, side } = ctx;
  for (let attempt = 1; ; attempt += 1) {
    let reply: HandshakeReply;
    try {
      reply = await once();
    } catch (err) {
      // Already an answer to the call: MongoDB's refusal, or the step's budget spent before the attempt.
      if (err instanceof ApiError || err instanceof DeadlineError) throw err;
      if (err instanceof UnsupportedChallenge && err.reply)
        throw apiError(side, route, { answer: { ...err.reply, attempts: attempt }, hint: err.message });
      const challengeOnly = err instanceof ChallengeRequestFailed;
      const failure = challengeOnly ? err.failure : err;
      if (failure instanceof AttemptTimeout && failure.limit === 'budget')
        throw ctx.budget.exceeded(`while ${failure.phase} (${route.operation})`);
      const decision = retry.afterNetworkError(attempt, failure, route.ifLost === undefined || challengeOnly);
      if (!decision.retry) throw apiError(side, route, { attempts: attempt, network: failure, url, challengeOnly });
      await pause(ctx, route, describeNetworkError(failure, url).text, decision.waitMs, attempt);
      continue;
    }
    const decision = retry.afterReply(attempt, reply, clock.now(), route.ifLost === undefined || reply.challengeOnly === true);
    if (!decision.retry) return { ...reply, attempts: attempt, hint: decision.hint };
    log.debug(`${sideLabel(side)}: ${route.operation}: HTTP ${reply.status} ${readProblem(reply).errorCode ?? ''}`);
    await pause(ctx, route, `HTTP ${reply.status}`, decision.waitMs, attempt);
  }
}

async function pause(ctx: RetryContext, route: Route, what: string, waitMs: number, attempt: number): Promise<void> {
  const { budget, clock, log, retry, side } = ctx;
  log.info(`${sideLabel(side)}: ${route.operation}: ${what}; retry ${attempt} of ${retry.maxRetries} in ${(waitMs / 1000).toFixed(1)} s.`);
  budget.ensure(waitMs, `before retry ${attempt} of ${retry.maxRetries} (${route.operation})`);
  await clock.sleep(waitMs);
}
