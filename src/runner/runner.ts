import * as core from '@actions/core';

/**
 * The runner, spoken through @actions/core: workflow commands on stdout, outputs and the job
 * summary through the files the runner names. Everything handed to it has already passed the
 * sanitising boundary (log.ts, outputs.ts, summary.ts): @actions/core escapes command data, it
 * does not make a server's text safe to show.
 */
export class Runner {
  get debugEnabled(): boolean {
    return core.isDebug();
  }

  mask(value: string): void {
    core.setSecret(value);
  }

  debug(text: string): void {
    core.debug(text);
  }

  info(text: string): void {
    core.info(text);
  }

  annotate(level: 'error' | 'warning' | 'notice', text: string, title?: string): void {
    const properties = title ? { title } : {};
    if (level === 'error') core.error(text, properties);
    else if (level === 'warning') core.warning(text, properties);
    else core.notice(text, properties);
  }

  startGroup(title: string): void {
    core.startGroup(title);
  }

  endGroup(): void {
    core.endGroup();
  }

  /**
   * Step outputs; false when GITHUB_OUTPUT is not set (a local run). @actions/core would then print
   * the retired `::set-output` command, which would put a secret output on stdout.
   */
  setOutputs(outputs: Array<[name: string, value: string]>): boolean {
    if (!process.env.GITHUB_OUTPUT) return false;
    for (const [name, value] of outputs) core.setOutput(name, value);
    return true;
  }

  /** Appends to the job summary; false when GITHUB_STEP_SUMMARY is not set. */
  async appendSummary(text: string): Promise<boolean> {
    if (!process.env.GITHUB_STEP_SUMMARY) return false;
    await core.summary.addRaw(text).write();
    core.summary.emptyBuffer();
    return true;
  }

  fail(): void {
    process.exitCode = core.ExitCode.Failure;
  }
}

/**
 * Ends the process once stdout is flushed, rather than when the event loop drains: no socket
 * left open (a hostile proxy's, say) can hold the step.
 */
export function exitWhenFlushed(): void {
  process.stdout.write('', () => process.exit());
}

/** Ends the process now, as failed: a second signal from the runner, or a cancelled run's report that takes too long. */
export function exitNow(): void {
  process.exit(core.ExitCode.Failure);
}
