import * as core from '@actions/core';
import { ApiError } from './errors.js';
import type { RequestSpec, Route, Transport } from './http/transport.js';

export interface AvailableProject {
  projectId: string;
  name: string;
  deployments: unknown[];
  migrationHosts: unknown[];
}

export function atlasRoutes(baseUrl: string, orgId: string) {
  const base = `${baseUrl}/api/atlas/v2/orgs/${orgId}/liveMigrations`;
  return {
    createLinkToken: { method: 'POST', url: `${base}/linkTokens`, operation: 'create the link token' },
    deleteLinkTokens: { method: 'DELETE', url: `${base}/linkTokens`, operation: 'delete the link token' },
    availableProjects: { method: 'GET', url: `${base}/availableProjects`, operation: 'list the projects available for migration' },
  } satisfies Record<string, Route>;
}

/** The Atlas Admin API v2 calls for push live migration. */
export class AtlasClient {
  private readonly routes: ReturnType<typeof atlasRoutes>;
  private readonly media: string;

  constructor(
    private readonly http: Transport,
    baseUrl: string,
    orgId: string,
    apiVersion: string,
  ) {
    this.routes = atlasRoutes(baseUrl, orgId);
    this.media = `application/vnd.atlas.${apiVersion}+json`;
  }

  /** Gets a digest nonce or an OAuth token ahead of the first Atlas call (with a harmless GET). */
  prepare(): Promise<void> {
    return this.http.prepare(this.spec(this.routes.availableProjects));
  }

  /** Creates a token and masks it before returning. */
  async createLinkToken(accessListIps: string[]): Promise<string> {
    const spec = this.spec(this.routes.createLinkToken, { accessListIps });
    const body = (await this.http.json(spec)) as { linkToken?: unknown };
    // The v1.0 example documents a one-element array; the schema says string. Take both.
    const raw = Array.isArray(body.linkToken) && body.linkToken.length === 1 ? body.linkToken[0] : body.linkToken;
    if (typeof raw !== 'string' || raw === '') {
      throw new ApiError(`Atlas: ${spec.operation}: the answer has no linkToken.`);
    }
    core.setSecret(raw);
    return raw;
  }

  /** Deletes the org's link tokens; false when there were none (Atlas answers 404). */
  async deleteLinkTokens(): Promise<boolean> {
    const spec = this.spec(this.routes.deleteLinkTokens);
    const reply = await this.http.send(spec);
    if (reply.status >= 200 && reply.status < 300) return true;
    if (reply.status === 404) return false;
    throw this.http.error(spec, reply);
  }

  async availableProjects(): Promise<AvailableProject[]> {
    const spec = this.spec(this.routes.availableProjects);
    const body = await this.http.json(spec);
    if (!Array.isArray(body)) throw new ApiError(`Atlas: ${spec.operation}: expected a JSON array.`);
    return body as AvailableProject[];
  }

  private spec(route: Route, body?: unknown): RequestSpec {
    return body === undefined
      ? { ...route, accept: this.media }
      : { ...route, accept: this.media, contentType: this.media, body: JSON.stringify(body) };
  }
}
