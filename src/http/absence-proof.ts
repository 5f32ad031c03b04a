import { ABSENT, type Absent, type CallArgs } from '../api/api.js';
import type { AbsentRoute, Params, Route, Side } from '../api/route.js';
import { ApiError, sideLabel } from '../errors.js';
import type { Log } from '../runner/log.js';
import { apiError, type Answer } from './failure.js';

export interface ProofContext {
  side: Side;
  /** The side's own placeholders, where the id a 404 is blamed on may come from. */
  params: Params;
  log: Log;
  /** Sends the proof's read (with its own retries and proofs). */
  call(route: Route, args: CallArgs): Promise<unknown>;
  /** The proof's URL, so one organization (or project) read stands for the whole run. */
  url(route: Route, args: CallArgs): string;
}

/**
 * A 404 is "nothing there" only if the organization (or project) it names can be read. Proofs
 * already made in this run are remembered: a later 404 needs no second read.
 */
export class AbsenceProof {
  private readonly proven = new Set<string>();

  constructor(private readonly context: ProofContext) {}

  async prove<T>(route: AbsentRoute<T>, args: CallArgs, answer: Answer): Promise<Absent> {
    const { side, params, log } = this.context;
    const rule = route.absent;
    const proof = this.context.url(rule.proof, args);
    try {
      if (!this.proven.has(proof)) await this.context.call(rule.proof, args);
      this.proven.add(proof);
    } catch (err) {
      // Only a refusal to read the organization (401, 403, 404) blames the id; a failure of the
      // read itself (a network error, a 5xx) is that failure, not a typo.
      if (!(err instanceof ApiError) || err.problem.status === undefined || err.problem.status < 400 || err.problem.status >= 500)
        throw err;
      const value = args.params?.[rule.param] ?? params[rule.param] ?? '';
      throw apiError(side, route, {
        answer,
        blame: { input: rule.input, value, what: rule.what, status: err.problem.status, errorCode: err.problem.errorCode },
        hint: rule.hint,
      });
    }
    log.debug(`${sideLabel(side)}: ${route.operation}: HTTP 404, and the ${rule.what} reads: nothing is there.`);
    return ABSENT;
  }
}
