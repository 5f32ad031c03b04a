import type http from 'node:http';
import type { Connection } from './connection.js';
import type { AttemptHooks } from './proxy-agent.js';

export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ReplyHeaders {
  get(name: string): string | null;
}

export interface WireReply {
  status: number;
  headers: ReplyHeaders;
  contentType: string;
  text: string;
}

/** Where an attempt was when its deadline fired. */
export type Phase = string;

/** The attempt's deadline fired. `limit` says which: the per-attempt request-timeout or the step's budget. */
export class AttemptTimeout extends Error {
  override name = 'TimeoutError';
  constructor(
    readonly phase: Phase,
    readonly ms: number,
    readonly limit: 'request-timeout' | 'budget',
  ) {
    super(`no answer within ${ms} ms while ${phase}`);
  }
}

const MAX_BODY_BYTES = 8 << 20;

/**
 * One HTTP exchange, bounded end to end by `ms`: name resolution, TCP, a proxy's CONNECT, TLS,
 * the headers and the whole body (a server that drips bytes is cut off too).
 */
export function exchange(request: WireRequest, connection: Connection, ms: number, limit: AttemptTimeout['limit']): Promise<WireReply> {
  return new Promise((resolve, reject) => {
    const abort = new AbortController();
    const secure = request.url.startsWith('https:');
    let phase: Phase = 'connecting';
    let settled = false;
    const finish = (err: Error | undefined, reply?: WireReply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(reply as WireReply);
    };
    const hooks: AttemptHooks = { attemptSignal: abort.signal, onPhase: (p) => (phase = p) };
    const req = connection.request(
      request.url,
      { method: request.method, headers: request.headers, agent: connection.agent, ...hooks },
      (res) => {
        phase = 'reading the answer';
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES)
            req.destroy(Object.assign(new Error(`the answer is larger than ${MAX_BODY_BYTES >> 20} MiB`), { code: 'EBODYTOOLARGE' }));
          else chunks.push(chunk);
        });
        res.on('error', (err) => finish(err));
        res.on('end', () =>
          finish(undefined, {
            status: res.statusCode ?? 0,
            headers: replyHeaders(res.headers),
            contentType: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('socket', (socket) => {
      if (!socket.connecting) {
        phase = 'waiting for the answer';
        return;
      }
      socket.once('connect', () => (phase = secure ? 'the TLS handshake' : 'waiting for the answer'));
      socket.once('secureConnect', () => (phase = 'waiting for the answer'));
    });
    req.on('error', (err) => finish(err));
    const timer = setTimeout(() => {
      const err = new AttemptTimeout(phase, ms, limit);
      abort.abort(err);
      req.destroy(err);
      finish(err);
    }, ms);
    req.end(request.body);
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
