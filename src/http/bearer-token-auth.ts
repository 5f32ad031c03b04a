import type { Log } from '../runner/log.js';
import type { Authenticator } from './auth.js';

/** A fixed bearer token (GitHub's `github-token`): no challenge, nothing to renew. */
export class BearerTokenAuth implements Authenticator {
  constructor(
    private readonly token: string,
    log: Log,
  ) {
    log.secret(token);
  }

  exclusive<T>(send: () => Promise<T>): Promise<T> {
    return send();
  }

  async header(): Promise<string> {
    return `Bearer ${this.token}`;
  }

  /** A 401 means the token is wrong or expired: sending it again changes nothing. */
  renegotiate(): boolean {
    return false;
  }

  async prepare(): Promise<void> {}
}
