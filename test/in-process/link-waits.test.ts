// wait-for-sync on a fake clock shared with the simulator: many polls, no real waiting.
import { afterEach, describe, expect, it } from 'vitest';
import { ATLAS_ORG_ID, linkInputs, SOURCE_ORG_ID, standardSimulator } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';
import { FakeClock, runInProcess } from '../helpers/in-process.js';

let sim: Simulator;
afterEach(() => sim?.close());

async function start() {
  const clock = new FakeClock();
  sim = standardSimulator({ clock });
  return { url: await sim.listen(), clock };
}

describe('wait-for-sync', () => {
  it('on an unlinked source: every poll reads 404, and the organization is proven once, not once a poll', async () => {
    const { url, clock } = await start();
    const run = await runInProcess({ ...linkInputs(url, url), command: 'status', 'wait-for-sync': '60' }, { clock });
    expect(run.code).toBe(1);
    expect(run.errors[0].message).toBe(
      'source: the link did not reach SYNCED within 60 s (wait-for-sync); the last status read was UNLINKED.',
    );
    const polls = sim.requests({ route: 'source.link.status' }).filter((r) => r.auth !== 'none');
    expect(polls.length).toBeGreaterThan(4);
    expect(polls.every((r) => r.status === 404)).toBe(true);
    expect(sim.requests({ route: 'source.org' })).toHaveLength(1);
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(60_000);
  });

  it('a status MongoDB added later is warned about once, however often it is read', async () => {
    const { url, clock } = await start();
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    sim.setStatus(SOURCE_ORG_ID, 'DEGRADED');
    const run = await runInProcess({ ...linkInputs(url, url), command: 'status', 'wait-for-sync': '120' }, { clock });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('DEGRADED');
    expect(sim.requests({ route: 'source.link.status' }).filter((r) => r.auth !== 'none').length).toBeGreaterThan(5);
    expect(run.warnings.filter((w) => w.message.includes('"DEGRADED"'))).toHaveLength(1);
  });
});
