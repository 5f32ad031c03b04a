import * as core from '@actions/core';
import type { AtlasClient, AvailableProject } from './atlas-client.js';
import type { Settings } from './settings.js';
import type { SourceClient, SourceLinkState } from './source-client.js';
import { waitForSync, type Clock } from './wait-for-sync.js';

export interface Clients {
  source: SourceClient;
  /** Present when Atlas credentials and atlas-org-id are given. */
  atlas?: AtlasClient;
}

export interface Outcome {
  status: SourceLinkState;
  changed: boolean;
  linkToken?: string;
  tokenCreated: boolean;
  availableProjects?: AvailableProject[];
}

export async function execute(settings: Settings, clients: Clients, clock?: Clock): Promise<Outcome> {
  switch (settings.command) {
    case 'link':
      return link(settings, clients, clock);
    case 'status':
      return status(settings, clients, clock);
    case 'unlink':
      return unlink(clients);
  }
}

async function link(settings: Settings, clients: Clients, clock?: Clock): Promise<Outcome> {
  // Every link with Atlas credentials calls Atlas next (a token, or the available projects), so
  // its authentication round trip overlaps the source's status read.
  const [before] = await Promise.all([clients.source.status(), clients.atlas?.prepare()]);
  core.info(`Source organization ${settings.source.orgId}: link status ${before}.`);
  if (before === 'SYNCED' && !settings.force) {
    core.info("Already SYNCED: no token created, nothing changed (set force: 'true' to relink).");
    return { status: before, changed: false, tokenCreated: false, linkToken: settings.linkToken, ...(await projects(clients, before)) };
  }
  let linkToken = settings.linkToken;
  const tokenCreated = linkToken === undefined;
  if (linkToken === undefined) {
    // The input helper guarantees Atlas credentials when no link-token is given.
    linkToken = await (clients.atlas as AtlasClient).createLinkToken(settings.accessListIps);
    core.info(
      `Created a link token in Atlas organization ${settings.atlas.orgId} with ${settings.accessListIps.length} access-list entr${settings.accessListIps.length === 1 ? 'y' : 'ies'}.`,
    );
  }
  let state: SourceLinkState = await clients.source.connect(linkToken);
  core.info(`Connected the source organization: it reports ${state}.`);
  if (settings.waitForSyncSeconds > 0) state = await waitForSync(clients.source, settings.waitForSyncSeconds, state, clock);
  return { status: state, changed: true, tokenCreated, linkToken, ...(await projects(clients, state)) };
}

async function status(settings: Settings, clients: Clients, clock?: Clock): Promise<Outcome> {
  let state = await clients.source.status();
  core.info(`Source organization ${settings.source.orgId}: link status ${state}.`);
  if (settings.waitForSyncSeconds > 0) state = await waitForSync(clients.source, settings.waitForSyncSeconds, state, clock);
  return { status: state, changed: false, tokenCreated: false, ...(await projects(clients, state)) };
}

async function unlink(clients: Clients): Promise<Outcome> {
  const sourceRemoved = await clients.source.disconnect();
  core.info(sourceRemoved ? 'Removed the migration link on the source.' : 'The source has no migration link (already removed).');
  let atlasRemoved = false;
  if (clients.atlas) {
    atlasRemoved = await clients.atlas.deleteLinkTokens();
    core.info(atlasRemoved ? 'Deleted the link token in Atlas.' : 'Atlas has no link token (already deleted).');
  }
  return { status: 'UNLINKED', changed: sourceRemoved || atlasRemoved, tokenCreated: false };
}

/** The projects Atlas can now see; a failure here is a warning, the link itself stands. */
async function projects(clients: Clients, state: SourceLinkState): Promise<Pick<Outcome, 'availableProjects'>> {
  if (state !== 'SYNCED' || !clients.atlas) return {};
  try {
    const availableProjects = await clients.atlas.availableProjects();
    core.info(`Atlas sees ${availableProjects.length} project(s) available for migration.`);
    return { availableProjects };
  } catch (err) {
    core.warning(`The link is SYNCED, but listing the available projects failed: ${err instanceof Error ? err.message : String(err)}`);
    return {};
  }
}
