import type { CampaignPlan } from '../inputs/campaign-plan.js';
import type { CampaignState, DeploymentState } from './state.js';

/** One entry of the `campaign` output. */
export interface CampaignEntry {
  deployment: string;
  phase: string;
  'migration-id': string | null;
  'lag-seconds': number | null;
  'ready-since': string | null;
  'window-closes': string | null;
}

/** One entry of the `ready` output, for a matrix of cutover jobs. */
export interface ReadyEntry {
  deployment: string;
  'migration-id': string;
  'atlas-project-id': string;
  'window-closes': string | null;
}

/** The last lag read, while the migration runs (a finished one has none). */
export function currentLag(d: DeploymentState): number | undefined {
  const running = d.phase === 'syncing' || d.phase === 'ready' || d.phase === 'cutting-over';
  return running ? d.lag.at(-1)?.seconds : undefined;
}

/** The deployments of the plan, in its order, then any the state has that the plan dropped. */
export function campaignOutput(state: CampaignState): CampaignEntry[] {
  return state.deployments.map((d) => ({
    deployment: d.deployment,
    phase: d.phase,
    'migration-id': d.migrationId ?? null,
    'lag-seconds': currentLag(d) ?? null,
    'ready-since': d.readySince ?? null,
    'window-closes': d.windowCloses ?? null,
  }));
}

export function readyOutput(plan: CampaignPlan, state: CampaignState): ReadyEntry[] {
  return state.deployments.flatMap((d) => {
    const planned = plan.deployments.find((p) => p.id === d.deployment);
    if (d.phase !== 'ready' || !d.migrationId || !planned) return [];
    return [
      {
        deployment: d.deployment,
        'migration-id': d.migrationId,
        'atlas-project-id': planned.atlasProjectId,
        'window-closes': d.windowCloses ?? null,
      },
    ];
  });
}
