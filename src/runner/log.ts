import { describeError } from '../errors.js';
import type { Runner } from './runner.js';
import { clip, neutralize } from './sanitize.js';
import { SecretSet } from './secrets.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** The log: every line goes through one sanitiser (see `safe`) before the runner sees it. */
export interface Log {
  readonly debugEnabled: boolean;
  debug(text: string): void;
  info(text: string): void;
  annotate(level: AnnotationLevel, text: string, title?: string): void;
  /** Runs `body` inside a collapsible group of the log (no nesting: an inner group is plain). */
  group<T>(title: string, body: () => Promise<T>): Promise<T>;
  /** Registers a secret: masked by the runner from now on, and redacted from our own text. */
  secret(value: string): void;
  /** A link token and the key values inside it. */
  linkToken(value: string): void;
  /** Text from outside, made safe and cut to `max` characters (secrets redacted before the cut). */
  safe(text: string, max?: number): string;
  /** An error in one safe line. */
  describe(err: unknown): string;
}

const LINE_MAX = 4000;
const TITLE_MAX = 200;
/** GitHub shows at most 10 error and 10 warning annotations a step; more are log lines. */
const ANNOTATIONS_PER_LEVEL = 10;

export class RunnerLog implements Log {
  readonly secrets: SecretSet;
  private grouped = false;
  private readonly annotations: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };

  constructor(private readonly runner: Runner) {
    this.secrets = new SecretSet((value) => runner.mask(value));
  }

  get debugEnabled(): boolean {
    return this.runner.debugEnabled;
  }

  safe(text: string, max = LINE_MAX): string {
    // Cut generously first so that a huge text costs little; the final cut is far inside it.
    const head = text.length > max * 4 + 1024 ? text.slice(0, max * 4 + 1024) : text;
    const redacted = this.secrets.redact(head, head !== text);
    const neutral = neutralize(redacted);
    // Only a text neutralize changed (an escape sequence gone, say) can hold a secret anew.
    const safe = neutral === redacted ? neutral : this.secrets.redact(neutral, head !== text);
    return head === text ? clip(safe, max) : clip(safe, max, safe.length + text.length - head.length);
  }

  describe(err: unknown): string {
    return describeError(err, (text, max) => this.safe(text, max));
  }

  debug(text: string): void {
    if (this.debugEnabled) this.runner.debug(this.safe(text));
  }

  info(text: string): void {
    this.runner.info(this.safe(text));
  }

  annotate(level: AnnotationLevel, text: string, title?: string): void {
    this.annotations[level] += 1;
    if (this.annotations[level] > ANNOTATIONS_PER_LEVEL) {
      this.info(`${level === 'error' ? 'Error' : level === 'warning' ? 'Warning' : 'Notice'}: ${text}`);
      return;
    }
    this.runner.annotate(level, this.safe(text), title === undefined ? undefined : this.safe(title, TITLE_MAX));
  }

  async group<T>(title: string, body: () => Promise<T>): Promise<T> {
    if (this.grouped) return body();
    this.grouped = true;
    this.runner.startGroup(this.safe(title, TITLE_MAX));
    try {
      return await body();
    } finally {
      this.runner.endGroup();
      this.grouped = false;
    }
  }

  secret(value: string): void {
    this.secrets.add(value);
  }

  linkToken(value: string): void {
    this.secrets.addLinkToken(value);
  }
}
