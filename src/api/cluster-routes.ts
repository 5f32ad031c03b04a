import { projectAbsent } from './migration-routes.js';
import type { AbsentRoute } from './route.js';
import { array, number, object, optional, orElse, string, type Infer } from './shape.js';

// ClusterDescription20240805 requires nothing; only what the size and version checks need is read.
const hardware = object({ diskSizeGB: optional(number) });
const regionConfig = object({ electableSpecs: optional(hardware) });
const replicationSpec = object({ regionConfigs: orElse(array(regionConfig), () => []) });

const cluster = object({
  name: optional(string),
  mongoDBVersion: optional(string),
  clusterType: optional(string),
  stateName: optional(string),
  // In 2024-08-05 one entry per shard (a replica set has one).
  replicationSpecs: orElse(array(replicationSpec), () => []),
});
export type Cluster = Infer<typeof cluster>;

/** getGroupCluster: the destination cluster, read for its disk and MongoDB version before a validation. A 404 with the project readable: no such cluster. */
export const readCluster: AbsentRoute<Cluster> = {
  name: 'atlas.cluster',
  side: 'atlas',
  method: 'GET',
  path: '/api/atlas/v2/groups/{groupId}/clusters/{clusterName}',
  operation: 'read the destination cluster',
  version: '2024-08-05',
  reply: cluster,
  absent: projectAbsent,
};

/** The cluster's disk in GB, all shards together (each shard's largest electable disk), or undefined when not given. */
export function diskSizeGB(c: Cluster): number | undefined {
  const perShard = c.replicationSpecs.map((spec) => Math.max(0, ...spec.regionConfigs.map((r) => r.electableSpecs?.diskSizeGB ?? 0)));
  const total = perShard.reduce((a, b) => a + b, 0);
  return total > 0 ? total : undefined;
}
