import { AtlasClient } from './atlas-client.js';
import type { Clients } from './commands.js';
import { DigestAuth } from './http/digest-auth.js';
import { connectionFor } from './http/connection.js';
import { ServiceAccountAuth } from './http/service-account-auth.js';
import { Transport } from './http/transport.js';
import type { Settings } from './settings.js';
import { SourceClient } from './source-client.js';

export interface Wiring extends Clients {
  /** Set for service accounts: its token must be revoked at the end. */
  serviceAccount?: ServiceAccountAuth;
}

/** One transport per side, each with its own credentials, proxy and CA. */
export function createClients(settings: Settings): Wiring {
  const common = { timeoutMs: settings.requestTimeoutSeconds * 1000, maxRetries: settings.maxRetries };
  const { source, atlas } = settings;
  const sourceTransport = new Transport({
    ...common,
    side: 'source',
    connection: connectionFor(source.baseUrl, common.timeoutMs, source.caCertificate),
    auth: new DigestAuth(source.publicKey, source.privateKey),
  });
  const wiring: Wiring = { source: new SourceClient(sourceTransport, source.baseUrl, source.orgId) };
  if (!atlas.credentials || !atlas.orgId) return wiring;

  const connection = connectionFor(atlas.baseUrl, common.timeoutMs);
  let auth;
  if (atlas.credentials.kind === 'api-key') {
    auth = new DigestAuth(atlas.credentials.publicKey, atlas.credentials.privateKey);
  } else {
    const { clientId, clientSecret } = atlas.credentials;
    auth = new ServiceAccountAuth(new Transport({ ...common, side: 'Atlas', connection }), atlas.baseUrl, clientId, clientSecret);
    wiring.serviceAccount = auth;
  }
  const atlasTransport = new Transport({ ...common, side: 'Atlas', connection, auth });
  wiring.atlas = new AtlasClient(atlasTransport, atlas.baseUrl, atlas.orgId, atlas.apiVersion);
  return wiring;
}
