// @ts-check
// A small HTTP client for tests that talk to the simulator directly, written from RFC 7616 and
// independent of the action's code and of the simulator's digest verifier: digest (MD5,
// qop=auth, one fresh challenge per call), Bearer, or no authentication.
import { createHash, randomBytes } from 'node:crypto';

/** @param {string} s */
const md5 = (s) => createHash('md5').update(s).digest('hex');

/** The versioned media type of the Atlas Admin API v2. @param {string} [version] */
export const atlasMedia = (version = '2023-01-01') => `application/vnd.atlas.${version}+json`;

/**
 * @typedef {{ key?: { publicKey: string, privateKey: string }, bearer?: string, accept?: string, contentType?: string,
 *   body?: unknown, headers?: Record<string, string> }} CallOptions
 */
/** @typedef {{ status: number, headers: Headers, text: string, json: any }} CallResult */

/**
 * The Authorization header answering `challenge` (a WWW-Authenticate value).
 * @param {string} challenge @param {{ publicKey: string, privateKey: string }} key @param {string} method @param {string} uri
 * @param {string} [nc] @param {string} [cnonce]
 */
export function digestHeader(challenge, key, method, uri, nc = '00000001', cnonce = randomBytes(8).toString('hex')) {
  const realm = /realm="([^"]*)"/.exec(challenge)?.[1] ?? '';
  const nonce = /nonce="([^"]*)"/.exec(challenge)?.[1] ?? '';
  const ha1 = md5(`${key.publicKey}:${realm}:${key.privateKey}`);
  const response = md5(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${md5(`${method}:${uri}`)}`);
  return `Digest username="${key.publicKey}", realm="${realm}", nonce="${nonce}", uri="${uri}", qop=auth, nc=${nc}, cnonce="${cnonce}", response="${response}", algorithm=MD5`;
}

/** @param {string} baseUrl */
export function apiClient(baseUrl) {
  /** @param {string} method @param {string} target path and query @param {CallOptions} o @param {string} [authorization] @returns {Promise<CallResult>} */
  async function send(method, target, o, authorization) {
    /** @type {Record<string, string>} */
    const headers = { ...(o.accept ? { Accept: o.accept } : {}), ...o.headers };
    if (authorization) headers.Authorization = authorization;
    let body;
    if (o.body !== undefined) {
      body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
      headers['Content-Type'] = o.contentType ?? o.accept ?? 'application/json';
    }
    const res = await fetch(baseUrl + target, { method, headers, body });
    const text = await res.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  }

  return {
    /** @param {string} method @param {string} target @param {CallOptions} [o] */
    async call(method, target, o = {}) {
      if (o.bearer) return send(method, target, o, `Bearer ${o.bearer}`);
      const first = await send(method, target, o);
      const challenge = first.headers.get('www-authenticate');
      if (!o.key || first.status !== 401 || !challenge) return first;
      return send(method, target, o, digestHeader(challenge, o.key, method, target));
    },
  };
}
