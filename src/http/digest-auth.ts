import { randomBytes } from 'node:crypto';
import DigestClient from 'digest-fetch';
import nodeFetchIsNotBundled from '../shims/node-fetch.js';
import type { Authenticator } from './auth.js';

// digest-fetch computes the RFC 7616 header; its own fetch loop is not used because it never
// resets the nonce count on a new nonce, ignores `stale`, and races counts between requests.
class NonceCountedDigest extends DigestClient {
  // Its fetch loop must never run: the transport sends every request.
  override async getClient(): Promise<never> {
    return nodeFetchIsNotBundled();
  }

  override makeNonce(): string {
    return randomBytes(16).toString('hex');
  }
}

export class DigestAuth implements Authenticator {
  private readonly client: NonceCountedDigest;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(publicKey: string, privateKey: string) {
    this.client = new NonceCountedDigest(publicKey, privateKey, { algorithm: 'MD5' });
  }

  exclusive<T>(send: () => Promise<T>): Promise<T> {
    const run = this.queue.then(send, send);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async header(method: string, url: string): Promise<string | undefined> {
    if (!this.client.hasAuth) return undefined;
    this.client.digest.nc += 1;
    const options = this.client.addAuth(url, { method, headers: {} }) as { headers: { Authorization: string } };
    return options.headers.Authorization;
  }

  prepare(probe: () => Promise<{ headers: { get(name: string): string | null } }>): Promise<void> {
    return this.exclusive(async () => {
      if (this.client.hasAuth) return;
      const reply = await probe();
      this.renegotiate(reply.headers.get('www-authenticate'), false);
    });
  }

  renegotiate(challenge: string | null, sentHeader: boolean): boolean {
    if (!challenge || !/^Digest\s/i.test(challenge)) return false;
    const stale = /stale="?true"?/i.test(challenge);
    const freshNonceRejected = sentHeader && this.client.digest.nc === 1 && !stale;
    if (freshNonceRejected) {
      this.client.hasAuth = false;
      return false;
    }
    this.client.parseAuth(challenge);
    this.client.digest.nc = 0;
    return true;
  }
}
