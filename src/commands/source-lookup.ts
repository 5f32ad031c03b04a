import { ABSENT } from '../api/api.js';
import { availableProjects, type AvailableProject } from '../api/organization-routes.js';
import { RefusedError } from '../errors.js';
import type { Settings } from '../settings.js';
import type { Step } from './command.js';
import type { MigrationState } from './migration-state.js';
import { deploymentIn } from './destination-check.js';

/** Fills the source deployment and migration host from the projects Atlas lists, when that leaves exactly one choice. */
export function resolveSourceStep(settings: Settings): Step<MigrationState> {
  return {
    title: 'Find the source deployment among the projects Atlas can migrate',
    calls: [{ route: availableProjects }],
    async run(state, ctx) {
      const answer = await ctx.api.call(availableProjects);
      const items = answer === ABSENT ? [] : answer.items;
      const pick = chooseDeployment(items, state, settings.atlas.orgId);
      // Kept for the size and sharding checks that follow (destination-check.ts).
      const deployment = deploymentIn(items, { ...state, sourceProjectId: pick.projectId, sourceClusterName: pick.clusterName });
      state.sizing = { ...state.sizing, source: deployment };
      const picked: Array<[string, 'sourceProjectId' | 'sourceClusterName' | 'migrationHost', string]> = [
        ['source-project-id', 'sourceProjectId', pick.projectId],
        ['source-cluster-name', 'sourceClusterName', pick.clusterName],
        ['migration-host', 'migrationHost', pick.host],
      ];
      for (const [input, key, value] of picked) {
        if (state[key] === undefined) {
          state[key] = value;
          state.filled.push(`${input}=${value}`);
        }
      }
      if (state.filled.length) {
        ctx.log.annotate(
          'notice',
          `Filled in from the projects Atlas organization ${settings.atlas.orgId} lists: ${state.filled.join(', ')}.`,
          'Inputs filled in',
        );
      }
      return state.filled.length ? `filled in ${state.filled.join(', ')}` : 'all given';
    },
  };
}

function chooseDeployment(
  projects: AvailableProject[],
  s: MigrationState,
  orgId: string | undefined,
): { projectId: string; clusterName: string; host: string } {
  const list = (names: string[]) => `${names.slice(0, 10).join(', ')}${names.length > 10 ? `, and ${names.length - 10} more` : ''}`;
  if (projects.length === 0) {
    const input =
      s.sourceProjectId === undefined ? 'source-project-id' : s.sourceClusterName === undefined ? 'source-cluster-name' : 'migration-host';
    throw new RefusedError(
      `Input '${input}': cannot be filled in: Atlas organization ${orgId} lists no project it can migrate. Is the source linked and SYNCED (run status)? ` +
        'Otherwise give source-project-id, source-cluster-name and migration-host.',
    );
  }
  let candidates = projects.filter((p) => (s.sourceProjectId ? p.projectId === s.sourceProjectId : true));
  if (s.sourceProjectId && candidates.length === 0) {
    throw new RefusedError(
      `Input 'source-project-id': project ${s.sourceProjectId} is not among the projects Atlas can migrate (${list(projects.map((p) => p.projectId)) || 'none'}). Is the link SYNCED?`,
    );
  }
  if (s.sourceClusterName) candidates = candidates.filter((p) => p.deployments.items.some((d) => d.name === s.sourceClusterName));
  if (candidates.length !== 1) {
    const input = s.sourceProjectId ? 'source-cluster-name' : 'source-project-id';
    const found =
      candidates.length === 0
        ? `no project has a deployment named ${s.sourceClusterName}`
        : `${candidates.length} projects could be meant: ${list(candidates.map((p) => `${p.name} (${p.projectId})`))}`;
    throw new RefusedError(
      `Input '${input}': cannot tell which source deployment to migrate: ${found}. Give source-project-id and source-cluster-name.`,
    );
  }
  const project = candidates[0];
  const deployments = project.deployments.items.map((d) => d.name);
  const clusterName = s.sourceClusterName ?? (deployments.length === 1 ? deployments[0] : undefined);
  if (!clusterName) {
    throw new RefusedError(
      `Input 'source-cluster-name': project ${project.projectId} has ${deployments.length} deployments (${list(deployments)}); name one.`,
    );
  }
  if (s.migrationHost && project.migrationHosts.length && !project.migrationHosts.includes(s.migrationHost)) {
    throw new RefusedError(
      `Input 'migration-host': ${s.migrationHost} is not a migration host of project ${project.projectId} (${list(project.migrationHosts)}).`,
    );
  }
  const host = s.migrationHost ?? (project.migrationHosts.length === 1 ? project.migrationHosts[0] : undefined);
  if (!host) {
    throw new RefusedError(
      `Input 'migration-host': project ${project.projectId} has ${project.migrationHosts.length ? `${project.migrationHosts.length} migration hosts (${list(project.migrationHosts)}); name one` : 'no migration host: set one up in Cloud/Ops Manager first'}.`,
    );
  }
  return { projectId: project.projectId, clusterName, host };
}
