// Runs the action's own run() in this process, against the simulator over loopback, with an
// injected clock: the waits and retries of hours or minutes take no real time. The runner's
// stdout and files are recorded and read as the runner reads them.
import { run } from '../../src/main.js';
import type { Clock } from '../../src/clock.js';
import type { Command } from '../../src/commands/command.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
 * The runner's files, one pair for this test process: @actions/core keeps the summary's path once
 * it has written to it, as the runner's one step a process would. Emptied before each run.
 */
let files: { output: string; summary: string } | undefined;
function runnerFiles(): { output: string; summary: string } {
  if (!files) {
    const dir = mkdtempSync(join(tmpdir(), 'in-process-'));
    files = { output: join(dir, 'output'), summary: join(dir, 'summary') };
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return files;
}

/**
 * Runs the action's run() with `inputs` as the runner would pass them (debug logging on), then
 * checks the run as every bundle run is checked against `sim`: no secret shown, no command the
 * action never issues, no body sent without credentials.
 */
export async function runInProcess(
  inputs: Record<string, string>,
  options: {
    sim: Simulator;
    clock?: Clock;
    env?: Record<string, string>;
    random?: () => number;
    secrets?: string[];
    commands?: ReadonlyArray<Command<unknown>>;
  },
): Promise<ActionRun> {
  const files = runnerFiles();
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env: Record<string, string> = {
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_DEBUG: '1',
    ...inputEnv(inputs),
    ...options.env,
  };
  // The run reads the environment and writes stdout as the runner's process would: both are this
  // process's for the length of the run (the tests of one file run one after another).
  const saved = process.env;
  process.env = { PATH: saved.PATH, HOME: saved.HOME, ...env };
  let stdout = '';
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  const started = performance.now();
  let code: number;
  try {
    await run({ clock: options.clock ?? new FakeClock(), random: options.random, commands: options.commands });
  } finally {
    process.stdout.write = write;
    process.env = saved;
    code = Number(process.exitCode ?? 0);
    process.exitCode = 0;
  }
  const result: ActionRun = {
    code,
    stdout,
    stderr: '',
    ms: performance.now() - started,
    outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    ...parseRunnerStdout(stdout),
  };
  expectSafeRun(result, options.sim, options.secrets);
  return result;
}
