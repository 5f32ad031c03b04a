// migration-host is a host name, checked before any request, in process against the simulator:
// a list, a path, white space or an empty label sends nothing (validate, migrate, or a campaign
// whose plan holds it); a host name validates; and a migration host Atlas lists is taken as listed
// (filled in), even one that is not a host name, as the server's answers are not held to the rule.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock, runInProcess } from '../helpers/in-process.js';
import { closeChecked } from '../helpers/scripts.js';
import {
  addCampaignWorld,
  CAMPAIGN_TOKEN,
  campaignEnv,
  campaignInputs,
  campaignPlanText,
  campaignWorkspace,
} from '../simulator/campaign-fixture.js';
import { AVAILABLE_PROJECTS, ATLAS_ORG_ID, migrationInputs, SOURCE_ORG_ID, standardSimulator } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';

let sim: Simulator;
afterEach(() => closeChecked(sim));

async function linkedWorld(options: Parameters<typeof standardSimulator>[0] = {}) {
  sim = standardSimulator({ plan: { validationAfterPolls: 1 }, ...options });
  sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
  return sim.listen();
}

const BAD = ['mh1.example.com,mh2.example.com', 'mh1.example.com/agent', 'mh1 example.com', 'mh1..example.com'];

describe('migration-host', () => {
  for (const command of ['validate', 'migrate'])
    it.each(BAD)(`${command}: %j is refused naming migration-host, with no request`, async (host) => {
      const url = await linkedWorld();
      const run = await runInProcess(migrationInputs(url, { command, 'migration-host': host }), { sim, clock: new FakeClock() });
      expect(run.code).toBe(1);
      expect(run.errors.map((e) => e.message)).toEqual([
        expect.stringMatching(
          /^Input 'migration-host': expected a host name, such as mh-1\.example\.net: .*; got .*: it (contains|has an empty label)/,
        ),
      ]);
      expect(sim.requests()).toEqual([]);
    });

  it('a host name validates, and is sent as given', async () => {
    const url = await linkedWorld();
    const run = await runInProcess(migrationInputs(url, { command: 'validate' }), { sim, clock: new FakeClock() });
    expect(run.code, run.errors.map((e) => e.message).join()).toBe(0);
    const [validate] = sim.requests({ route: 'atlas.migrations.validate' }).filter((r) => r.auth !== 'none');
    expect(JSON.parse(validate.body).migrationHosts).toEqual(['mh-1.example.net']);
  });

  it('a migration host Atlas lists is filled in as listed, even one that is not a host name', async () => {
    const url = await linkedWorld({
      atlas: { availableProjects: [{ ...structuredClone(AVAILABLE_PROJECTS[0]), migrationHosts: ['agent host 7'] }] },
    });
    const run = await runInProcess(migrationInputs(url, { command: 'validate', 'migration-host': '' }), { sim, clock: new FakeClock() });
    expect(run.code, run.errors.map((e) => e.message).join()).toBe(0);
    const [validate] = sim.requests({ route: 'atlas.migrations.validate' }).filter((r) => r.auth !== 'none');
    expect(JSON.parse(validate.body).migrationHosts).toEqual(['agent host 7']);
  });

  it('a campaign whose plan holds a list as migration-host: the plan file and field are named, with no request', async () => {
    sim = standardSimulator();
    addCampaignWorld(sim, ['rs0']);
    const url = await sim.listen();
    const workspace = campaignWorkspace(
      campaignPlanText(['rs0']).replace(/migration-host: .*/, 'migration-host: mh1.example.com,mh2.example.com'),
    );
    try {
      const run = await runInProcess(campaignInputs(url), {
        sim,
        clock: new FakeClock(),
        env: campaignEnv(url, workspace.dir),
        secrets: [CAMPAIGN_TOKEN],
      });
      expect(run.code).toBe(1);
      expect(run.errors.map((e) => e.message).join('\n')).toMatch(
        /^Input 'plan': orders\.yml line \d+, deployments\[0\] \(65f000000000000000000001\/rs0\)\.migration-host: expected a host name.*it contains a comma \(name one migration host\)/,
      );
      expect(sim.requests()).toEqual([]);
    } finally {
      workspace.remove();
    }
  });
});
