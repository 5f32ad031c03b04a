import { atlasRoutes } from './atlas-client.js';
import { oauthRoutes } from './http/service-account-auth.js';
import type { Route } from './http/transport.js';
import type { Settings } from './settings.js';
import { sourceRoutes } from './source-client.js';

export interface PlannedCall extends Route {
  /** When the call is made only in some cases. */
  when?: string;
}

/** The calls a command would make, for dry-run: methods, hosts and paths; never a secret. */
export function plan(settings: Settings): PlannedCall[] {
  const source = sourceRoutes(settings.source.baseUrl, settings.source.orgId);
  const { orgId, credentials, baseUrl } = settings.atlas;
  const atlas = orgId && credentials ? atlasRoutes(baseUrl, orgId) : undefined;
  const oauth = credentials?.kind === 'service-account' ? oauthRoutes(baseUrl) : undefined;
  const calls: PlannedCall[] = [];
  const tokenCall = (when?: string): PlannedCall[] => (oauth ? [{ ...oauth.token, when }] : []);
  const poll =
    settings.waitForSyncSeconds > 0 ? [{ ...source.status, when: `repeated until SYNCED, up to ${settings.waitForSyncSeconds} s` }] : [];
  const projects = { ...atlas?.availableProjects, when: 'if SYNCED' } as PlannedCall;
  switch (settings.command) {
    case 'link': {
      const skip = settings.force ? undefined : 'unless the source already reports SYNCED';
      calls.push(source.status, ...tokenCall('alongside the status read'));
      if (atlas && !settings.linkToken) calls.push({ ...atlas.createLinkToken, when: skip });
      calls.push({ ...source.connect, when: skip }, ...poll);
      if (atlas) calls.push(projects);
      break;
    }
    case 'status':
      calls.push(source.status, ...poll);
      if (atlas) calls.push(...tokenCall('if SYNCED'), projects);
      break;
    case 'unlink':
      calls.push(source.disconnect);
      if (atlas) calls.push(...tokenCall(), atlas.deleteLinkTokens);
      break;
  }
  if (oauth && atlas) calls.push({ ...oauth.revoke, when: 'if a token was fetched' });
  return calls;
}

export function describeCall(call: PlannedCall): string {
  const url = new URL(call.url);
  return `${call.method} ${url.host} ${url.pathname}: ${call.operation}${call.when ? ` (${call.when})` : ''}`;
}
