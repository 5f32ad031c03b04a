// One body builder for validate/migrate and the campaign: the same deployment gives the same body,
// sharding included, and the source password only where MongoDB reads it.
import { describe, expect, it } from 'vitest';
import { migrationSettingsOf } from '../../src/campaign/deployment-settings.js';
import { parsePlan } from '../../src/inputs/campaign-plan.js';
import { migrationBody } from '../../src/migration-body.js';

const PLAN = `
source-org-id: 6a7b8c9d0e1f2a3b4c5d6e7f
atlas-org-id: 5f1a2b3c4d5e6f7a8b9c0d1e
atlas-project-id: 66a0b1c2d3e4f5a6b7c8d9e0
deployments:
  - source-project-id: 65f000000000000000000001
    source-cluster-name: Project X replica set
    atlas-cluster-name: orders-sharded
    migration-host: mh-1.example.net
    source-managed-authentication: false
    sharding:
      createSupportingIndexes: true
      shardingEntries:
        - database: shop
          collection: orders
          shardCollection:
            key:
              - customerId: 1
`;

describe('the body of validate and create', () => {
  it('is the same for a campaign deployment as for the inputs that name the same deployment', () => {
    const [deployment] = parsePlan(PLAN, 'orders.yml').deployments;
    const login = { username: 'migrator', password: 'Kx7 "q!Lm9' };
    const fromPlan = migrationBody(migrationSettingsOf(deployment, login), deployment.atlasProjectId);
    const sharding = {
      createSupportingIndexes: true,
      shardingEntries: [{ database: 'shop', collection: 'orders', shardCollection: { key: [{ customerId: 1 as const }] } }],
    };
    const fromInputs = migrationBody(
      {
        clusterName: 'orders-sharded',
        sourceProjectId: '65f000000000000000000001',
        sourceClusterName: 'Project X replica set',
        migrationHost: 'mh-1.example.net',
        managedAuthentication: false,
        username: 'migrator',
        password: 'Kx7 "q!Lm9',
        ssl: true,
        network: 'PUBLIC',
        dropDestinationData: false,
        sharding,
      },
      '66a0b1c2d3e4f5a6b7c8d9e0',
    );
    expect(fromPlan).toEqual(fromInputs);
    expect(fromPlan).toMatchObject({
      source: { clusterName: 'Project X replica set', username: 'migrator', password: 'Kx7 "q!Lm9', managedAuthentication: false },
      destination: { clusterName: 'orders-sharded', groupId: '66a0b1c2d3e4f5a6b7c8d9e0', hostnameSchemaType: 'PUBLIC' },
      migrationHosts: ['mh-1.example.net'],
      sharding,
    });
  });

  it('leaves the login out with managed authentication, and sharding out when not given', () => {
    const body = migrationBody(
      { managedAuthentication: true, username: 'x', password: 'y', ssl: true, network: 'PUBLIC', dropDestinationData: false },
      undefined,
    ) as Record<string, Record<string, unknown>>;
    expect(body.source).not.toHaveProperty('password');
    expect(body.source).not.toHaveProperty('username');
    expect(body).not.toHaveProperty('sharding');
  });
});
