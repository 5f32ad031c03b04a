// The commands × inputs table (src/inputs/command-inputs.js, the README's table) says what the
// input helper does: taking a `required` input away from a complete set of inputs is refused
// naming it, and taking an `optional` one away is not.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { InputError } from '../../src/errors.js';
import { COMMANDS } from '../../src/commands/registry.js';

const COMMAND_INPUTS: Record<string, Record<string, string>> = Object.fromEntries(COMMANDS.map((c) => [c.name, c.inputs]));
import { readSettings } from '../../src/inputs/input-helper.js';
import { ATLAS_KEY, ATLAS_ORG_ID, SOURCE_KEY, SOURCE_ORG_ID } from '../simulator/fixture.js';

const ATLAS = {
  'atlas-org-id': ATLAS_ORG_ID,
  'atlas-public-key': ATLAS_KEY.publicKey,
  'atlas-private-key': ATLAS_KEY.privateKey,
  'atlas-base-url': 'https://cloud.mongodb.com',
};
const SOURCE = {
  'source-org-id': SOURCE_ORG_ID,
  'source-public-key': SOURCE_KEY.publicKey,
  'source-private-key': SOURCE_KEY.privateKey,
  'source-base-url': 'https://opsmanager.example.com:8443',
};
const MIGRATION = {
  ...ATLAS,
  'atlas-project-id': '65f0000000000000000000aa',
  'atlas-cluster-name': 'target-cluster',
  'source-project-id': '65f000000000000000000001',
  'source-cluster-name': 'rs0',
  'migration-host': 'mh-1.example.net',
  'source-ssl': 'true',
  'destination-network': 'PUBLIC',
  'drop-destination-data': 'false',
  'wait-for': '60',
};
const WATCH = { ...ATLAS, 'atlas-project-id': '65f0000000000000000000aa', 'migration-id': '65f0000000000000000000bb', 'wait-for': '60' };

/** A complete set of inputs for each command (and `migrate` resuming by id), every input it reads that is not conditional. */
const COMPLETE: Array<[command: string, inputs: Record<string, string>, label?: string]> = [
  ['link', { ...ATLAS, ...SOURCE, 'access-list-ips': '203.0.113.7', force: 'false', 'wait-for-sync': '0' }],
  ['status', { ...ATLAS, ...SOURCE, 'wait-for-sync': '0' }],
  ['unlink', { ...ATLAS, ...SOURCE }],
  ['validate', MIGRATION],
  ['migrate', MIGRATION],
  // Resuming: migration-id stands in for the inputs that create, so it is not optional here.
  ['migrate', WATCH, 'migrate with migration-id'],
  ['migration-status', WATCH],
  ['cutover', WATCH],
  [
    'campaign',
    {
      ...ATLAS,
      plan: 'migration/orders.yml',
      'state-branch': 'live-migration-state',
      'github-token': 'ghs_x',
      'cutover-workflow': 'cutover.yml',
      'wait-for': '60',
    },
  ],
];

const problemsWithout = (command: string, inputs: Record<string, string>, name: string) => {
  const rest = Object.fromEntries(Object.entries({ ...inputs, command }).filter(([n]) => n !== name));
  try {
    readSettings((n) => rest[n] ?? '', COMMANDS);
    return [];
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return err.problems.map((p) => p.input);
  }
};

describe('the commands × inputs table matches what the input helper requires', () => {
  // The campaign reads the workflow's repository from the environment, as the runner sets it.
  beforeAll(() => {
    const workspace = mkdtempSync(join(tmpdir(), 'plan-ws-'));
    mkdirSync(join(workspace, 'migration'));
    writeFileSync(
      join(workspace, 'migration', 'orders.yml'),
      `source-org-id: ${SOURCE_ORG_ID}\natlas-org-id: ${ATLAS_ORG_ID}\natlas-project-id: 65f0000000000000000000aa\n` +
        'deployments:\n  - source-project-id: 65f000000000000000000001\n    source-cluster-name: rs0\n    atlas-cluster-name: a\n',
    );
    vi.stubEnv('GITHUB_WORKSPACE', workspace);
    vi.stubEnv('GITHUB_REPOSITORY', 'octo-org/migrations');
    vi.stubEnv('GITHUB_API_URL', 'https://api.github.com');
  });

  for (const [command, inputs, label = command] of COMPLETE) {
    const uses = COMMAND_INPUTS[command] as Record<string, string>;

    it(`${label}: the complete set reads, and holds every input the table calls required`, () => {
      expect(problemsWithout(command, inputs, '')).toEqual([]);
      const required = Object.keys(uses).filter((n) => uses[n] === 'required');
      expect(required.filter((n) => !(n in inputs))).toEqual([]);
    });

    for (const name of Object.keys(inputs).filter((n) => uses[n] === 'required')) {
      it(`${label}: without ${name}, refused naming it`, () => {
        expect(problemsWithout(command, inputs, name)).toContain(name);
      });
    }

    for (const name of Object.keys(inputs).filter(
      (n) => uses[n] === 'optional' && !(label === 'migrate with migration-id' && n === 'migration-id'),
    )) {
      it(`${label}: without ${name}, still reads`, () => {
        expect(problemsWithout(command, inputs, name)).toEqual([]);
      });
    }
  }

  it('every required input of every command is taken away at least once above', () => {
    const covered = new Set(COMPLETE.flatMap(([command, inputs]) => Object.keys(inputs).map((n) => `${command}:${n}`)));
    const required = Object.entries(COMMAND_INPUTS).flatMap(([command, uses]) =>
      Object.entries(uses as Record<string, string>)
        .filter(([, use]) => use === 'required')
        .map(([n]) => `${command}:${n}`),
    );
    expect(required.filter((r) => !covered.has(r))).toEqual([]);
  });
});
