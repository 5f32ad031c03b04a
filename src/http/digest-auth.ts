import { crypto } from '../lazy-crypto.js';
import type { Authenticator } from './auth.js';
import { chooseChallenge, hashOf, type DigestChallenge } from './digest-challenge.js';

/** The RFC 7616 `Authorization` header for one request; `uri` is the request target (path and query). */
export function digestHeader(
  c: DigestChallenge,
  credentials: { username: string; password: string },
  request: { method: string; uri: string; nc: number; cnonce: string },
): string {
  const hash = (text: string) => crypto().createHash(hashOf(c.algorithm)).update(text, 'utf8').digest('hex');
  const nc = request.nc.toString(16).padStart(8, '0');
  let ha1 = hash(`${credentials.username}:${c.realm}:${credentials.password}`);
  if (c.algorithm.endsWith('-sess')) ha1 = hash(`${ha1}:${c.nonce}:${request.cnonce}`);
  const ha2 = hash(`${request.method}:${request.uri}`);
  const response = c.qopAuth ? hash(`${ha1}:${c.nonce}:${nc}:${request.cnonce}:auth:${ha2}`) : hash(`${ha1}:${c.nonce}:${ha2}`);
  const quote = (value: string) => `"${value.replace(/(["\\])/g, '\\$1')}"`;
  const fields = [
    `username=${quote(credentials.username)}`,
    `realm=${quote(c.realm)}`,
    `nonce=${quote(c.nonce)}`,
    `uri=${quote(request.uri)}`,
  ];
  if (c.qopAuth) fields.push('qop=auth', `nc=${nc}`, `cnonce=${quote(request.cnonce)}`);
  fields.push(`response=${quote(response)}`, `algorithm=${c.algorithm}`);
  if (c.opaque !== undefined) fields.push(`opaque=${quote(c.opaque)}`);
  return `Digest ${fields.join(', ')}`;
}

/**
 * HTTP digest for an API key pair. One nonce at a time: the count starts at 1 for every new
 * nonce and rises by one per request, and requests of one key are sent one at a time so two
 * never share a count. A `stale=true` challenge, or any challenge on a reused nonce, is
 * answered once more; a 401 on a fresh nonce means wrong credentials.
 */
export class DigestAuth implements Authenticator {
  private challenge?: DigestChallenge;
  private nc = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly publicKey: string,
    private readonly privateKey: string,
  ) {}

  exclusive<T>(send: () => Promise<T>): Promise<T> {
    const run = this.queue.then(send, send);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async header(method: string, url: string): Promise<string | undefined> {
    if (!this.challenge) return undefined;
    this.nc += 1;
    const { pathname, search } = new URL(url);
    const cnonce = crypto().randomBytes(16).toString('hex');
    return digestHeader(
      this.challenge,
      { username: this.publicKey, password: this.privateKey },
      { method, uri: pathname + search, nc: this.nc, cnonce },
    );
  }

  prepare(probe: () => Promise<{ headers: { get(name: string): string | null } }>): Promise<void> {
    return this.exclusive(async () => {
      if (this.challenge) return;
      const reply = await probe();
      this.renegotiate(reply.headers.get('www-authenticate'), false);
    });
  }

  renegotiate(header: string | null, sentHeader: boolean): boolean {
    const challenge = chooseChallenge(header);
    if (!challenge) return false;
    if (sentHeader && this.nc === 1 && !challenge.stale) {
      this.challenge = undefined;
      return false;
    }
    this.challenge = challenge;
    this.nc = 0;
    return true;
  }
}
