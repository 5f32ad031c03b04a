import { describe, expect, it, vi } from 'vitest';
import { Budget, CancelledError, systemClock } from '../../src/clock.js';
import { waitUntil } from '../../src/wait.js';
import { DeadlineError, WaitTimeoutError } from '../../src/errors.js';
import { FakeClock } from '../helpers/in-process.js';
import { stubLog } from '../helpers/stub-log.js';

const log = stubLog();

const reads = (values: string[]) => {
  let i = 0;
  return vi.fn(async () => values[Math.min(i++, values.length - 1)]);
};

function wait(clock: FakeClock, values: string[], seconds: number, first?: string, budgetSeconds = 100_000) {
  const read = reads(values);
  const promise = waitUntil(
    {
      goal: 'SYNCED',
      seconds,
      first,
      read,
      done: (v) => v === 'SYNCED',
      show: (v) => v,
      timeout: (last) => `not SYNCED within ${seconds} s; last ${last}`,
      maxIntervalMs: 15_000,
    },
    { clock, budget: new Budget(clock, budgetSeconds, 'test'), log },
  );
  return { promise, read };
}

describe('waitUntil', () => {
  it('polls with a growing interval capped at the maximum until done', async () => {
    const clock = new FakeClock(0);
    const { promise, read } = wait(
      clock,
      ['NOT_SYNCED', 'NOT_SYNCED', 'NOT_SYNCED', 'NOT_SYNCED', 'NOT_SYNCED', 'NOT_SYNCED', 'SYNCED'],
      600,
    );
    expect(await promise).toBe('SYNCED');
    expect(clock.sleeps).toEqual([2000, 3000, 4500, 6750, 10125, 15000]);
    expect(read).toHaveBeenCalledTimes(7);
  });

  it('never sleeps past its end, and names the last value', async () => {
    const clock = new FakeClock(0);
    const { promise } = wait(clock, ['NOT_SYNCED'], 4, 'NOT_SYNCED');
    await expect(promise).rejects.toThrow(new WaitTimeoutError('not SYNCED within 4 s; last NOT_SYNCED'));
    expect(clock.sleeps).toEqual([2000, 2000]);
  });

  it('returns at once when the value given is already done', async () => {
    const clock = new FakeClock(0);
    const { promise, read } = wait(clock, ['NOT_SYNCED'], 10, 'SYNCED');
    expect(await promise).toBe('SYNCED');
    expect(read).not.toHaveBeenCalled();
  });

  it("stops at the step's budget, which the message names", async () => {
    const clock = new FakeClock(0);
    const { promise } = wait(clock, ['NOT_SYNCED'], 600, 'NOT_SYNCED', 5);
    await expect(promise).rejects.toThrow(DeadlineError);
    await expect(promise).rejects.toThrow("The step's time budget of 5 s (test) ran out while waiting for SYNCED.");
  });
});

describe('systemClock.sleep', () => {
  it('ends at once, rejecting with the reason, when its signal aborts', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const sleeping = systemClock.sleep(60_000, controller.signal);
    setTimeout(() => controller.abort(new CancelledError('SIGINT')), 5);
    await expect(sleeping).rejects.toBeInstanceOf(CancelledError);
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(systemClock.sleep(60_000, controller.signal)).rejects.toBeInstanceOf(CancelledError);
  });
});
