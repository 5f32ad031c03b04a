import type { MigrationSettings, Settings } from '../settings.js';
import type { MigrationState } from './migration-state.js';

/** The request body of validate and create, version 2024-05-30. */
export function migrationBody(settings: Settings, state: MigrationState): unknown {
  const m: MigrationSettings = settings.migration;
  return {
    source: {
      clusterName: state.sourceClusterName,
      groupId: state.sourceProjectId,
      managedAuthentication: m.managedAuthentication,
      ssl: m.ssl,
      ...(m.managedAuthentication ? {} : { username: m.username, password: m.password }),
      ...(m.caCertificatePath ? { caCertificatePath: m.caCertificatePath } : {}),
    },
    destination: {
      clusterName: m.clusterName,
      groupId: settings.atlas.projectId,
      hostnameSchemaType: m.network,
      ...(m.privateLinkId ? { privateLinkId: m.privateLinkId } : {}),
    },
    migrationHosts: [state.migrationHost],
    dropDestinationData: m.dropDestinationData,
    ...(m.sharding ? { sharding: m.sharding } : {}),
  };
}
