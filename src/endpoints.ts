import type { Params, Side } from './api/route.js';
import type { Settings } from './settings.js';

/** A side's base URL and the placeholders every one of its routes fills; the transports and dry-run both use this. */
export function endpointOf(settings: Settings, side: Side): { baseUrl: string; params: Params } {
  if (side === 'source') return { baseUrl: settings.source.baseUrl, params: { orgId: settings.source.orgId } };
  if (side === 'github') {
    if (!settings.github) throw new Error('no GitHub settings for this call (only the campaign talks to GitHub)');
    return { baseUrl: settings.github.apiUrl, params: { owner: settings.github.owner, repo: settings.github.repo } };
  }
  return {
    baseUrl: settings.atlas.baseUrl,
    params: { orgId: settings.atlas.orgId, groupId: settings.atlas.projectId },
  };
}
