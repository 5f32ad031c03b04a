import { oauthRevoke, oauthToken } from '../api/oauth-routes.js';
import type { Clock } from '../clock.js';
import type { Log } from '../runner/log.js';
import type { Authenticator } from './auth.js';
import type { Transport } from './transport.js';

/** Renew a token this long before it expires, so no request goes out with one about to lapse. */
const RENEW_BEFORE_MS = 5 * 60_000;
const DEFAULT_LIFETIME_S = 3600;

interface IssuedToken {
  value: string;
  /** When to fetch a new one: 5 minutes before it expires, half way through a shorter life, never for a lifetime that is not positive. */
  renewAt: number;
}

/**
 * OAuth 2 client credentials: one access token, fetched on first use, renewed (and the old one
 * revoked) only when it would expire during a long wait, and revoked by `revoke()` at the end.
 * The token endpoint is rate limited, so it is never asked twice for nothing.
 */
export class ServiceAccountAuth implements Authenticator {
  private token?: Promise<IssuedToken>;
  private readonly basic: string;

  constructor(
    /** A transport of the same side without authentication of its own. */
    private readonly transport: Transport,
    clientId: string,
    clientSecret: string,
    private readonly clock: Clock,
    private readonly log: Log,
  ) {
    const encoded = Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64');
    log.secret(encoded);
    this.basic = `Basic ${encoded}`;
  }

  exclusive<T>(send: () => Promise<T>): Promise<T> {
    return send();
  }

  async header(): Promise<string> {
    return `Bearer ${(await this.current()).value}`;
  }

  renegotiate(): boolean {
    return false;
  }

  async prepare(): Promise<void> {
    await this.current();
  }

  /** Revokes the token if one was issued; failures are warnings, never the step's outcome. */
  async revoke(): Promise<boolean> {
    const pending = this.token;
    this.token = undefined;
    if (!pending) return false;
    let token: IssuedToken;
    try {
      token = await pending;
    } catch {
      return false;
    }
    return this.revokeToken(token.value);
  }

  private async current(): Promise<IssuedToken> {
    this.token ??= this.fetch();
    const pending = this.token;
    const token = await pending;
    if (this.clock.now() < token.renewAt) return token;
    // Only the first caller to see the old token renews it; the others wait for that renewal.
    if (this.token === pending) this.token = this.renew(token);
    return this.token;
  }

  private async renew(old: IssuedToken): Promise<IssuedToken> {
    const fresh = await this.fetch();
    this.log.info('Renewed the service account access token before it expired, and revoked the old one.');
    await this.revokeToken(old.value);
    return fresh;
  }

  private async fetch(): Promise<IssuedToken> {
    const issued = await this.transport.call(oauthToken, {
      form: { grant_type: 'client_credentials' },
      headers: { Authorization: this.basic },
    });
    this.log.secret(issued.access_token);
    // The lifetime is the server's word: a short one must not make every call fetch a token, and one
    // that is not positive is used until a call is refused.
    const lifetimeMs = (issued.expires_in ?? DEFAULT_LIFETIME_S) * 1000;
    const renewAt = lifetimeMs > 0 ? this.clock.now() + lifetimeMs - Math.min(RENEW_BEFORE_MS, lifetimeMs / 2) : Infinity;
    return { value: issued.access_token, renewAt };
  }

  private async revokeToken(value: string): Promise<boolean> {
    try {
      await this.transport.call(oauthRevoke, {
        form: { token: value, token_type_hint: 'access_token' },
        headers: { Authorization: this.basic },
      });
      return true;
    } catch (err) {
      this.log.annotate('warning', `Could not revoke the service account access token: ${this.log.describe(err)}`);
      return false;
    }
  }
}
