import { ABSENT } from '../api/api.js';
import { diskSizeGB, readCluster } from '../api/cluster-routes.js';
import { availableProjects, type AvailableProject } from '../api/organization-routes.js';
import { ApiError, RefusedError } from '../errors.js';
import type { Settings } from '../settings.js';
import type { Step } from './command.js';
import type { MigrationState, Sizing, SourceDeployment } from './migration-state.js';
import { bytes } from './sizes.js';

/** The deployment named by the state among the projects listed, if there. */
export function deploymentIn(projects: AvailableProject[], state: MigrationState): SourceDeployment | undefined {
  const project = projects.find((p) => p.projectId === state.sourceProjectId);
  return project?.deployments.items.find((d) => d.name === state.sourceClusterName);
}

const GB = 1024 ** 3;

/**
 * The source deployment's size and kind, from the projects Atlas lists, when the source was given
 * rather than looked up and atlas-org-id is given. A failed read only means no comparison.
 */
export function sourceSizeStep(settings: Settings): Step<MigrationState> {
  return {
    title: "Read the source deployment's size from the projects Atlas lists",
    calls: [{ route: availableProjects }],
    skip: {
      when: 'the source was looked up already, or atlas-org-id is not given',
      test: (state) => state.sizing?.source !== undefined || !settings.atlas.orgId,
    },
    soft: (err) => err instanceof ApiError,
    async run(state, ctx) {
      const answer = await ctx.api.call(availableProjects);
      const source = answer === ABSENT ? undefined : deploymentIn(answer.items, state);
      state.sizing = { ...state.sizing, source };
      return source ? `${state.sourceClusterName}: listed` : `${state.sourceClusterName} is not among the deployments listed`;
    },
  };
}

/**
 * Reads the destination cluster (its disk, its MongoDB version). Refuses `sharding` for a sharded
 * source; warns, before anything is started, when the destination's disk is smaller than the
 * source's data.
 */
export function destinationCheckStep(settings: Settings): Step<MigrationState> {
  const name = settings.migration.clusterName as string;
  return {
    title: `Read destination cluster ${name} and compare it with the source`,
    calls: [{ route: readCluster }],
    // An answer this action cannot read only means no comparison; a missing cluster still fails.
    soft: (err) => err instanceof ApiError && err.problem.malformed !== undefined,
    async run(state, ctx) {
      const sizing: Sizing = (state.sizing ??= {});
      const source = sizing.source;
      if (settings.migration.sharding && source?.sharded) {
        throw new RefusedError(
          `Input 'sharding': deployment ${state.sourceClusterName} is a sharded cluster; MongoDB takes sharding only for a replica set ` +
            'migrated into a sharded cluster. Remove sharding (a sharded source keeps its own sharding); nothing was started.',
        );
      }
      const answer = await ctx.api.call(readCluster, { params: { clusterName: name } });
      if (answer === ABSENT) {
        throw new RefusedError(
          `Input 'atlas-cluster-name': Atlas project ${settings.atlas.projectId} has no cluster named ${name} (the project itself reads). ` +
            'Hint: create the destination cluster first, or correct the name; nothing was started.',
        );
      }
      sizing.destination = answer;
      const disk = diskSizeGB(answer);
      if (disk !== undefined && source?.dbSizeBytes !== undefined && disk * GB < source.dbSizeBytes) {
        ctx.log.annotate(
          'warning',
          `Destination cluster ${name} has ${bytes(disk * GB)} of disk, less than the ${bytes(source.dbSizeBytes)} of data in ` +
            `deployment ${state.sourceClusterName}: the migration would run out of space. Scale the cluster's storage up before starting.`,
          'Destination smaller than the source',
        );
      }
      const said = `destination ${name}: ${describe(answer.mongoDBVersion, disk && [disk * GB, 'disk'])}; source ${state.sourceClusterName}: ${
        source
          ? describe(source.mongoDBVersion, source.dbSizeBytes !== undefined && [source.dbSizeBytes, 'data'], source.oplogSizeMB)
          : settings.atlas.orgId
            ? 'not among the deployments Atlas lists'
            : 'not compared (give atlas-org-id to read its size)'
      }`;
      ctx.log.info(`${said}.`);
      return said;
    },
  };
}

/** "MongoDB 7.0.15, 40 GB disk, 990 MB oplog". */
function describe(version: string | undefined, size: [number, string] | false | undefined | 0, oplogMB?: number): string {
  const parts = [`MongoDB ${version ?? 'version not given'}`];
  if (size) parts.push(`${bytes(size[0])} ${size[1]}`);
  if (oplogMB !== undefined) parts.push(`${oplogMB} MB oplog`);
  return parts.join(', ');
}
