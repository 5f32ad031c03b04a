import { describe, expect, it, vi } from 'vitest';
import { Budget, CancelledError } from '../../src/clock.js';
import { createMigration, readMigration } from '../../src/api/migration-routes.js';
import type { Command } from '../../src/commands/command.js';
import { cancelledReport, runSteps, startReport } from '../../src/commands/run-steps.js';
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
      outputs: [],
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

  it('can be read at any moment: a cancel marks the running step and names the irreversible request in flight', async () => {
    let answer: (value: unknown) => void = () => {};
    const call = vi.fn(() => new Promise((resolve) => (answer = resolve)));
    const ctx = { ...context(), api: { call, prepare: vi.fn() } as never };
    const command = make(() => [
      { title: 'read', calls: [{ route: readMigration }], run: async (s) => void s.done.push('read') },
      {
        title: 'create',
        calls: [{ route: createMigration }],
        run: async (s, c) => {
          await c.api.call(createMigration, { body: {} });
          s.done.push('create');
        },
      },
      { title: 'after', calls: [], run: async (s) => void s.done.push('after') },
    ]);
    const controller = new AbortController();
    const live = startReport(command, settings);
    const running = runSteps(command, settings, { ...ctx, signal: controller.signal }, live);
    await vi.waitFor(() => expect(live.running).toBe(1));
    controller.abort(new CancelledError('SIGINT'));
    const cancelled = cancelledReport(live, 'SIGINT');
    expect(cancelled.steps.map((s) => `${s.title}: ${s.result}${s.note ? ` (${s.note})` : ''}`)).toEqual([
      'read: done',
      'create: failed (stopped: the run was cancelled (SIGINT))',
      'after: not attempted',
    ]);
    const error = cancelled.error as CancelledError;
    expect(error.mayHaveSent(createMigration.name)).toBe(true);
    expect(error.message).toBe(
      `Cancelled by SIGINT: the step stopped. A request to start the migration was in flight: ${createMigration.ifLost}.`,
    );
    // The answer arriving later changes nothing sent: the next step does not run.
    answer({ _id: 'x' });
    const report = await running;
    expect(report.state.done).toEqual(['read', 'create']);
    expect(report.error).toBeInstanceOf(CancelledError);
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('sends nothing once cancelled', async () => {
    const call = vi.fn();
    const ctx = { ...context(), api: { call, prepare: vi.fn() } as never };
    const controller = new AbortController();
    controller.abort(new CancelledError('SIGTERM'));
    const report = await runSteps(
      make(() => [{ title: 'read', calls: [{ route: readMigration }], run: async (_, c) => void (await c.api.call(readMigration, {})) }]),
      settings,
      { ...ctx, signal: controller.signal },
    );
    expect(call).not.toHaveBeenCalled();
    expect(report.error).toBeInstanceOf(CancelledError);
  });
});
