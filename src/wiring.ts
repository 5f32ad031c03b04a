import type { Api } from './api/api.js';
import type { Side } from './api/route.js';
import type { Budget, Clock } from './clock.js';
import { endpointOf } from './endpoints.js';
import type { Authenticator } from './http/auth.js';
import { connectionFor, type Connection } from './http/connection.js';
import { BearerTokenAuth } from './http/bearer-token-auth.js';
import { DigestAuth } from './http/digest-auth.js';
import { proxyFor } from './http/proxy-config.js';
import { RetryPolicy } from './http/retry.js';
import { ServiceAccountAuth } from './http/service-account-auth.js';
import { Transport } from './http/transport.js';
import type { Log } from './runner/log.js';
import type { Settings } from './settings.js';

export interface Wiring {
  api: Api;
  /** Revokes a service account's token and closes the connections. */
  close(): Promise<void>;
}

/**
 * One transport per side that has credentials, each with its own authentication, proxy and CA.
 * Proxy settings are read here, before any request, so a bad HTTPS_PROXY fails cleanly.
 */
export function createWiring(settings: Settings, deps: { log: Log; clock: Clock; budget: Budget; random: () => number }): Wiring {
  const { log, clock, budget } = deps;
  const retry = new RetryPolicy(settings.maxRetries, deps.random);
  const connections = new Map<Side, Promise<Connection>>();
  const connectionOf = (side: Side, baseUrl: string, caCertificate?: string) => {
    let connection = connections.get(side);
    if (!connection) {
      const proxy = proxyFor(new URL(baseUrl));
      for (const secret of proxy?.secrets ?? []) log.secret(secret);
      connection = connectionFor(baseUrl, proxy, caCertificate);
      connections.set(side, connection);
    }
    return connection;
  };
  const transport = (side: Side, auth?: Authenticator, caCertificate?: string) => {
    const { baseUrl, params } = endpointOf(settings, side);
    const connection = connectionOf(side, baseUrl, caCertificate);
    return new Transport({
      side,
      baseUrl,
      params,
      connection,
      auth,
      requestTimeoutMs: settings.requestTimeoutSeconds * 1000,
      retry,
      budget,
      clock,
      log,
    });
  };

  const transports: Partial<Record<Side, Transport>> = {};
  const { source, atlas } = settings;
  if (source.credentials)
    transports.source = transport(
      'source',
      new DigestAuth(source.credentials.publicKey, source.credentials.privateKey),
      source.caCertificate,
    );
  let serviceAccount: ServiceAccountAuth | undefined;
  if (atlas.credentials?.kind === 'api-key') {
    transports.atlas = transport('atlas', new DigestAuth(atlas.credentials.publicKey, atlas.credentials.privateKey));
  } else if (atlas.credentials?.kind === 'service-account') {
    serviceAccount = new ServiceAccountAuth(transport('atlas'), atlas.credentials.clientId, atlas.credentials.clientSecret, clock, log);
    transports.atlas = transport('atlas', serviceAccount);
  }

  if (settings.github) transports.github = transport('github', new BearerTokenAuth(settings.github.token, log));

  const sideOf = (side: Side) => {
    const t = transports[side];
    if (!t) throw new Error(`no ${side} credentials for this call`);
    return t;
  };
  return {
    api: {
      call: ((route, args) => sideOf(route.side).call(route, args)) as Api['call'],
      prepare: (side, probe) => sideOf(side).prepare(probe),
    },
    async close() {
      if (serviceAccount && (await serviceAccount.revoke())) log.info('Revoked the service account access token.');
      for (const connection of await Promise.allSettled(connections.values())) {
        if (connection.status === 'fulfilled') connection.value.agent.destroy();
      }
    },
  };
}
