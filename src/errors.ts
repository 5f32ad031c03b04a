import type { Side } from './api/route.js';

export interface InputProblem {
  input: string;
  message: string;
}

/** One or more inputs are invalid. Raised before any network call. */
export class InputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map((p) => `Input '${p.input}': ${p.message}`).join('\n'));
    this.name = 'InputError';
  }
}

/** The runner's environment is unusable (a proxy URL, say). Raised before any network call. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Makes text from outside safe and cuts it; the output boundary's `safe`, or identity. */
export type Field = (text: string, max: number) => string;

export interface ApiProblem {
  side: Side;
  operation: string;
  /** Attempts made, counting the first. */
  attempts: number;
  status?: number;
  errorCode?: string;
  detail?: string;
  /** When there was no problem body: what the body was ("an empty body", "a text/html body (136 bytes, not shown)"). */
  body?: string;
  /** A network failure, in words. */
  network?: string;
  /** A 2xx answer whose body was not what the route promised. */
  malformed?: string;
  /** The input a 404 was traced back to, after the organization (or project) itself could not be read. */
  blame?: { input: string; value: string; what: string; status: number; errorCode?: string };
  hint?: string;
  /** The call must not be repeated and may have been done all the same (see Route.ifLost). */
  outcomeUnknown?: boolean;
}

const DETAIL_MAX = 400;

export function sideLabel(side: Side): string {
  return side === 'atlas' ? 'Atlas' : side === 'github' ? 'GitHub' : 'source';
}

/** One line: side, operation, status, errorCode, detail, what the 404 was traced to, and a hint. */
function describeProblem(p: ApiProblem, field: Field): string {
  const tries = p.attempts > 1 ? ` after ${p.attempts} attempts` : '';
  let text = `${sideLabel(p.side)}: ${p.operation}`;
  if (p.malformed) {
    text += `: ${field(p.malformed, DETAIL_MAX)}`;
  } else if (p.network) {
    text += ` failed${tries}: ${field(p.network, DETAIL_MAX)}`;
  } else {
    text += ` failed${tries}: HTTP ${p.status}`;
    if (p.errorCode) text += ` ${field(p.errorCode, 80)}`;
    if (p.detail) text += `: ${field(p.detail, DETAIL_MAX)}`;
    else if (!p.errorCode && p.body) text += ` with ${p.body}`;
  }
  text = sentence(text);
  if (p.blame) {
    const code = p.blame.errorCode ? ` ${field(p.blame.errorCode, 80)}` : '';
    text += ` The ${p.blame.what} ${p.blame.value} named by ${p.blame.input} could not be read either (HTTP ${p.blame.status}${code}).`;
  }
  if (p.hint) text += ` Hint: ${sentence(p.hint)}`;
  return text;
}

export function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** An expected failure talking to Atlas or the source. */
export class ApiError extends Error {
  constructor(readonly problem: ApiProblem) {
    super(describeProblem(problem, (text) => text));
    this.name = 'ApiError';
  }
}

/** A wait ran out of time; the message names the last state read. */
export class WaitTimeoutError extends Error {
  override name = 'WaitTimeoutError';
}

/** The step's own time budget (or a request-timeout) ran out; the message says which and where. */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/** A command refuses to go on, for a reason the message gives (a failed validation, a migration not ready for cutover). */
export class RefusedError extends Error {
  override name = 'RefusedError';
}

export function isExpectedError(
  err: unknown,
): err is InputError | ConfigError | ApiError | WaitTimeoutError | DeadlineError | RefusedError {
  return [InputError, ConfigError, ApiError, WaitTimeoutError, DeadlineError, RefusedError].some((type) => err instanceof type);
}

/** The error in one safe line, for the log, an annotation and the summary. */
export function describeError(err: unknown, field: Field): string {
  if (err instanceof ApiError) return describeProblem(err.problem, field);
  if (isExpectedError(err)) return field(err.message, 2000);
  const message = err instanceof Error ? err.message : String(err);
  return `Unexpected error: ${field(message, DETAIL_MAX)}`;
}
