// The campaign plan: read with the yaml package, every problem named by file, line, entry and
// field; secrets refused without being shown; and the shipped JSON Schema agreeing with the validator.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InputError } from '../../src/errors.js';
import { migrationSettingsOf } from '../../src/campaign/deployment-settings.js';
import { DEFAULTS_KEYS, DEPLOYMENT_KEYS, TOP_LEVEL_KEYS } from '../../src/inputs/campaign-plan-keys.js';
import { parsePlan, PlanError, readPlan } from '../../src/inputs/campaign-plan.js';
import { schemaErrors, type JsonSchema } from '../helpers/json-schema.js';

const GOOD = `source-org-id: 6a7b8c9d0e1f2a3b4c5d6e7f     # one source organization per plan
atlas-org-id: 5f1a2b3c4d5e6f7a8b9c0d1e
atlas-project-id: 66a0b1c2d3e4f5a6b7c8d9e0  # default destination project
defaults:
  destination-network: PUBLIC
deployments:
  - source-project-id: 65f000000000000000000001
    source-cluster-name: rs0
    atlas-cluster-name: orders-rs0
    migration-host: mh-1.example.net
  - source-project-id: 65f000000000000000000001
    source-cluster-name: rs1
    atlas-cluster-name: orders-rs1
`;

function problems(text: string, file = 'plans/orders.yml'): string[] {
  try {
    parsePlan(text, file);
  } catch (err) {
    expect(err).toBeInstanceOf(PlanError);
    expect(err).toBeInstanceOf(InputError);
    return (err as PlanError).problems.map((p) => {
      expect(p.input).toBe('plan');
      return p.message;
    });
  }
  throw new Error('the plan was accepted');
}

describe('a good plan', () => {
  it("reads issue 20's example: ids, order, defaults and the plan's project applied", () => {
    const plan = parsePlan(GOOD, 'plans/orders.yml');
    expect(plan).toMatchObject({ name: 'orders', sourceOrgId: '6a7b8c9d0e1f2a3b4c5d6e7f', atlasOrgId: '5f1a2b3c4d5e6f7a8b9c0d1e' });
    expect(plan.deployments.map((d) => [d.id, d.index, d.atlasClusterName, d.atlasProjectId, d.migrationHost, d.network])).toEqual([
      ['65f000000000000000000001/rs0', 0, 'orders-rs0', '66a0b1c2d3e4f5a6b7c8d9e0', 'mh-1.example.net', 'PUBLIC'],
      ['65f000000000000000000001/rs1', 1, 'orders-rs1', '66a0b1c2d3e4f5a6b7c8d9e0', undefined, 'PUBLIC'],
    ]);
    expect(plan.deployments[0]).toMatchObject({
      managedAuthentication: true,
      ssl: true,
      dropDestinationData: false,
      attempt: 1,
      skip: false,
    });
  });

  it('reads the same plan as JSON, an entry overriding defaults, and the resolution fields', () => {
    const json = JSON.stringify({
      'source-org-id': '6a7b8c9d0e1f2a3b4c5d6e7f',
      'atlas-org-id': '5f1a2b3c4d5e6f7a8b9c0d1e',
      defaults: { 'atlas-project-id': '66a0b1c2d3e4f5a6b7c8d9e0', 'source-ssl': false },
      deployments: [
        {
          'source-project-id': '65F000000000000000000001',
          'source-cluster-name': 'rs0',
          'atlas-cluster-name': 'a',
          'source-ssl': true,
          'destination-network': 'PRIVATE_LINK',
          'private-link-id': '77a0b1c2d3e4f5a6b7c8d9e0',
          sharding: {
            createSupportingIndexes: true,
            shardingEntries: [{ database: 'd', collection: 'c', shardCollection: { key: [{ a: 1 }] } }],
          },
          attempt: 2,
          'migration-id': '88a0b1c2d3e4f5a6b7c8d9e0',
        },
        { 'source-project-id': '65f000000000000000000001', 'source-cluster-name': 'rs1', 'atlas-cluster-name': 'b', skip: true },
      ],
    });
    const [a, b] = parsePlan(json, 'fleet.json').deployments;
    expect(a).toMatchObject({
      id: '65f000000000000000000001/rs0',
      ssl: true,
      network: 'PRIVATE_LINK',
      attempt: 2,
      adoptMigrationId: '88a0b1c2d3e4f5a6b7c8d9e0',
    });
    expect(a.sharding).toMatchObject({ createSupportingIndexes: true });
    expect(b).toMatchObject({ ssl: false, skip: true, atlasProjectId: '66a0b1c2d3e4f5a6b7c8d9e0' });
  });
});

describe('a bad plan: file, line, entry, field, what is wrong and what is right', () => {
  const cases: Array<[string, string, RegExp]> = [
    [
      'a quoted boolean',
      GOOD.replace('migration-host: mh-1.example.net', 'source-ssl: "yes"'),
      /^plans\/orders\.yml line 10, deployments\[0\] \(65f000000000000000000001\/rs0\)\.source-ssl: expected true or false .*; got "yes"$/,
    ],
    [
      'an id YAML reads as a number',
      GOOD.replace('65f000000000000000000001', '650000000000000000000001'),
      /line 7, deployments\[0\]\.source-project-id: .*write it in quotes/,
    ],
    [
      'an unknown key, with the near one',
      GOOD.replace('migration-host', 'migration_host'),
      /line 10, deployments\[0\] \(65f000000000000000000001\/rs0\)\.migration_host: unknown key "migration_host" .*did you mean migration-host\?/,
    ],
    [
      'a duplicated deployment',
      GOOD.replace('rs1', 'rs0'),
      /line 11, deployments\[1\] \(65f000000000000000000001\/rs0\): the same deployment as deployments\[0\]/,
    ],
    [
      'a missing required field',
      GOOD.replace('    atlas-cluster-name: orders-rs1\n', ''),
      /line 11, deployments\[1\] \(65f000000000000000000001\/rs1\)\.atlas-cluster-name: is required/,
    ],
    [
      'a bad enum in defaults',
      GOOD.replace('PUBLIC', 'PUBLICK'),
      /line 5, defaults\.destination-network: expected one of PUBLIC, PRIVATE_LINK, VPC_PEERING; got "PUBLICK"/,
    ],
    [
      'an identity key in defaults',
      GOOD.replace('  destination-network: PUBLIC', '  atlas-cluster-name: x'),
      /line 5, defaults\.atlas-cluster-name: unknown key/,
    ],
    [
      'PRIVATE_LINK without its id',
      GOOD.replace('PUBLIC', 'PRIVATE_LINK'),
      /line 7, deployments\[0\] \(65f000000000000000000001\/rs0\)\.private-link-id: is required when destination-network is PRIVATE_LINK/,
    ],
    [
      'no destination project anywhere',
      GOOD.replace(/^atlas-project-id.*\n/m, ''),
      /line 6, deployments\[0\] \(65f000000000000000000001\/rs0\): has no atlas-project-id/,
    ],
    [
      'a duplicate key',
      GOOD.replace('atlas-org-id', 'source-org-id'),
      /^plans\/orders\.yml line 2: not valid YAML or JSON \(duplicate key\)$/,
    ],
    ['no deployments', GOOD.replace(/deployments:[\s\S]*/, 'deployments: []\n'), /line 6, deployments: expected at least one deployment/],
    [
      'an attempt of 0',
      GOOD.replace('migration-host: mh-1.example.net', 'attempt: 0'),
      /deployments\[0\] .*\.attempt: expected a whole number of 1 to 100; got number 0/,
    ],
    [
      'a loose sharding key',
      GOOD.replace('migration-host: mh-1.example.net', 'sharding: { shardingEntry: [] }'),
      /\.sharding: unknown key in sharding/,
    ],
    ['not a mapping', '- a\n- b\n', /^plans\/orders\.yml line 1: expected a mapping/],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    const found = problems(text);
    expect(
      found.some((p) => expected.test(p)),
      found.join('\n'),
    ).toBe(true);
  });

  it('every problem at once, not only the first', () => {
    const text = GOOD.replace('PUBLIC', 'PUBLICK')
      .replace('rs1', 'rs0')
      .replace('source-cluster-name: rs0\n    atlas', 'source-cluster-name: rs0\n    source-ssl: 1\n    atlas');
    expect(problems(text).length).toBeGreaterThanOrEqual(3);
  });

  it('a plan name that cannot name the state file', () => {
    expect(problems(GOOD, 'plans/my plan.yml')[0]).toMatch(/file name .* names the state file/);
  });

  it('refuses secrets anywhere, naming the key and never showing the value', () => {
    const secret = 'c9f0f895-fb98-4b91-9c5b-6d7e8f9a0b1c';
    for (const [key, where] of [
      ['source-password', 'deployments[0]'],
      ['atlas-private-key', 'defaults'],
      ['githubToken', 'deployments[0].sharding'],
    ]) {
      const text =
        where === 'defaults'
          ? GOOD.replace('  destination-network: PUBLIC', `  destination-network: PUBLIC\n  ${key}: ${secret}`)
          : where === 'deployments[0]'
            ? GOOD.replace('migration-host: mh-1.example.net', `${key}: "${secret}"`)
            : GOOD.replace('migration-host: mh-1.example.net', `sharding: { ${key}: "${secret}" }`);
      const found = problems(text);
      expect(found.join('\n')).not.toContain(secret);
      expect(found.join('\n')).not.toContain(Buffer.from(secret).toString('base64'));
      expect(
        found.some((p) => p.includes(`${where}.${key}: "${key}" looks like a secret`)),
        found.join('\n'),
      ).toBe(true);
    }
  });
});

describe('the plan file in the workspace', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'plan-'));
  mkdirSync(join(workspace, 'plans'));
  writeFileSync(join(workspace, 'plans', 'orders.yml'), GOOD);
  const outside = mkdtempSync(join(tmpdir(), 'outside-'));
  writeFileSync(join(outside, 'evil.yml'), GOOD);
  symlinkSync(join(outside, 'evil.yml'), join(workspace, 'plans', 'link.yml'));

  it('reads a path relative to the workspace', async () => {
    expect((await readPlan(workspace, 'plans/orders.yml')).deployments).toHaveLength(2);
  });

  it.each([
    ['../outside/evil.yml', /inside the workspace|no such file/],
    [join(outside, 'evil.yml'), /inside the workspace/],
    ['plans/link.yml', /inside the workspace/],
    ['plans/missing.yml', /no such file in the workspace.*actions\/checkout/],
    ['plans/orders.txt', /expected a file ending in \.yml, \.yaml, \.json/],
    ['plans', /expected a file ending in/],
  ])('refuses %s', async (path, expected) => {
    const err = await readPlan(workspace, path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlanError);
    expect((err as PlanError).message).toMatch(expected);
  });
});

describe('schema/campaign-plan.schema.json agrees with the validator', () => {
  const schema = JSON.parse(readFileSync(new URL('../../schema/campaign-plan.schema.json', import.meta.url), 'utf8')) as JsonSchema;
  const props = (s: JsonSchema | undefined) => Object.keys(s?.properties ?? {}).sort();

  it('has the same keys at the top, in defaults and in a deployment', () => {
    expect(props(schema)).toEqual([...TOP_LEVEL_KEYS].sort());
    expect(props(schema.properties?.defaults)).toEqual([...DEFAULTS_KEYS].sort());
    expect(props(schema.properties?.deployments?.items)).toEqual([...DEPLOYMENT_KEYS].sort());
  });

  // The validator is stricter in ways JSON Schema does not say here (cross-field rules, duplicates,
  // secrets by name, a destination project from defaults or the top): those cases are left out.
  const variants: Array<[string, string]> = [
    ['good', GOOD],
    [
      'good with every setting',
      GOOD.replace(
        'migration-host: mh-1.example.net',
        'source-ssl: false\n    drop-destination-data: true\n    attempt: 3\n    skip: false',
      ),
    ],
    ['bad boolean', GOOD.replace('migration-host: mh-1.example.net', 'source-ssl: "yes"')],
    ['bad id', GOOD.replace('6a7b8c9d0e1f2a3b4c5d6e7f', 'xyz')],
    ['bad host', GOOD.replace('mh-1.example.net', '"mh\\u00011"')],
    ['a list of hosts', GOOD.replace('mh-1.example.net', '"mh-1.example.net,mh-2.example.net"')],
    ['a host with a space', GOOD.replace('mh-1.example.net', '"mh 1"')],
    ['a host with an empty label', GOOD.replace('mh-1.example.net', 'mh-1..example.net')],
    ['an IPv4 host', GOOD.replace('mh-1.example.net', '"10.0.0.5"')],
    ['bad cluster name', GOOD.replace('orders-rs0', 'orders_rs0')],
    ['bad network', GOOD.replace('PUBLIC', 'public')],
    ['unknown key', GOOD.replace('migration-host', 'host')],
    ['unknown top key', `${GOOD}extra: 1\n`],
    ['attempt 0', GOOD.replace('migration-host: mh-1.example.net', 'attempt: 0')],
    ['missing cluster', GOOD.replace('    atlas-cluster-name: orders-rs1\n', '')],
    ['no deployments', GOOD.replace(/deployments:[\s\S]*/, 'deployments: []\n')],
    ['relative CA path', GOOD.replace('migration-host: mh-1.example.net', 'source-ca-certificate-path: ca.pem')],
    ['bad sharding', GOOD.replace('migration-host: mh-1.example.net', 'sharding: { shardingEntries: [{ database: d }] }')],
  ];
  it.each(variants)('%s', (_name, text) => {
    let accepted = true;
    try {
      parsePlan(text, 'orders.yml');
    } catch {
      accepted = false;
    }
    expect(schemaErrors(schema, parse(text)).length === 0).toBe(accepted);
  });
});

describe('a deployment as the migration commands’ settings', () => {
  it('carries every plan setting, and the source login only without managed authentication', () => {
    const [a] = parsePlan(GOOD.replace('migration-host: mh-1.example.net', 'source-managed-authentication: false'), 'o.yml').deployments;
    const [b] = parsePlan(GOOD, 'o.yml').deployments;
    const login = { username: 'u', password: 'p' };
    expect(migrationSettingsOf(a, login)).toMatchObject({
      clusterName: 'orders-rs0',
      sourceClusterName: 'rs0',
      managedAuthentication: false,
      username: 'u',
      password: 'p',
      network: 'PUBLIC',
    });
    expect(migrationSettingsOf(b, login)).not.toHaveProperty('password');
    expect(migrationSettingsOf(b, login, '6a0000000000000000000001').migrationId).toBe('6a0000000000000000000001');
  });
});
