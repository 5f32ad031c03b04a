// Digest against a server that offers several challenges at once (RFC 7616 §3.7), in separate
// WWW-Authenticate headers: the simulator then accepts each nonce only with its own algorithm.
import { afterEach, describe, expect, it } from 'vitest';
import { closeChecked } from '../helpers/scripts.js';
import { FakeClock, runInProcess } from '../helpers/in-process.js';
import { ATLAS_ORG_ID, migrationInputs, SOURCE_ORG_ID, standardSimulator } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';

let sim: Simulator;
afterEach(() => closeChecked(sim));

async function migrate(digestChallenges: Array<'Basic' | 'MD5' | 'SHA-256'>) {
  const clock = new FakeClock();
  sim = standardSimulator({ clock, digestChallenges, plan: { validationAfterPolls: 0 } });
  sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
  const url = await sim.listen();
  const run = await runInProcess(migrationInputs(url, { command: 'migrate' }), { clock, sim });
  const algorithms = sim
    .requests()
    .filter((r) => r.auth === 'digest')
    .map((r) => /algorithm=([\w-]+)/.exec(String(r.headers.authorization))?.[1]);
  return { run, algorithms };
}

describe('several challenges in several WWW-Authenticate headers', () => {
  for (const offered of [
    ['Basic', 'MD5', 'SHA-256'],
    ['SHA-256', 'Basic', 'MD5'],
  ] as const) {
    it(`${offered.join(', ')}: every request answers the SHA-256 challenge`, async () => {
      const { run, algorithms } = await migrate([...offered]);
      expect(run.code, run.errors.map((e) => e.message).join()).toBe(0);
      expect(algorithms.length).toBeGreaterThan(1);
      expect(new Set(algorithms)).toEqual(new Set(['SHA-256']));
    });
  }

  it('Basic beside MD5: the MD5 digest, never Basic', async () => {
    const { run, algorithms } = await migrate(['Basic', 'MD5']);
    expect(run.code, run.errors.map((e) => e.message).join()).toBe(0);
    expect(new Set(algorithms)).toEqual(new Set(['MD5']));
    expect(sim.requests().filter((r) => r.auth === 'basic')).toEqual([]);
  });
});
