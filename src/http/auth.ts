import type { WireReply } from './exchange.js';

/** How a transport authenticates: digest (API keys) or bearer (service accounts). */
export interface Authenticator {
  /** Runs one request and its challenge round; digest runs them one at a time per key. */
  exclusive<T>(send: () => Promise<T>): Promise<T>;
  /** The Authorization header for the next attempt, if the scheme has one yet. */
  header(method: string, url: string): Promise<string | undefined>;
  /**
   * After a 401: whether to send the request once more with a fresh header. Throws
   * UnsupportedChallenge when the server asks only for a form of the scheme this action lacks.
   */
  renegotiate(challenge: string | null, sentHeader: boolean): boolean;
  /**
   * Gets credentials ready before the first call, so that work can overlap other requests:
   * a digest nonce (`probe` sends one unauthenticated request) or an OAuth token.
   */
  prepare(probe: () => Promise<{ headers: { get(name: string): string | null } }>): Promise<void>;
}

/** The server's challenge asks for something this action cannot answer (`qop=auth-int` only, an unknown algorithm). */
export class UnsupportedChallenge extends Error {
  override name = 'UnsupportedChallenge';
  /** The 401 that carried it, set by the handshake. */
  reply?: WireReply;
}
