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

export type Side = 'Atlas' | 'source';

/** An expected failure talking to Atlas or the source; its message is the whole story. */
export class ApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

/** `wait-for-sync` ran out of time; `lastStatus` is what the source said last. */
export class SyncTimeoutError extends Error {
  constructor(
    message: string,
    readonly lastStatus: string,
  ) {
    super(message);
    this.name = 'SyncTimeoutError';
  }
}

export function isExpectedError(err: unknown): err is InputError | ApiError | SyncTimeoutError {
  return err instanceof InputError || err instanceof ApiError || err instanceof SyncTimeoutError;
}

const HINTS: Record<number, string> = {
  401: 'check the public and private key, and that the runner’s IP address is on the API key’s access list',
  403: 'the API key needs the Organization Owner role in this organization (or the organization requires an IP access list for API keys)',
  404: 'check the organization id, and that the API key belongs to that organization',
  409: 'a live migration is in progress; let it finish or cancel it, then re-run',
  429: 'the API rate limit was hit; wait and re-run, or lower how often the workflow runs',
};

export function hintFor(status: number): string | undefined {
  return HINTS[status];
}
