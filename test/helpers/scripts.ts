// Faults and scripted replies of the simulator (sim.fail, sim.respond): a reply made from the real
// one, and the check that a test used every script it queued (one that never fired proved nothing,
// and must not reach the next test).
import { expect } from 'vitest';
import type { Simulator } from '../simulator/index.js';

type Reply = { status: number; body?: unknown };

/** The real service's answer with its JSON body changed; the status and everything else stay what MongoDB would send. */
export const edited =
  (change: (body: Record<string, unknown>) => void) =>
  (_request: unknown, real: () => Reply): Reply => {
    const answer = real();
    const body = structuredClone(answer.body) as Record<string, unknown>;
    change(body);
    return { ...answer, body };
  };

/** Every fault and scripted reply the test queued was used at least once. Clears them. */
export function expectScriptsUsed(sim: Simulator): void {
  const unused = sim.unusedScripts();
  sim.clearScripts();
  expect(unused, 'faults or scripted replies queued but never used').toEqual([]);
}

/** For a simulator per test: checks its scripts were used, then closes it. */
export async function closeChecked(sim: Simulator | undefined): Promise<void> {
  if (!sim) return;
  try {
    expectScriptsUsed(sim);
  } finally {
    await sim.close();
  }
}
