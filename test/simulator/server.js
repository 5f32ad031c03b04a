// @ts-check
// HTTP and HTTPS listening, request recording and dispatch. Each request goes: record → fault
// (before auth) → authentication → scripted reply (after auth) → media types and path ids →
// the route's handler. Replies honour the `envelope` and `pretty` query parameters.
import http from 'node:http';
import https from 'node:https';
import { authenticate, authKind } from './auth.js';
import { ApiError } from './errors.js';
import { faultAction } from './faults.js';
import { GITHUB_PREFIX } from './github.js';
import { matchGitHub, serveGitHub, withRateHeaders } from './github-routes.js';
import { checkMediaTypes, checkPathIds, checkRoles, matchRoute, sideOf } from './routes.js';
import { parseObject } from './schema.js';

/** @typedef {import('./types.js').Reply} Reply */
/** @typedef {import('./types.js').RecordedRequest} RecordedRequest */
/** @typedef {import('./routes.js').Route} Route */
/**
 * @typedef {{ world: import('./state.js').World, migrations: import('./migrations.js').Migrations,
 *   digest: import('./digest.js').DigestVerifier, faults: import('./faults.js').Faults, now: () => number,
 *   github: import('./github.js').GitHubWorld }} Model
 */

export class Server {
  /** @type {(http.Server | https.Server)[]} */ #servers = [];
  /** @type {Set<import('node:net').Socket>} */ #sockets = new Set();
  /** @type {RecordedRequest[]} */ #log = [];
  #seq = 0;
  #model;

  /** @param {Model} model */
  constructor(model) {
    this.#model = model;
  }

  /** @param {{ tls?: { key: string | Buffer, cert: string | Buffer }, host?: string, port?: number }} [opts] */
  async listen(opts = {}) {
    /** @type {http.RequestListener} */
    const handler = (req, res) => void this.#handle(req, res);
    const server = opts.tls ? https.createServer({ key: opts.tls.key, cert: opts.tls.cert }, handler) : http.createServer(handler);
    server.keepAliveTimeout = 5000;
    server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    const host = opts.host ?? '127.0.0.1';
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, host, () => resolve(undefined));
    });
    this.#servers.push(server);
    const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
    return `${opts.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  }

  async close() {
    for (const socket of this.#sockets) socket.destroy();
    await Promise.all(this.#servers.map((s) => new Promise((resolve) => s.close(() => resolve(undefined)))));
    this.#servers = [];
  }

  /** The live log; the Simulator hands out copies. */
  get log() {
    return this.#log;
  }

  clearLog() {
    this.#log = [];
  }

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
  async #handle(req, res) {
    const target = req.url ?? '/';
    const url = new URL(target, 'http://simulator');
    const method = req.method ?? 'GET';
    const body = await readBody(req).catch(() => null);
    if (body === null) return; // the client went away mid-request
    const github = url.pathname.startsWith(`${GITHUB_PREFIX}/`);
    const match = github ? null : matchRoute(method, url.pathname);
    const gitHubMatch = github ? matchGitHub(method, url.pathname) : null;
    const routed = match ?? gitHubMatch;
    /** @type {RecordedRequest} */
    const record = {
      seq: ++this.#seq,
      side: github ? 'github' : sideOf(url.pathname),
      route: routed && 'route' in routed ? routed.route.name : null,
      method,
      path: url.pathname,
      target,
      status: 0,
      auth: authKind(req.headers.authorization),
      headers: { ...req.headers },
      body,
      at: Date.now(),
      clock: this.#model.now(),
    };
    this.#log.push(record);
    try {
      if (github) this.#processGitHub(req, res, record, url, gitHubMatch);
      else this.#process(req, res, record, url, match);
    } catch (err) {
      // A bug here or in a respond() function: answer 500 rather than crash the test process.
      record.status = 500;
      if (!res.headersSent) {
        const detail = `Simulator error: ${err instanceof Error ? err.stack : String(err)}`;
        res
          .writeHead(500, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ error: 500, errorCode: 'UNEXPECTED_ERROR', detail }));
      }
    }
  }

  /**
   * @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {RecordedRequest} record @param {URL} url
   * @param {ReturnType<typeof matchRoute>} match
   */
  #process(req, res, record, url, match) {
    const { method, target, body } = record;
    const header = req.headers.authorization;
    const fault = record.route ? this.#model.faults.takeFault(record.route) : undefined;
    let dripMs;
    if (fault) {
      record.injected = fault.kind;
      const act = faultAction(fault);
      if (act.action === 'reset') {
        record.status = -1;
        return req.socket.resetAndDestroy();
      }
      if (act.action === 'hang') {
        record.status = -2;
        const timer = setTimeout(() => req.socket.destroy(), act.ms).unref();
        return void req.socket.once('close', () => clearTimeout(timer));
      }
      if (act.action === 'reply') return write(res, record, act.reply, url.searchParams, act.dripMs);
      dripMs = act.dripMs;
    }

    const { world, digest, faults } = this.#model;
    const auth = authenticate({ side: record.side, header, method, target }, world, digest);
    if ('reply' in auth) {
      if (auth.rejected) record.rejected = auth.rejected;
      return write(res, record, auth.reply, url.searchParams, dripMs);
    }
    /** @type {Reply} */
    let reply;
    if (!match) reply = new ApiError(404, 'RESOURCE_NOT_FOUND', `Cannot find resource ${url.pathname}.`).reply();
    else if ('allowed' in match)
      reply = new ApiError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed; use ${match.allowed.join(' or ')}.`).reply();
    else {
      const { route: found, params } = match;
      const real = () => this.#serve(found, params, auth.principal, req.headers, body);
      const scripted = faults.takeScripted(found.name);
      if (scripted) record.injected = 'respond';
      reply = !scripted ? real() : typeof scripted === 'function' ? scripted(Object.freeze(structuredClone(record)), real) : scripted;
    }
    write(res, record, reply, url.searchParams, dripMs);
  }

  /**
   * GitHub's side: the same faults (before the service), then scripted replies or GitHub's own answer.
   * @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {RecordedRequest} record @param {URL} url
   * @param {ReturnType<typeof matchGitHub>} match
   */
  #processGitHub(req, res, record, url, match) {
    const { github, faults } = this.#model;
    const fault = record.route ? faults.takeFault(record.route) : undefined;
    if (fault) {
      record.injected = fault.kind;
      const act = faultAction(fault);
      if (act.action === 'reset') {
        record.status = -1;
        return req.socket.resetAndDestroy();
      }
      if (act.action === 'reply') return write(res, record, act.reply, url.searchParams, act.dripMs);
      if (act.action === 'hang') {
        record.status = -2;
        return void setTimeout(() => req.socket.destroy(), act.ms).unref();
      }
    }
    const real = () => withRateHeaders(serveGitHub(match, req.headers, record.body, url.searchParams, github), github);
    const scripted = record.route ? faults.takeScripted(record.route) : undefined;
    if (scripted) record.injected = 'respond';
    const reply = !scripted ? real() : typeof scripted === 'function' ? scripted(Object.freeze(structuredClone(record)), real) : scripted;
    write(res, record, reply, url.searchParams);
  }

  /**
   * The service's own answer: media types, path ids, then the handler (which resolves orgs and projects, checks roles and the body).
   * @param {Route} route @param {Record<string, string>} params @param {import('./types.js').Principal} principal
   * @param {http.IncomingHttpHeaders} headers @param {string} rawBody @returns {Reply}
   */
  #serve(route, params, principal, headers, rawBody) {
    const { world, migrations } = this.#model;
    try {
      const version = checkMediaTypes(route, headers, rawBody);
      checkPathIds(params);
      const guard = /** @template T @param {T} found @returns {T} */ (found) => (checkRoles(route, principal), found);
      const reply = route.handler({
        params,
        principal,
        version,
        contentType: String(headers['content-type'] ?? ''),
        rawBody,
        body: () => parseObject(rawBody),
        world,
        migrations,
        atlasOrg: () => guard(world.atlasOrg(params.orgId, principal)),
        sourceOrg: () => guard(world.sourceOrg(params.orgId, principal)),
        project: () => guard(world.project(params.groupId, principal)),
      });
      if (route.side === 'atlas' && reply.body !== undefined && !reply.contentType)
        reply.contentType = `application/vnd.atlas.${version}+json`;
      return reply;
    } catch (err) {
      if (err instanceof ApiError) return err.reply();
      return { status: 500, body: { error: 500, errorCode: 'UNEXPECTED_ERROR', reason: 'Internal Server Error', detail: String(err) } };
    }
  }
}

/**
 * @param {http.ServerResponse} res @param {RecordedRequest} record @param {Reply} reply
 * @param {URLSearchParams} query @param {number} [dripMs] send the body a byte at a time, every dripMs
 */
function write(res, record, reply, query, dripMs) {
  let text = reply.raw;
  if (text === undefined && reply.body !== undefined) {
    const out = query.get('envelope') === 'true' ? { status: reply.status, content: reply.body } : reply.body;
    text = JSON.stringify(out, null, query.get('pretty') === 'true' ? 2 : undefined) ?? '';
  }
  const bytes = Buffer.from(text ?? '');
  const contentType = reply.contentType ?? (text !== undefined ? 'application/json' : undefined);
  record.status = reply.status;
  res.writeHead(reply.status, {
    ...(contentType ? { 'Content-Type': contentType } : {}),
    'Content-Length': bytes.length,
    ...reply.headers,
  });
  if (dripMs === undefined) return void res.end(bytes);
  let i = 0;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  res.on('close', () => clearTimeout(timer));
  const step = () => {
    if (i >= bytes.length) return void res.end();
    res.write(bytes.subarray(i, ++i));
    timer = setTimeout(step, dripMs);
  };
  res.flushHeaders();
  timer = setTimeout(step, dripMs);
}

/** @param {http.IncomingMessage} req @returns {Promise<string>} */
function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
