// Runs the action's own run() in this process, against the simulator over loopback, with an
// injected clock: the waits and retries of hours or minutes take no real time. The runner's
// stdout and files are recorded and read as the runner reads them.
import { run } from '../../src/main.js';
import type { Clock } from '../../src/clock.js';
import type { RunnerIO } from '../../src/output/runner.js';
import { parseOutputFile, parseRunnerStdout, type ActionRun } from '../harness/run-action.js';
import { inputEnv } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';
import { expectSafeRun } from './run-action.js';

/** A clock whose sleeps return at once and move its time on; it records every sleep. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private time = Date.now()) {}

  now(): number {
    return this.time;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Runs the action's run() with `inputs` as the runner would pass them (debug logging on), then
 * checks the run as every bundle run is checked against `sim`: no secret shown, no command the
 * action never issues, no body sent without credentials.
 */
export async function runInProcess(
  inputs: Record<string, string>,
  options: { sim: Simulator; clock?: Clock; env?: Record<string, string>; random?: () => number; secrets?: string[] },
): Promise<ActionRun> {
  let stdout = '';
  let code = 0;
  const files: Record<string, string> = { output: '', summary: '' };
  const io: RunnerIO = {
    env: { GITHUB_OUTPUT: 'output', GITHUB_STEP_SUMMARY: 'summary', RUNNER_DEBUG: '1', ...inputEnv(inputs), ...options.env },
    write: (text) => void (stdout += text),
    append: (path, text) => void (files[path] += text),
    setExitCode: (c) => void (code = c),
  };
  const started = performance.now();
  await run({ io, clock: options.clock ?? new FakeClock(), random: options.random });
  const result: ActionRun = {
    code,
    stdout,
    stderr: '',
    ms: performance.now() - started,
    outputs: parseOutputFile(files.output),
    summary: files.summary,
    ...parseRunnerStdout(stdout),
  };
  expectSafeRun(result, options.sim, options.secrets);
  return result;
}
