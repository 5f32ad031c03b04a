import { MIGRATION_CONDITIONS, MIGRATION_SPEC, MIGRATION_TARGET, type InputUse, type Requirements } from '../inputs/declarations.js';
import { checkMigrationSpec } from '../inputs/migration-inputs.js';
import type { Settings } from '../settings.js';

/** The inputs of migration-status and cutover: the destination project and the migration. */
export const WATCH_INPUTS: Record<string, InputUse> = { ...MIGRATION_TARGET, 'migration-id': 'required', 'wait-for': 'optional' };
/** The inputs of validate (and of a migrate that creates). */
export const SPEC_INPUTS: Record<string, InputUse> = { ...MIGRATION_TARGET, ...MIGRATION_SPEC };
export { MIGRATION_CONDITIONS };

/** Atlas credentials and the destination project, for every migration command. */
export function requireTarget(settings: Settings, r: Requirements, command: string): void {
  r.atlasCredentials(`for ${command}`);
  r.need('atlas-project-id', settings.atlas.projectId, 'for the migration commands: the destination Atlas project id');
}

/** What validate, and a migrate that creates, need: the destination cluster, the source deployment, a valid combination. */
export function requireSpec(settings: Settings, r: Requirements): void {
  const m = settings.migration;
  r.need('atlas-cluster-name', m.clusterName, 'for validate and migrate: the destination cluster in atlas-project-id');
  if (!settings.atlas.orgId) {
    const fill = ' (or give atlas-org-id to fill it in from the projects Atlas lists)';
    r.need('source-project-id', m.sourceProjectId, `for validate and migrate: the source Cloud/Ops Manager project id${fill}`);
    r.need('source-cluster-name', m.sourceClusterName, `for validate and migrate: the deployment to migrate${fill}`);
    r.need('migration-host', m.migrationHost, `for validate and migrate: the migration host's name${fill}`);
  }
  checkMigrationSpec(m, r.findings);
  if (m.dropDestinationData) {
    r.findings.note(
      'warning',
      `drop-destination-data is 'true': the migration deletes all data in destination cluster ${m.clusterName} ` +
        `(Atlas project ${settings.atlas.projectId}) before it copies.`,
      'Destination data will be dropped',
    );
  }
}

/** migration-status and cutover: the migration to read. */
export function requireWatch(settings: Settings, r: Requirements, command: string): void {
  requireTarget(settings, r, command);
  r.need('migration-id', settings.migration.migrationId, 'for this command: the migration-id output of migrate');
}
