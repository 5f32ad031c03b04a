import { ApiError } from './errors.js';
import type { RequestSpec, Route, Transport } from './http/transport.js';

export type LinkStatus = 'SYNCED' | 'NOT_SYNCED';
/** What the source says of its link; UNLINKED when it has none. */
export type SourceLinkState = LinkStatus | 'UNLINKED';

const JSON_MEDIA = 'application/json';

export function sourceRoutes(baseUrl: string, orgId: string) {
  const base = `${baseUrl}/api/public/v1.0/orgs/${orgId}/liveExport/migrationLink`;
  return {
    status: { method: 'GET', url: `${base}/status`, operation: 'read the migration link status' },
    connect: { method: 'POST', url: base, operation: 'connect to Atlas with the link token' },
    disconnect: { method: 'DELETE', url: base, operation: 'remove the migration link' },
  } satisfies Record<string, Route>;
}

/** The Cloud Manager / Ops Manager public API v1.0 calls for the migration link. */
export class SourceClient {
  private readonly routes: ReturnType<typeof sourceRoutes>;

  constructor(
    private readonly http: Transport,
    baseUrl: string,
    orgId: string,
  ) {
    this.routes = sourceRoutes(baseUrl, orgId);
  }

  async status(): Promise<SourceLinkState> {
    const spec = this.spec(this.routes.status);
    const reply = await this.http.send(spec);
    if (reply.status === 404) return 'UNLINKED';
    if (reply.status < 200 || reply.status > 299) throw this.http.error(spec, reply);
    return this.readStatus(spec, this.http.parse(spec, reply));
  }

  async connect(linkToken: string): Promise<LinkStatus> {
    const spec = this.spec(this.routes.connect, { linkToken });
    return this.readStatus(spec, await this.http.json(spec));
  }

  /** Removes the link; false when there was none. */
  async disconnect(): Promise<boolean> {
    const spec = this.spec(this.routes.disconnect);
    const reply = await this.http.send(spec);
    if (reply.status >= 200 && reply.status < 300) return true;
    if (reply.status === 404) return false;
    throw this.http.error(spec, reply);
  }

  private readStatus(spec: RequestSpec, body: unknown): LinkStatus {
    const status = (body as { status?: unknown } | null)?.status;
    if (status === 'SYNCED' || status === 'NOT_SYNCED') return status;
    throw new ApiError(
      `source: ${spec.operation}: unexpected status ${JSON.stringify(status)?.slice(0, 40)} (expected SYNCED or NOT_SYNCED).`,
    );
  }

  private spec(route: Route, body?: unknown): RequestSpec {
    const base = { ...route, accept: JSON_MEDIA };
    return body === undefined ? base : { ...base, contentType: JSON_MEDIA, body: JSON.stringify(body) };
  }
}
