import { ABSENT, type Absent, type CallArgs } from '../api/api.js';
import { bodyType, fillPath, mediaType, versionHeaders, type AbsentRoute, type Params, type Route, type Side } from '../api/route.js';
import { ShapeError } from '../api/shape.js';
import type { Budget, Clock } from '../clock.js';
import { ApiError, DeadlineError, sideLabel, type ApiProblem } from '../errors.js';
import type { Log } from '../output/log.js';
import type { Authenticator } from './auth.js';
import type { Connection } from './connection.js';
import { AttemptTimeout, exchange, type WireReply, type WireRequest } from './exchange.js';
import { describeNetworkError, neverArrived } from './network-errors.js';
import { bodyShape, hintFor, isJson, readProblem } from './problem.js';
import type { RetryPolicy } from './retry.js';

const USER_AGENT = 'mongodb-live-migration-action/1';

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

interface Answer extends WireReply {
  attempts: number;
  /** Why a retryable answer was not retried (Retry-After too long). */
  hint?: string;
}

function withoutBody(request: WireRequest): WireRequest {
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !/^content-/i.test(name)));
  return { method: 'GET', url: request.url, headers };
}

/**
 * Everything HTTP for one side: the request a route describes, authentication, per-attempt
 * deadlines, retries, and the one reading of the answer the route declares: typed data, ABSENT
 * (a 404 the route allows, once proven), or an ApiError.
 */
export class Transport {
  /** Organizations (or projects) already read once in this run: a later 404 needs no second proof. */
  private readonly proven = new Set<string>();

  constructor(private readonly options: TransportOptions) {}

  get side(): Side {
    return this.options.side;
  }

  private url(route: Route, params: Params = {}): string {
    return `${this.options.baseUrl}${fillPath(route.path, { ...this.options.params, ...params })}`;
  }

  call<T>(route: AbsentRoute<T>, args?: CallArgs): Promise<T | Absent>;
  call<T>(route: Route<T>, args?: CallArgs): Promise<T>;
  async call<T>(route: Route<T>, args: CallArgs = {}): Promise<T | Absent> {
    const answer = await this.send(route, this.request(route, args));
    if (answer.status >= 200 && answer.status < 300) return this.read(route, answer);
    if (answer.status === 404 && route.absent) return this.prove(route as AbsentRoute<T>, args, answer);
    const problem = this.problem(route, answer);
    // A server error on a call that must not be repeated: it may have been done all the same.
    if (route.ifLost !== undefined && answer.status >= 500) throw new ApiError({ ...problem, hint: route.ifLost, outcomeUnknown: true });
    throw new ApiError(problem);
  }

  /**
   * Readies the credentials with an unauthenticated request for `route` (a digest nonce) or a
   * token. A failure is only logged: the first real call negotiates on its own, with retries.
   */
  async prepare(route: Route): Promise<void> {
    const auth = this.options.auth;
    if (!auth) return;
    try {
      await auth.prepare(() => this.attempt(this.request(route, {}), undefined));
    } catch (err) {
      this.options.log.debug(`${sideLabel(this.side)}: preparing credentials failed (${this.options.log.describe(err)}).`);
    }
  }

  private request(route: Route, args: CallArgs): WireRequest {
    const media = mediaType(route);
    const headers: Record<string, string> = {
      Accept: route.form ? 'application/json' : media,
      'User-Agent': USER_AGENT,
      ...versionHeaders(route),
      ...args.headers,
    };
    let body: string | undefined;
    if (args.form) {
      body = new URLSearchParams(args.form).toString();
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    } else if (args.body !== undefined) {
      body = JSON.stringify(args.body);
      headers['Content-Type'] = bodyType(route);
    }
    if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body));
    return { method: route.method, url: this.url(route, args.params), headers, body };
  }

  private async send(route: Route, request: WireRequest): Promise<Answer> {
    const { retry, log, clock } = this.options;
    for (let attempt = 1; ; attempt += 1) {
      let reply: WireReply;
      try {
        reply = await this.authenticated(route, request);
      } catch (err) {
        // Already an answer to the call: MongoDB's refusal, or the step's budget spent before the attempt.
        if (err instanceof ApiError || err instanceof DeadlineError) throw err;
        if (err instanceof AttemptTimeout && err.limit === 'budget')
          throw this.options.budget.exceeded(`while ${err.phase} (${route.operation})`);
        const failure = describeNetworkError(err, new URL(request.url));
        const decision = retry.afterNetworkError(attempt, err, route.ifLost === undefined);
        if (!decision.retry) {
          const lost = route.ifLost !== undefined && !neverArrived(err);
          throw new ApiError({
            side: this.side,
            operation: route.operation,
            attempts: attempt,
            network: failure.text,
            hint: lost ? route.ifLost : failure.hint,
            outcomeUnknown: lost || undefined,
          });
        }
        await this.pause(route, failure.text, decision.waitMs, attempt);
        continue;
      }
      const decision = retry.afterReply(attempt, reply, clock.now(), route.ifLost === undefined);
      if (!decision.retry) return { ...reply, attempts: attempt, hint: decision.hint };
      log.debug(`${sideLabel(this.side)}: ${route.operation}: HTTP ${reply.status} ${readProblem(reply).errorCode ?? ''}`);
      await this.pause(route, `HTTP ${reply.status}`, decision.waitMs, attempt);
    }
  }

  private authenticated(route: Route, request: WireRequest): Promise<WireReply> {
    const auth = this.options.auth;
    // OAuth calls carry their own Basic credentials.
    if (!auth || route.form === true) return this.attempt(request, undefined);
    return auth.exclusive(async () => {
      let header = await auth.header(request.method, request.url);
      if (header === undefined && request.body !== undefined) {
        // A body can hold a secret (a link token, a source password): it never goes out without
        // credentials. The challenge comes from the same URL without a body, in the same round trip;
        // without one, that answer stands for this attempt (a 503 is retried like any other).
        const probe = await this.attempt(withoutBody(request), undefined);
        if (probe.status === 401 && auth.renegotiate(probe.headers.get('www-authenticate'), false)) {
          header = await auth.header(request.method, request.url);
        }
        if (header === undefined) {
          if (probe.status >= 400) return probe;
          throw new ApiError({
            side: this.side,
            operation: route.operation,
            attempts: 1,
            malformed: `the server asked for no credentials (HTTP ${probe.status} to the challenge request), so the request and its body were not sent`,
          });
        }
      }
      let reply = await this.attempt(request, header);
      if (reply.status === 401 && auth.renegotiate(reply.headers.get('www-authenticate'), header !== undefined)) {
        header = await auth.header(request.method, request.url);
        reply = await this.attempt(request, header);
      }
      return reply;
    });
  }

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

  private async pause(route: Route, what: string, waitMs: number, attempt: number): Promise<void> {
    const { budget, clock, log, retry } = this.options;
    log.info(
      `${sideLabel(this.side)}: ${route.operation}: ${what}; retry ${attempt} of ${retry.maxRetries} in ${(waitMs / 1000).toFixed(1)} s.`,
    );
    budget.ensure(waitMs, `before retry ${attempt} of ${retry.maxRetries} (${route.operation})`);
    await clock.sleep(waitMs);
  }

  private read<T>(route: Route<T>, answer: Answer): T {
    if (route.reply === null) return null as T;
    const malformed = (text: string) =>
      new ApiError({ side: this.side, operation: route.operation, attempts: answer.attempts, malformed: text });
    if (!isJson(answer) || answer.text.trim() === '') {
      throw malformed(`expected a JSON body but got HTTP ${answer.status} with ${bodyShape(answer)}`);
    }
    let value: unknown;
    try {
      value = JSON.parse(answer.text);
    } catch {
      throw malformed(`HTTP ${answer.status} with malformed JSON (${answer.text.length} bytes, not shown)`);
    }
    try {
      return route.reply(value, 'the answer');
    } catch (err) {
      if (err instanceof ShapeError) throw malformed(`HTTP ${answer.status} with a body of an unexpected form: ${err.message}`);
      throw err;
    }
  }

  /** A 404 is "nothing there" only if the organization (or project) it names can be read. */
  private async prove<T>(route: AbsentRoute<T>, args: CallArgs, answer: Answer): Promise<Absent> {
    const rule = route.absent;
    const proof = this.url(rule.proof, args.params);
    try {
      if (!this.proven.has(proof)) await this.call(rule.proof, args);
      this.proven.add(proof);
    } catch (err) {
      // Only a refusal to read the organization (401, 403, 404) blames the id; a failure of the
      // read itself (a network error, a 5xx) is that failure, not a typo.
      if (!(err instanceof ApiError) || err.problem.status === undefined || err.problem.status < 400 || err.problem.status >= 500)
        throw err;
      const value = args.params?.[rule.param] ?? this.options.params[rule.param] ?? '';
      throw new ApiError({
        ...this.problem(route, answer),
        blame: { input: rule.input, value, what: rule.what, status: err.problem.status, errorCode: err.problem.errorCode },
        hint: rule.hint,
      });
    }
    this.options.log.debug(`${sideLabel(this.side)}: ${route.operation}: HTTP 404, and the ${rule.what} reads: nothing is there.`);
    return ABSENT;
  }

  private problem(route: Route, answer: Answer): ApiProblem {
    const { errorCode, detail } = readProblem(answer);
    return {
      side: this.side,
      operation: route.operation,
      attempts: answer.attempts,
      status: answer.status,
      errorCode,
      detail,
      body: errorCode || detail ? undefined : bodyShape(answer),
      hint: answer.hint ?? hintFor(answer.status, route.hints),
    };
  }
}
