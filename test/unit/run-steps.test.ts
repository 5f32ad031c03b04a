import { describe, expect, it, vi } from 'vitest';
import { Budget } from '../../src/clock.js';
import type { Command } from '../../src/commands/command.js';
import { runSteps } from '../../src/commands/run-steps.js';
import type { Settings } from '../../src/settings.js';
import { FakeClock } from '../helpers/in-process.js';
import { stubLog } from '../helpers/stub-log.js';

describe('runSteps', () => {
  const settings = {} as Settings;
  const make = (steps: Command<{ done: string[] }>['steps']) =>
    ({
      name: 'test',
      title: 't',
      description: 'a test command',
      inputs: {},
      conditions: {},
      require: () => {},
      start: () => ({ done: [] }),
      steps,
      waitSeconds: () => 0,
      report: () => ({ outputs: {}, facts: [], outcome: '', next: [] }),
    }) as Command<{ done: string[] }>;
  const context = () => {
    const clock = new FakeClock(0);
    return {
      api: { call: vi.fn(async () => 'answer'), prepare: vi.fn() } as never,
      log: stubLog(),
      clock,
      budget: new Budget(clock, 10, 'x'),
    };
  };

  it('records done, skipped, failed and not attempted, and stops at the first failure', async () => {
    const report = await runSteps(
      make(() => [
        { title: 'one', calls: [], run: async (s) => void s.done.push('one') },
        { title: 'two', calls: [], skip: { when: 'never needed', test: () => true }, run: async (s) => void s.done.push('two') },
        { title: 'three', calls: [], run: async () => Promise.reject(new Error('boom')) },
        { title: 'four', calls: [], run: async (s) => void s.done.push('four') },
      ]),
      settings,
      context(),
    );
    expect(report.steps.map((s) => `${s.title}: ${s.result}`)).toEqual([
      'one: done',
      'two: skipped',
      'three: failed',
      'four: not attempted',
    ]);
    expect(report.state.done).toEqual(['one']);
    expect((report.error as Error).message).toBe('boom');
  });

  it('goes on after a soft failure, with a warning', async () => {
    const ctx = context();
    const report = await runSteps(
      make(() => [
        { title: 'one', calls: [], soft: () => true, run: async () => Promise.reject(new Error('only a warning')) },
        { title: 'two', calls: [], run: async (s) => void s.done.push('two') },
      ]),
      settings,
      ctx,
    );
    expect(report.error).toBeUndefined();
    expect(report.steps.map((s) => s.result)).toEqual(['failed', 'done']);
    expect(report.state.done).toEqual(['two']);
    expect(ctx.log.annotate).toHaveBeenCalledTimes(1);
    expect(ctx.log.annotate).toHaveBeenCalledWith('warning', 'one failed, and the command goes on: only a warning', 'one');
  });

  it('refuses a call the step does not declare: dry-run cannot drift from what runs', async () => {
    const declared = { name: 'a.declared', side: 'atlas', method: 'GET', path: '/a', operation: 'a', reply: null } as const;
    const other = { ...declared, name: 'b.undeclared', path: '/b' };
    const ctx = context();
    const report = await runSteps(
      make(() => [
        { title: 'declared', calls: [{ route: declared }], run: async (_s, c) => void (await c.api.call(declared)) },
        { title: 'sneaky', calls: [{ route: declared }], run: async (_s, c) => void (await c.api.call(other)) },
      ]),
      settings,
      ctx,
    );
    expect(report.steps.map((s) => s.result)).toEqual(['done', 'failed']);
    expect((report.error as Error).message).toBe("step 'sneaky' calls b.undeclared, which it does not declare");
    expect((ctx.api as unknown as { call: ReturnType<typeof vi.fn> }).call).toHaveBeenCalledTimes(1);
  });
});
