// @ts-check
// Server side of RFC 7616 digest (MD5, qop=auth), as strict as MongoDB's public API:
// (`challenges` makes it offer several, as RFC 7616 §3.7 allows: e.g. Basic, SHA-256 and MD5;
// each nonce is then good for its own algorithm only)
// unknown nonces refused, nonce counts must rise, `uri` must equal the request target,
// nonces go stale after a configurable number of uses.
import { createHash, randomBytes } from 'node:crypto';

const REALM = 'MMS Public API';

/** @param {string} s */
const md5 = (s) => createHash('md5').update(s).digest('hex');
/** @type {Record<string, (s: string) => string>} */
const HASHES = { MD5: md5, 'SHA-256': (s) => createHash('sha256').update(s).digest('hex') };

/** @param {string} header @returns {Record<string, string>} */
function parseAuthParams(header) {
  /** @type {Record<string, string>} */
  const params = {};
  const re = /([a-zA-Z]+)=("((?:[^"\\]|\\.)*)"|[^,\s]*)/g;
  let m;
  while ((m = re.exec(header)) !== null) {
    params[m[1].toLowerCase()] = m[3] !== undefined ? m[3] : m[2];
  }
  return params;
}

/**
 * The `response` field a client computes (RFC 7616, MD5, qop=auth).
 * @param {{ username: string, password: string, realm: string, nonce: string, nc: string, cnonce: string, qop: string, method: string, uri: string }} p
 */
function digestResponse({ username, password, realm, nonce, nc, cnonce, qop, method, uri }, hash = md5) {
  const ha1 = hash(`${username}:${realm}:${password}`);
  const ha2 = hash(`${method}:${uri}`);
  return hash(`${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`);
}

export class DigestVerifier {
  /** @param {{ lookup: (user: string) => string | undefined, staleAfterUses?: number, challenges?: Array<'Basic' | 'MD5' | 'SHA-256'> }} opts */
  constructor(opts) {
    this.lookup = opts.lookup;
    this.offered = opts.challenges ?? ['MD5'];
    this.staleAfterUses = opts.staleAfterUses ?? Infinity;
    /** @type {Map<string, { lastNc: number, uses: number, algorithm?: string }>} */
    this.nonces = new Map();
  }

  /** A fresh nonce in the header MongoDB sends (one header per challenge offered). @param {boolean} [stale] @returns {string | string[]} */
  challenge(stale = false) {
    const headers = this.offered.map((algorithm) => {
      if (algorithm === 'Basic') return `Basic realm="${REALM}"`;
      const nonce = randomBytes(24).toString('base64');
      this.nonces.set(nonce, { lastNc: 0, uses: 0, algorithm });
      return `Digest realm="${REALM}", domain="", nonce="${nonce}", algorithm=${algorithm}, qop="auth", stale=${stale}`;
    });
    return headers.length === 1 ? headers[0] : headers;
  }

  /** Every nonce issued so far becomes unknown, as after a server restart. */
  forget() {
    this.nonces.clear();
  }

  /**
   * @param {string | undefined} header the Authorization header
   * @param {string} method
   * @param {string} target the request target, path and query
   * @returns {{ ok: true, user: string } | { ok: false, stale: boolean, why: string }}
   */
  verify(header, method, target) {
    if (!header || !/^Digest\s/i.test(header)) return { ok: false, stale: false, why: 'no digest header' };
    const p = parseAuthParams(header.slice(7));
    const password = p.username === undefined ? undefined : this.lookup(p.username);
    if (password === undefined) return { ok: false, stale: false, why: 'unknown user' };
    if (p.realm !== REALM) return { ok: false, stale: false, why: 'wrong realm' };
    const algorithm = (p.algorithm ?? 'MD5').toUpperCase();
    if (!this.offered.includes(/** @type {'MD5'} */ (algorithm))) return { ok: false, stale: false, why: 'algorithm' };
    if (p.qop !== 'auth') return { ok: false, stale: false, why: 'qop must be auth' };
    if (p.uri !== target) return { ok: false, stale: false, why: `uri ${p.uri} is not the request target ${target}` };
    if (!/^[0-9a-f]{8}$/i.test(p.nc ?? '') || !p.cnonce) return { ok: false, stale: false, why: 'nc/cnonce' };
    const state = this.nonces.get(p.nonce);
    if (!state || !p.username) return { ok: false, stale: false, why: 'unknown nonce' };
    if ((state.algorithm ?? 'MD5') !== algorithm) return { ok: false, stale: false, why: 'algorithm of another challenge' };
    const expected = digestResponse(
      {
        username: p.username,
        realm: p.realm,
        nonce: p.nonce,
        nc: p.nc,
        cnonce: p.cnonce,
        qop: p.qop,
        uri: p.uri,
        password,
        method,
      },
      HASHES[algorithm],
    );
    if (expected !== p.response) return { ok: false, stale: false, why: 'wrong response hash' };
    const nc = parseInt(p.nc, 16);
    if (nc <= state.lastNc) return { ok: false, stale: false, why: `nonce count ${nc} replayed (last ${state.lastNc})` };
    if (state.uses >= this.staleAfterUses) {
      this.nonces.delete(p.nonce);
      return { ok: false, stale: true, why: 'nonce expired' };
    }
    state.lastNc = nc;
    state.uses += 1;
    return { ok: true, user: p.username };
  }
}
