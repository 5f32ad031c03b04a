import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import { crypto } from '../lazy-crypto.js';

/**
 * Where the runner protocol goes. The action writes workflow commands to stdout and appends to
 * the files GITHUB_OUTPUT and GITHUB_STEP_SUMMARY name; an in-process test records them instead.
 */
export interface RunnerIO {
  env: Record<string, string | undefined>;
  write(text: string): void;
  append(path: string, text: string): void;
  setExitCode(code: number): void;
}

export const processIO: RunnerIO = {
  env: process.env,
  write: (text) => void process.stdout.write(text),
  append: (path, text) => appendFileSync(path, text, 'utf8'),
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

/**
 * GitHub's runner protocol, as documented for workflow commands and environment files: the
 * only code that speaks it. It escapes what the runner decodes; making text safe to show is
 * the caller's job (see log.ts).
 */
export class Runner {
  constructor(private readonly io: RunnerIO) {}

  get debugEnabled(): boolean {
    return this.io.env.RUNNER_DEBUG === '1';
  }

  /** An input as the runner passes it: `INPUT_<NAME>`, spaces as underscores, trimmed. */
  input(name: string): string {
    return (this.io.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
  }

  command(name: string, properties: Record<string, string | undefined>, message: string): void {
    const props = Object.entries(properties)
      .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
      .map(([key, value]) => `${key}=${escapeProperty(value)}`)
      .join(',');
    this.io.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
  }

  line(text: string): void {
    this.io.write(`${text}${EOL}`);
  }

  /** Sets step outputs through GITHUB_OUTPUT, in one write; false when the file is not set (a local run). */
  setOutputs(outputs: Array<[name: string, value: string]>): boolean {
    const file = this.io.env.GITHUB_OUTPUT;
    if (!file) return false;
    const text = outputs.map(([name, value]) => {
      const delimiter = `ghadelimiter_${crypto().randomUUID()}`;
      if (name.includes(delimiter) || value.includes(delimiter)) throw new Error('an output contains its own delimiter');
      return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
    });
    if (text.length) this.io.append(file, text.join(''));
    return true;
  }

  /** Appends to the job summary; false when GITHUB_STEP_SUMMARY is not set. */
  appendSummary(text: string): boolean {
    const file = this.io.env.GITHUB_STEP_SUMMARY;
    if (!file) return false;
    this.io.append(file, text);
    return true;
  }

  fail(): void {
    this.io.setExitCode(1);
  }
}

/**
 * Ends the process once stdout is flushed, rather than when the event loop drains: no socket
 * left open (a hostile proxy's, say) can hold the step, and exit costs about a millisecond less.
 */
export function exitWhenFlushed(): void {
  process.stdout.write('', () => process.exit());
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
