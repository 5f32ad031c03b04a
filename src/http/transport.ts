import * as core from '@actions/core';
import type http from 'node:http';
import { ApiError, hintFor, type Side } from '../errors.js';
import type { Authenticator } from './auth.js';
import type { Connection } from './connection.js';
import { describeNetworkError, isRetryableNetworkError } from './network-errors.js';

const USER_AGENT = 'mongodb-live-migration-link-action/1';
const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const MAX_RETRY_AFTER_SECONDS = 60;

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  /** What the call does, for logs and errors: "create the link token". */
  operation: string;
}

export interface RequestSpec extends Route {
  accept: string;
  contentType?: string;
  body?: string;
  headers?: Record<string, string>;
  /** Hints by status that replace the generic ones. */
  hints?: Record<number, string>;
}

export interface ReplyHeaders {
  get(name: string): string | null;
}

export interface Reply {
  status: number;
  headers: ReplyHeaders;
  contentType: string;
  text: string;
  /** Attempts made, counting the first. */
  attempts: number;
}

export interface TransportOptions {
  side: Side;
  timeoutMs: number;
  maxRetries: number;
  /** node:http or node:https with this side's agent: pool, proxy tunnel, CA (see connection.ts). */
  connection: Promise<Connection>;
  auth?: Authenticator;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Everything HTTP for one side: authentication, per-attempt time-outs, retries with
 * Retry-After and backoff, proxy and CA (through the agent), and clear errors.
 * Callers see replies with any status; network failures become ApiError.
 */
export class Transport {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: TransportOptions) {
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
  }

  get side(): Side {
    return this.options.side;
  }

  async send(spec: RequestSpec): Promise<Reply> {
    const { maxRetries } = this.options;
    for (let attempt = 0; ; attempt += 1) {
      const retriesLeft = maxRetries - attempt;
      let reply: Reply;
      try {
        reply = await this.sendAuthenticated(spec);
      } catch (err) {
        const reason = describeNetworkError(err, spec.url, this.options.timeoutMs);
        if (retriesLeft > 0 && isRetryableNetworkError(err)) {
          await this.pause(spec, reason, this.backoffMs(attempt), attempt, maxRetries);
          continue;
        }
        const tries = attempt > 0 ? ` after ${attempt + 1} attempts` : '';
        throw new ApiError(`${this.side}: ${spec.operation} failed${tries}: ${reason}`);
      }
      if (!RETRYABLE_STATUS.has(reply.status) || retriesLeft <= 0) return { ...reply, attempts: attempt + 1 };
      const retryAfter = parseRetryAfter(reply.headers.get('retry-after'));
      if (retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER_SECONDS) {
        throw this.error(
          spec,
          reply,
          `the server asks to wait ${retryAfter} s before retrying, more than the ${MAX_RETRY_AFTER_SECONDS} s this action waits; re-run later.`,
        );
      }
      const waitMs = retryAfter !== undefined ? retryAfter * 1000 + Math.round(this.random() * 250) : this.backoffMs(attempt);
      await this.pause(spec, `HTTP ${reply.status}`, waitMs, attempt, maxRetries);
    }
  }

  /**
   * Readies the credentials (see Authenticator.prepare). A digest probe that fails is only
   * logged: the first real call negotiates on its own, with retries.
   */
  async prepare(probe: RequestSpec): Promise<void> {
    try {
      await this.options.auth?.prepare(() => this.attempt(probe, undefined));
    } catch (err) {
      core.debug(`${this.side}: preparing credentials failed (${err instanceof Error ? err.message : String(err)}).`);
    }
  }

  /** Sends and expects a 2xx JSON body; anything else becomes an ApiError. */
  async json(spec: RequestSpec): Promise<unknown> {
    const reply = await this.send(spec);
    if (reply.status < 200 || reply.status > 299) throw this.error(spec, reply);
    return this.parse(spec, reply);
  }

  parse(spec: RequestSpec, reply: Reply): unknown {
    if (!/[/+]json\b/i.test(reply.contentType) || reply.text.trim() === '') {
      throw new ApiError(`${this.side}: ${spec.operation}: expected a JSON body but got HTTP ${reply.status} with ${bodyShape(reply)}.`);
    }
    try {
      return JSON.parse(reply.text);
    } catch {
      throw new ApiError(
        `${this.side}: ${spec.operation}: HTTP ${reply.status} with malformed JSON (${reply.text.length} bytes, not shown).`,
      );
    }
  }

  /** One line: side, operation, status, errorCode, detail, and a hint for the common cases. */
  error(spec: RequestSpec, reply: Reply, extra?: string): ApiError {
    const problem = readProblem(reply);
    const tries = reply.attempts > 1 ? ` after ${reply.attempts} attempts` : '';
    const parts = [`${this.side}: ${spec.operation} failed${tries}: HTTP ${reply.status}`];
    if (problem.errorCode) parts.push(` ${problem.errorCode}`);
    parts.push(problem.detail ? `: ${problem.detail}` : problem.errorCode ? '' : ` with ${bodyShape(reply)}`);
    let message = parts.join('');
    if (!/[.!?]$/.test(message)) message += '.';
    const hint = extra ?? spec.hints?.[reply.status] ?? hintFor(reply.status);
    if (hint) message += ` Hint: ${hint}${/[.!?]$/.test(hint) ? '' : '.'}`;
    return new ApiError(message);
  }

  private async sendAuthenticated(spec: RequestSpec): Promise<Reply> {
    const auth = this.options.auth;
    if (!auth) return this.attempt(spec, undefined);
    return auth.exclusive(async () => {
      let header = await auth.header(spec.method, spec.url);
      let reply = await this.attempt(spec, header);
      if (reply.status === 401 && auth.renegotiate(reply.headers.get('www-authenticate'), header !== undefined)) {
        header = await auth.header(spec.method, spec.url);
        reply = await this.attempt(spec, header);
      }
      return reply;
    });
  }

  private async attempt(spec: RequestSpec, authorization: string | undefined): Promise<Reply> {
    const started = Date.now();
    core.debug(`${this.side}: ${spec.method} ${spec.url} (${spec.operation})`);
    const headers: Record<string, string> = { Accept: spec.accept, 'User-Agent': USER_AGENT, ...spec.headers };
    if (spec.contentType) headers['Content-Type'] = spec.contentType;
    if (spec.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(spec.body));
    if (authorization) headers.Authorization = authorization;
    const reply = await exchange(spec, headers, await this.options.connection, this.options.timeoutMs);
    core.debug(`${this.side}: ${spec.method} ${new URL(spec.url).pathname} answered ${reply.status} in ${Date.now() - started} ms`);
    return reply;
  }

  private backoffMs(attempt: number): number {
    const ceiling = Math.min(30_000, 1000 * 2 ** attempt);
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  private async pause(spec: RequestSpec, what: string, waitMs: number, attempt: number, maxRetries: number): Promise<void> {
    core.info(`${this.side}: ${spec.operation}: ${what}; retry ${attempt + 1} of ${maxRetries} in ${(waitMs / 1000).toFixed(1)} s.`);
    await this.sleep(waitMs);
  }
}

interface Problem {
  errorCode?: string;
  detail?: string;
}

/** MongoDB error bodies, OAuth error bodies; nothing from HTML or other bodies. */
function readProblem(reply: Reply): Problem {
  if (!/[/+]json\b/i.test(reply.contentType)) return {};
  let body: unknown;
  try {
    body = JSON.parse(reply.text);
  } catch {
    return {};
  }
  if (!body || typeof body !== 'object') return {};
  const b = body as Record<string, unknown>;
  const errorCode = typeof b.errorCode === 'string' ? b.errorCode : typeof b.error === 'string' ? b.error : undefined;
  let detail = typeof b.detail === 'string' ? b.detail : typeof b.error_description === 'string' ? b.error_description : undefined;
  const fields = (b.badRequestDetail as { fields?: Array<{ field?: string; description?: string }> } | undefined)?.fields;
  if (Array.isArray(fields) && fields.length) {
    const list = fields.map((f) => `${f.field}: ${f.description}`).join('; ');
    detail = detail ? `${detail} (${list})` : list;
  }
  return { errorCode, detail: detail && detail.length > 400 ? `${detail.slice(0, 400)}…` : detail };
}

function bodyShape(reply: Reply): string {
  if (reply.text.length === 0) return 'an empty body';
  return `a ${reply.contentType.split(';')[0] || 'untyped'} body (${reply.text.length} bytes, not shown)`;
}

const MAX_BODY_BYTES = 1 << 20;

/** One HTTP exchange; the time-out covers connecting, the headers and the whole body. */
function exchange(spec: RequestSpec, headers: Record<string, string>, connection: Connection, timeoutMs: number): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = connection.request(spec.url, { method: spec.method, headers, agent: connection.agent }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      });
      res.on('error', fail);
      res.on('end', () => {
        clearTimeout(timer);
        const contentType = String(res.headers['content-type'] ?? '');
        resolve({
          status: res.statusCode ?? 0,
          headers: replyHeaders(res.headers),
          contentType,
          text: Buffer.concat(chunks).toString('utf8'),
          attempts: 1,
        });
      });
    });
    const timer = setTimeout(
      () => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { name: 'TimeoutError' })),
      timeoutMs,
    );
    function fail(err: Error) {
      clearTimeout(timer);
      reject(err);
    }
    req.on('error', fail);
    req.end(spec.body);
  });
}

function replyHeaders(raw: http.IncomingHttpHeaders): ReplyHeaders {
  return {
    get: (name) => {
      const value = raw[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/** Seconds from a Retry-After header: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
