// A loopback simulator of the Atlas Admin API and the Cloud/Ops Manager public API, limited to
// what the action uses: link tokens, migration links, available projects, OAuth service accounts.
// It enforces what the real services enforce (digest, versioned Accept headers, body schemas,
// roles, org ids) and records every request so tests can count them.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { DigestVerifier } from './digest.js';

export const ATLAS_API_VERSIONS = ['2023-01-01'];
const ATLAS_PREFIX = '/api/atlas/v2/orgs/';
const ORG_ID = /^[a-f0-9]{24}$/;

const problems = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  415: 'Unsupported Media Type',
};

class HttpProblem extends Error {
  constructor(status, errorCode, detail, extra = {}) {
    super(detail);
    this.status = status;
    this.body = { error: status, errorCode, reason: problems[status] ?? 'Error', detail, parameters: [], ...extra };
  }
}

/**
 * @typedef {{ method?: string, path: string | RegExp, times?: number,
 *   kind: 'status' | 'reset' | 'hang' | 'html' | 'malformed' | 'empty',
 *   status?: number, headers?: Record<string, string>, body?: unknown, ms?: number }} Fault
 */

/** @typedef {{ status: number, body: any, headers: Record<string, string> }} SimReply */
/** @typedef {{ side: string, method: string, path: string, target: string, status: number, auth: string, headers: Record<string, unknown>, body: string, at: number, rejected?: string }} SimRequest */

export class Simulator {
  /** @param {{ nonceStaleAfterUses?: number }} [options] */
  constructor(options = {}) {
    this.atlasOrgs = new Map();
    this.sourceOrgs = new Map();
    this.apiKeys = new Map();
    this.serviceAccounts = new Map();
    this.accessTokens = new Map();
    this.linkTokens = new Map();
    /** @type {SimRequest[]} */
    this.requests = [];
    /** @type {Fault[]} */
    this.faults = [];
    this.servers = [];
    this.sockets = new Set();
    this.digest = new DigestVerifier({
      lookup: (user) => this.apiKeys.get(user)?.privateKey,
      staleAfterUses: options.nonceStaleAfterUses,
    });
  }

  /**
   * @param {string} id
   * @param {{ availableProjects?: unknown[], activeMigration?: boolean }} [options]
   */
  addAtlasOrg(id, { availableProjects = [], activeMigration = false } = {}) {
    this.atlasOrgs.set(id, { availableProjects, activeMigration, tokens: new Set() });
    return this;
  }

  /**
   * A source org. `syncAfterPolls`: NOT_SYNCED until the status was read that many times after connecting.
   * @param {string} id
   * @param {{ syncAfterPolls?: number, neverSyncs?: boolean, activeMigration?: boolean, link?: { token: string, atlasOrgId: string, status: string } | null }} [options]
   */
  addSourceOrg(id, { syncAfterPolls = 0, neverSyncs = false, activeMigration = false, link = null } = {}) {
    this.sourceOrgs.set(id, { syncAfterPolls, neverSyncs, activeMigration, link, polls: 0 });
    return this;
  }

  addApiKey(publicKey, privateKey, orgId, roles = ['ORG_OWNER']) {
    this.apiKeys.set(publicKey, { privateKey, orgId, roles });
    return this;
  }

  addServiceAccount(clientId, clientSecret, orgId, roles = ['ORG_OWNER']) {
    this.serviceAccounts.set(clientId, { clientSecret, orgId, roles });
    return this;
  }

  /** Link `sourceOrgId` as if a token from `atlasOrgId` had been accepted earlier. */
  preLink(sourceOrgId, atlasOrgId, status = 'SYNCED') {
    const token = this.issueToken(atlasOrgId, []);
    const org = this.sourceOrgs.get(sourceOrgId);
    org.link = { token, atlasOrgId, status };
    return token;
  }

  issueToken(atlasOrgId, accessListIps) {
    const secret = Buffer.from(
      JSON.stringify({ orgId: atlasOrgId, publicKey: randomBytes(4).toString('hex'), privateKey: randomUUID() }),
    ).toString('base64');
    this.linkTokens.set(secret, { atlasOrgId, accessListIps });
    this.atlasOrgs.get(atlasOrgId)?.tokens.add(secret);
    return secret;
  }

  /** Requests matching a side ('atlas' | 'source' | 'oauth') and optional method/path piece. */
  count(side, method, pathPart) {
    return this.requests.filter(
      (r) => (!side || r.side === side) && (!method || r.method === method) && (!pathPart || r.path.includes(pathPart)),
    ).length;
  }

  /** @param {{ tls?: { key: string | Buffer, cert: string | Buffer }, host?: string, port?: number }} [opts] */
  async listen(opts = {}) {
    const handler = (req, res) => this.handle(req, res);
    const server = opts.tls ? https.createServer({ key: opts.tls.key, cert: opts.tls.cert }, handler) : http.createServer(handler);
    server.keepAliveTimeout = 5000;
    server.on(opts.tls ? 'secureConnection' : 'connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    const host = opts.host ?? '127.0.0.1';
    await new Promise((resolve) => server.listen(opts.port ?? 0, host, resolve));
    this.servers.push(server);
    const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
    return `${opts.tls ? 'https' : 'http'}://${host}:${port}`;
  }

  async close() {
    for (const s of this.sockets) s.destroy();
    await Promise.all(this.servers.map((s) => new Promise((resolve) => s.close(() => resolve(undefined)))));
    this.servers = [];
  }

  takeFault(method, path) {
    const i = this.faults.findIndex(
      (f) =>
        (!f.method || f.method === method) &&
        (typeof f.path === 'string' ? path.includes(f.path) : f.path.test(path)) &&
        (f.times ?? Infinity) > 0,
    );
    if (i < 0) return undefined;
    const fault = this.faults[i];
    if (fault.times !== undefined) fault.times -= 1;
    return fault;
  }

  async handle(req, res) {
    const target = req.url ?? '/';
    const url = new URL(target, 'http://sim');
    const path = url.pathname;
    const side = path.startsWith('/api/oauth/') ? 'oauth' : path.startsWith(ATLAS_PREFIX) ? 'atlas' : 'source';
    const body = await readBody(req);
    /** @type {SimRequest} */
    const record = {
      side,
      method: req.method ?? 'GET',
      path,
      target,
      status: 0,
      auth: authKind(req.headers.authorization),
      headers: req.headers,
      body,
      at: Date.now(),
    };
    this.requests.push(record);
    const send = (status, payload, headers = {}) => {
      record.status = status;
      const envelope = url.searchParams.get('envelope') === 'true';
      const out = envelope && payload !== undefined ? { status, content: payload } : payload;
      const text = out === undefined ? '' : JSON.stringify(out, null, url.searchParams.get('pretty') === 'true' ? 2 : 0);
      res.writeHead(status, {
        ...(text ? { 'Content-Type': 'application/json' } : {}),
        'Content-Length': Buffer.byteLength(text),
        ...headers,
      });
      res.end(text);
    };

    const fault = this.takeFault(record.method, path);
    if (fault) return this.applyFault(fault, record, res);

    try {
      if (side === 'oauth') return this.oauth(req, path, body, send);
      const principal = this.authenticate(req, side, record, target, send);
      if (!principal) return;
      const result = side === 'atlas' ? this.atlas(req, url, body, principal) : this.source(req, url, body, principal);
      send(result.status, result.body, result.headers);
    } catch (err) {
      if (err instanceof HttpProblem) return send(err.status, err.body);
      record.status = 500;
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 500, errorCode: 'UNEXPECTED_ERROR', detail: String(err) }));
    }
  }

  applyFault(fault, record, res) {
    switch (fault.kind) {
      case 'reset':
        record.status = -1;
        res.socket?.resetAndDestroy();
        return;
      case 'hang':
        record.status = -2;
        setTimeout(() => res.socket?.destroy(), fault.ms ?? 60_000).unref();
        return;
      case 'html':
        record.status = fault.status ?? 502;
        res.writeHead(record.status, { 'Content-Type': 'text/html', ...fault.headers });
        res.end(
          '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
        );
        return;
      case 'malformed':
        record.status = fault.status ?? 200;
        res.writeHead(record.status, { 'Content-Type': 'application/json', ...fault.headers });
        res.end('{"status": "SYNC');
        return;
      case 'empty':
        record.status = fault.status ?? 200;
        res.writeHead(record.status, { ...fault.headers });
        res.end();
        return;
      default: {
        record.status = fault.status ?? 500;
        const payload = fault.body ?? { error: record.status, errorCode: 'SIMULATED', detail: `Simulated ${record.status}` };
        res.writeHead(record.status, { 'Content-Type': 'application/json', ...fault.headers });
        res.end(JSON.stringify(payload));
      }
    }
  }

  /** Returns the principal ({ orgId, roles }) or answers 401 itself and returns undefined. */
  authenticate(req, side, record, target, send) {
    const header = req.headers.authorization ?? '';
    if (side === 'atlas' && /^Bearer\s/i.test(header)) {
      const token = this.accessTokens.get(header.slice(7).trim());
      if (!token || token.revoked) {
        send(401, {
          error: 401,
          errorCode: 'NOT_AUTHORIZED',
          reason: 'Unauthorized',
          detail: 'Invalid or revoked access token.',
          parameters: [],
        });
        return undefined;
      }
      return this.serviceAccounts.get(token.clientId);
    }
    const verdict = this.digest.verify(header, req.method, target);
    if (verdict.ok) return this.apiKeys.get(verdict.user);
    record.rejected = header ? verdict.why : undefined;
    send(
      401,
      {
        error: 401,
        errorCode: 'NOT_AUTHORIZED',
        reason: 'Unauthorized',
        detail: 'You are not authorized for this resource.',
        parameters: [],
      },
      { 'WWW-Authenticate': this.digest.challenge(verdict.stale) },
    );
    return undefined;
  }

  oauth(req, path, body, send) {
    const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
    const decoded = basic ? Buffer.from(basic[1], 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const account = colon > 0 ? this.serviceAccounts.get(decoded.slice(0, colon)) : undefined;
    if (!account || account.clientSecret !== decoded.slice(colon + 1)) {
      return send(401, { error: 'invalid_client', error_description: 'Invalid client credentials.' });
    }
    if (!String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded')) {
      return send(400, { error: 'invalid_request', error_description: 'Form body expected.' });
    }
    const form = new URLSearchParams(body);
    if (path === '/api/oauth/token' && req.method === 'POST') {
      if (form.get('grant_type') !== 'client_credentials') return send(400, { error: 'unsupported_grant_type' });
      const accessToken = randomBytes(32).toString('base64url');
      this.accessTokens.set(accessToken, { clientId: decoded.slice(0, colon), revoked: false });
      return send(200, { access_token: accessToken, token_type: 'Bearer', expires_in: 3600 });
    }
    if (path === '/api/oauth/revoke' && req.method === 'POST') {
      const token = this.accessTokens.get(form.get('token') ?? '');
      if (token) token.revoked = true;
      return send(200, undefined);
    }
    return send(404, { error: 'not_found' });
  }

  /** @returns {SimReply} */
  atlas(req, url, body, principal) {
    const match = /^\/api\/atlas\/v2\/orgs\/([^/]+)\/liveMigrations\/(linkTokens|availableProjects)$/.exec(url.pathname);
    if (!match) throw new HttpProblem(404, 'RESOURCE_NOT_FOUND', `Cannot find resource ${url.pathname}.`);
    const version = checkVersionedAccept(req.headers.accept);
    const org = this.orgFor(this.atlasOrgs, match[1], principal);
    const method = req.method;
    if (match[2] === 'availableProjects') {
      if (method !== 'GET') throw new HttpProblem(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed.`);
      const linked = [...this.sourceOrgs.values()].some((s) => s.link?.atlasOrgId === match[1] && s.link.status === 'SYNCED');
      return ok(200, linked ? org.availableProjects : [], version);
    }
    if (method === 'POST') {
      checkContentType(req.headers['content-type'], `application/vnd.atlas.${version}+json`);
      const payload = parseJson(body);
      checkKeys(payload, ['accessListIps']);
      if (!Array.isArray(payload.accessListIps)) {
        throw validation('accessListIps', 'accessListIps must be an array of strings.');
      }
      for (const entry of payload.accessListIps) {
        if (typeof entry !== 'string' || !isIpOrCidr(entry)) {
          throw validation('accessListIps', `Invalid IP address or CIDR block ${JSON.stringify(entry)}.`);
        }
      }
      return ok(201, { linkToken: this.issueToken(match[1], payload.accessListIps) }, version);
    }
    if (method === 'DELETE') {
      if (org.activeMigration) {
        throw new HttpProblem(
          409,
          'CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK',
          'Cannot delete organization link while there is an active migration.',
        );
      }
      if (org.tokens.size === 0) {
        throw new HttpProblem(404, 'UNEXPECTED_ERROR', 'Could not find the requested external organization link.');
      }
      for (const t of org.tokens) this.linkTokens.delete(t);
      org.tokens.clear();
      return { status: 204, body: undefined, headers: {} };
    }
    throw new HttpProblem(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed.`);
  }

  /** @returns {SimReply} */
  source(req, url, body, principal) {
    const match = /^\/api\/public\/v1\.0\/orgs\/([^/]+)\/liveExport\/migrationLink(\/status)?$/.exec(url.pathname);
    if (!match) throw new HttpProblem(404, 'RESOURCE_NOT_FOUND', `Cannot find resource ${url.pathname}.`);
    if (
      !String(req.headers.accept ?? '')
        .split(',')
        .some((a) => a.trim().startsWith('application/json'))
    ) {
      throw new HttpProblem(406, 'NOT_ACCEPTABLE', 'Accept must be application/json.');
    }
    const org = this.orgFor(this.sourceOrgs, match[1], principal);
    const method = req.method;
    if (match[2]) {
      if (method !== 'GET') throw new HttpProblem(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed.`);
      if (!org.link) throw new HttpProblem(404, 'RESOURCE_NOT_FOUND', 'No migration link exists for this organization.');
      org.polls += 1;
      if (org.link.status !== 'SYNCED' && !org.neverSyncs && org.polls >= org.syncAfterPolls) org.link.status = 'SYNCED';
      return { status: 200, body: { status: org.link.status }, headers: {} };
    }
    if (method === 'POST') {
      checkContentType(req.headers['content-type'], 'application/json');
      const payload = parseJson(body);
      checkKeys(payload, ['linkToken']);
      if (typeof payload.linkToken !== 'string' || payload.linkToken === '') {
        throw validation('linkToken', 'linkToken must be a non-empty string.');
      }
      const issued = this.linkTokens.get(payload.linkToken);
      if (!issued) throw new HttpProblem(400, 'INVALID_LINK_TOKEN', 'The link token is invalid or was revoked.');
      const status = org.neverSyncs || org.syncAfterPolls > 0 ? 'NOT_SYNCED' : 'SYNCED';
      org.polls = 0;
      org.link = { token: payload.linkToken, atlasOrgId: issued.atlasOrgId, status };
      return { status: 201, body: { status }, headers: {} };
    }
    if (method === 'DELETE') {
      if (org.activeMigration) {
        throw new HttpProblem(
          409,
          'CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK',
          'Cannot delete organization link while there is an active migration.',
        );
      }
      if (!org.link) throw new HttpProblem(404, 'RESOURCE_NOT_FOUND', 'No migration link exists for this organization.');
      org.link = null;
      return { status: 204, body: undefined, headers: {} };
    }
    throw new HttpProblem(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed.`);
  }

  orgFor(orgs, orgId, principal) {
    if (!ORG_ID.test(orgId)) throw validation('orgId', `Invalid organization id ${orgId}.`);
    const org = orgs.get(orgId);
    if (!org || principal.orgId !== orgId) {
      throw new HttpProblem(404, 'RESOURCE_NOT_FOUND', `Cannot find resource organization ${orgId}.`);
    }
    if (!principal.roles.includes('ORG_OWNER')) {
      throw new HttpProblem(403, 'USER_UNAUTHORIZED', 'The API key does not have the Organization Owner role.');
    }
    return org;
  }
}

function ok(status, body, version) {
  return { status, body, headers: { 'Content-Type': `application/vnd.atlas.${version}+json` } };
}

function checkVersionedAccept(accept) {
  const m = /^application\/vnd\.atlas\.(\d{4}-\d{2}-\d{2})\+json$/.exec(String(accept ?? '').trim());
  if (!m || !ATLAS_API_VERSIONS.includes(m[1])) {
    throw new HttpProblem(406, 'INVALID_VERSION_DATE', `Invalid accept header or version date: ${accept}.`);
  }
  return m[1];
}

function checkContentType(actual, expected) {
  if (
    String(actual ?? '')
      .split(';')[0]
      .trim() !== expected
  ) {
    throw new HttpProblem(415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Type must be ${expected}, got ${actual}.`);
  }
}

function parseJson(text) {
  try {
    const value = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // fall through
  }
  throw new HttpProblem(400, 'INVALID_JSON', 'The request body is not a JSON object.');
}

function checkKeys(payload, allowed) {
  const extra = Object.keys(payload).filter((k) => !allowed.includes(k));
  if (extra.length) throw validation(extra[0], `Unknown field ${extra[0]}.`);
}

function validation(field, description) {
  return new HttpProblem(400, 'VALIDATION_ERROR', description, { badRequestDetail: { fields: [{ field, description }] } });
}

function isIpOrCidr(entry) {
  const [addr, prefix, ...rest] = entry.split('/');
  const family = net.isIP(addr);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

function authKind(header) {
  if (!header) return 'none';
  return header.split(/\s/)[0].toLowerCase();
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
