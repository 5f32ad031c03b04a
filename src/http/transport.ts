import type { Absent, CallArgs } from '../api/api.js';
import { challengeRouteFor } from '../api/organization-routes.js';
import type { AbsentRoute, Params, Route, Side } from '../api/route.js';
import type { Budget, Clock } from '../clock.js';
import { sideLabel } from '../errors.js';
import type { Log } from '../runner/log.js';
import { AbsenceProof } from './absence-proof.js';
import type { Authenticator } from './auth.js';
import type { Connection } from './connection.js';
import { exchange, type WireReply, type WireRequest } from './exchange.js';
import { apiError } from './failure.js';
import { authenticated } from './handshake.js';
import { readReply } from './reply-body.js';
import { buildRequest, urlOf, type Endpoint } from './request.js';
import type { RetryPolicy } from './retry.js';
import { withRetries } from './retry-loop.js';

export interface TransportOptions {
  side: Side;
  baseUrl: string;
  /** Placeholders every route of this side fills: `orgId`, `groupId`. */
  params: Params;
  connection: Promise<Connection>;
  auth?: Authenticator;
  requestTimeoutMs: number;
  retry: RetryPolicy;
  budget: Budget;
  clock: Clock;
  log: Log;
}

/**
 * Everything HTTP for one side: the request a route describes (request.ts), authentication
 * (handshake.ts), per-attempt deadlines, retries (retry-loop.ts), and the one reading of the
 * answer the route declares: typed data (reply-body.ts), ABSENT (a 404 the route allows, once
 * proven: absence-proof.ts), or an ApiError (failure.ts).
 */
export class Transport {
  private readonly endpoint: Endpoint;
  private readonly absence: AbsenceProof;

  constructor(private readonly options: TransportOptions) {
    this.endpoint = { baseUrl: options.baseUrl, params: options.params };
    this.absence = new AbsenceProof({
      side: options.side,
      params: options.params,
      log: options.log,
      call: (route, args) => this.call(route, args),
      url: (route, args) => urlOf(this.endpoint, route, args.params),
    });
  }

  get side(): Side {
    return this.options.side;
  }

  call<T>(route: AbsentRoute<T>, args?: CallArgs): Promise<T | Absent>;
  call<T>(route: Route<T>, args?: CallArgs): Promise<T>;
  async call<T>(route: Route<T>, args: CallArgs = {}): Promise<T | Absent> {
    const request = buildRequest(this.endpoint, route, args);
    const handshake = {
      side: this.side,
      auth: this.options.auth,
      attempt: (r: WireRequest, authorization: string | undefined) => this.attempt(r, authorization),
      challengeRequest: (r: Route) => buildRequest(this.endpoint, challengeRouteFor(r), {}),
    };
    const answer = await withRetries(this.options, route, new URL(request.url), () => authenticated(handshake, route, request));
    if (answer.status >= 200 && answer.status < 300) return readReply(this.side, route, answer);
    if (answer.status === 404 && route.absent) return this.absence.prove(route as AbsentRoute<T>, args, answer);
    throw apiError(this.side, route, { answer });
  }

  /**
   * Readies the credentials with an unauthenticated request for `route` (a digest nonce) or a
   * token. A failure is only logged: the first real call negotiates on its own, with retries.
   */
  async prepare(route: Route): Promise<void> {
    const auth = this.options.auth;
    if (!auth) return;
    try {
      await auth.prepare(() => this.attempt(buildRequest(this.endpoint, route, {}), undefined));
    } catch (err) {
      this.options.log.debug(`${sideLabel(this.side)}: preparing credentials failed (${this.options.log.describe(err)}).`);
    }
  }

  /** One exchange within the per-attempt timeout and what is left of the step's budget. */
  private async attempt(request: WireRequest, authorization: string | undefined): Promise<WireReply> {
    const { budget, requestTimeoutMs, log, clock } = this.options;
    const left = budget.remainingMs();
    if (left <= 0) throw budget.exceeded(`before ${request.method} ${new URL(request.url).pathname}`);
    const ms = Math.min(requestTimeoutMs, left);
    const headers = authorization ? { ...request.headers, Authorization: authorization } : request.headers;
    const path = new URL(request.url).pathname;
    log.debug(`${sideLabel(this.side)}: ${request.method} ${request.url}`);
    const started = clock.now();
    const reply = await exchange(
      { ...request, headers },
      await this.options.connection,
      ms,
      ms < requestTimeoutMs ? 'budget' : 'request-timeout',
    );
    log.debug(`${sideLabel(this.side)}: ${request.method} ${path} answered ${reply.status} in ${clock.now() - started} ms`);
    return reply;
  }
}
