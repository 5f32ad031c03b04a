import type { Log } from './log.js';
import type { Runner } from './runner.js';

/** A text output (made safe on the way out), JSON (its strings made safe), or a secret (masked, passed as is). */
export type OutputValue = string | { json: unknown } | { secret: string } | undefined;

const TEXT_MAX = 1000;

/** Step outputs, through the same sanitiser as the log; each set once (the last value wins). */
export class Outputs {
  private readonly written = new Map<string, string>();

  constructor(
    private readonly runner: Runner,
    private readonly log: Log,
  ) {}

  set(name: string, value: OutputValue): void {
    this.setAll({ [name]: value });
  }

  /** Several outputs in one write. */
  setAll(values: Record<string, OutputValue>): void {
    const pending: Array<[string, string]> = [];
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) continue;
      const text =
        typeof value === 'string'
          ? this.log.safe(value, TEXT_MAX)
          : 'secret' in value
            ? value.secret
            : JSON.stringify(this.safeJson(value.json));
      if (this.written.get(name) === text) continue;
      this.written.set(name, text);
      pending.push([name, text]);
    }
    if (pending.length && !this.runner.setOutputs(pending)) {
      this.log.debug(`GITHUB_OUTPUT is not set: outputs ${pending.map(([n]) => n).join(', ')} not written.`);
    }
  }

  private safeJson(value: unknown): unknown {
    if (typeof value === 'string') return this.log.safe(value, TEXT_MAX);
    if (Array.isArray(value)) return value.map((v) => this.safeJson(v));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [this.log.safe(k, 100), this.safeJson(v)]));
    return value;
  }
}
