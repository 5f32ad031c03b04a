import type { MigrationSettings } from './settings.js';

/**
 * The request body of validate and create, version 2024-05-30: one builder for the migration
 * commands and the campaign, so both send the same body for the same deployment.
 */
export function migrationBody(m: MigrationSettings, destinationProjectId: string | undefined): unknown {
  return {
    source: {
      clusterName: m.sourceClusterName,
      groupId: m.sourceProjectId,
      managedAuthentication: m.managedAuthentication,
      ssl: m.ssl,
      ...(m.managedAuthentication ? {} : { username: m.username, password: m.password }),
      ...(m.caCertificatePath ? { caCertificatePath: m.caCertificatePath } : {}),
    },
    destination: {
      clusterName: m.clusterName,
      groupId: destinationProjectId,
      hostnameSchemaType: m.network,
      ...(m.privateLinkId ? { privateLinkId: m.privateLinkId } : {}),
    },
    migrationHosts: m.migrationHost ? [m.migrationHost] : [],
    dropDestinationData: m.dropDestinationData,
    ...(m.sharding ? { sharding: m.sharding } : {}),
  };
}
