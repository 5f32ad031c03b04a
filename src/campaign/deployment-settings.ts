import type { MigrationSettings } from '../settings.js';
import type { DeploymentPlan } from '../inputs/campaign-plan.js';

/** The source credentials, from inputs (secrets), shared by every deployment of a plan. */
export interface SourceLogin {
  username?: string;
  password?: string;
}

/**
 * One deployment of the plan as the migration commands' settings, so validate and create build
 * the same request body as `validate` and `migrate` do.
 */
export function migrationSettingsOf(deployment: DeploymentPlan, login: SourceLogin, migrationId?: string): MigrationSettings {
  return {
    clusterName: deployment.atlasClusterName,
    sourceProjectId: deployment.sourceProjectId,
    sourceClusterName: deployment.sourceClusterName,
    migrationHost: deployment.migrationHost,
    managedAuthentication: deployment.managedAuthentication,
    ...(deployment.managedAuthentication ? {} : { username: login.username, password: login.password }),
    ssl: deployment.ssl,
    caCertificatePath: deployment.caCertificatePath,
    network: deployment.network,
    privateLinkId: deployment.privateLinkId,
    dropDestinationData: deployment.dropDestinationData,
    // Checked against MongoDB's shape when the plan was read (campaign-plan-sharding.ts).
    sharding: deployment.sharding as MigrationSettings['sharding'],
    migrationId,
  };
}
