import * as core from '@actions/core';
import { ApiError } from '../errors.js';
import type { Authenticator } from './auth.js';
import type { RequestSpec, Route, Transport } from './transport.js';

const FORM = 'application/x-www-form-urlencoded';
const HINTS = { 401: 'check atlas-client-id and atlas-client-secret, and that the service account is not deleted or expired' };

export function oauthRoutes(baseUrl: string) {
  return {
    token: { method: 'POST', url: `${baseUrl}/api/oauth/token`, operation: 'get a service account access token' },
    revoke: { method: 'POST', url: `${baseUrl}/api/oauth/revoke`, operation: 'revoke the service account access token' },
  } as const;
}

/**
 * OAuth 2 client credentials: one access token per run, fetched on first use, revoked by
 * `revoke()` at the end. The token endpoint is rate limited, so it is never fetched twice.
 */
export class ServiceAccountAuth implements Authenticator {
  private token?: Promise<string>;
  private readonly basic: string;
  private readonly routes: ReturnType<typeof oauthRoutes>;

  constructor(
    private readonly transport: Transport,
    baseUrl: string,
    clientId: string,
    clientSecret: string,
  ) {
    const encoded = Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64');
    core.setSecret(encoded);
    this.basic = `Basic ${encoded}`;
    this.routes = oauthRoutes(baseUrl);
  }

  exclusive<T>(send: () => Promise<T>): Promise<T> {
    return send();
  }

  async header(): Promise<string> {
    return `Bearer ${await this.accessToken()}`;
  }

  renegotiate(): boolean {
    return false;
  }

  async prepare(): Promise<void> {
    await this.accessToken();
  }

  /** True when a token was fetched (and so must be revoked). */
  get used(): boolean {
    return this.token !== undefined;
  }

  accessToken(): Promise<string> {
    this.token ??= this.fetchToken();
    return this.token;
  }

  /** Revokes the token if one was issued; failures are warnings, never the step's outcome. */
  async revoke(): Promise<boolean> {
    if (!this.token) return false;
    let token: string;
    try {
      token = await this.token;
    } catch {
      return false;
    }
    try {
      const spec = this.form(this.routes.revoke, new URLSearchParams({ token, token_type_hint: 'access_token' }));
      const reply = await this.transport.send(spec);
      if (reply.status >= 200 && reply.status < 300) return true;
      core.warning(this.transport.error(spec, reply).message);
    } catch (err) {
      core.warning(err instanceof Error ? err.message : String(err));
    }
    return false;
  }

  private async fetchToken(): Promise<string> {
    const spec = this.form(this.routes.token, new URLSearchParams({ grant_type: 'client_credentials' }));
    const body = (await this.transport.json(spec)) as { access_token?: unknown };
    if (typeof body.access_token !== 'string' || body.access_token === '') {
      throw new ApiError(`Atlas: ${spec.operation}: the answer has no access_token.`);
    }
    core.setSecret(body.access_token);
    return body.access_token;
  }

  private form(route: Route, form: URLSearchParams): RequestSpec {
    return {
      ...route,
      accept: 'application/json',
      contentType: FORM,
      body: form.toString(),
      headers: { Authorization: this.basic },
      hints: HINTS,
    };
  }
}
