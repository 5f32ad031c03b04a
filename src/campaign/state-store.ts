import { ABSENT, type Api } from '../api/api.js';
import { createBranch, fileText, readBranch, readFile, readRepository, writeFile } from '../api/github-routes.js';
import { ApiError } from '../errors.js';
import { parseState, serializeState, type CampaignState } from './state.js';

/** At most this many compare-and-swap rounds: each lost round means another run wrote in between. */
const MAX_ROUNDS = 5;

/** A file as last read: its text and blob sha (none when absent). */
export interface Versioned {
  text?: string;
  sha?: string;
}

/**
 * The state branch of the workflow's own repository, through the GitHub routes: `<name>.json`
 * (the state) and `<name>.md` (the dashboard). Every write is a compare-and-swap on the sha read
 * before; on a conflict the file is read again and the change DECIDED again on what is there
 * (`change` is called with the fresh state), never replayed blindly. A write whose answer was lost
 * is read back before anything else.
 */
export class StateStore {
  constructor(
    private readonly api: Api,
    readonly branch: string,
    readonly name: string,
  ) {}

  get stateFile(): string {
    return `${this.name}.json`;
  }

  /** `live-migration-state:orders.json`, for messages. */
  get label(): string {
    return `${this.branch}:${this.stateFile}`;
  }

  /** Creates the branch from the default branch's head when it is missing (a concurrent creation is fine). */
  async ensureBranch(): Promise<boolean> {
    if ((await this.api.call(readBranch, { params: { branch: this.branch } })) !== ABSENT) return false;
    const repository = await this.api.call(readRepository);
    const head = await this.api.call(readBranch, { params: { branch: repository.default_branch } });
    if (head === ABSENT) throw new Error(`the default branch ${repository.default_branch} has no commit to start ${this.branch} from`);
    try {
      await this.api.call(createBranch, { body: { ref: `refs/heads/${this.branch}`, sha: head.object.sha } });
    } catch (err) {
      // 422: another run created it first; it is there, which is all this wanted.
      if (!(err instanceof ApiError && err.problem.status === 422)) throw err;
      if ((await this.api.call(readBranch, { params: { branch: this.branch } })) === ABSENT) throw err;
    }
    return true;
  }

  async readText(path: string): Promise<Versioned> {
    const file = await this.api.call(readFile, { params: { path, ref: this.branch } });
    return file === ABSENT ? {} : { text: fileText(file), sha: file.sha };
  }

  /** The state as stored (checked as input: StateError when it cannot be trusted), or undefined before the first write. */
  async read(): Promise<{ state?: CampaignState; version: Versioned }> {
    const version = await this.readText(this.stateFile);
    return { state: version.text === undefined ? undefined : parseState(version.text, this.label), version };
  }

  /**
   * Writes `change(current)` over `current` (as read at `version`); `change` returning undefined,
   * or the same text, writes nothing. Returns the state now stored and whether this call wrote it.
   */
  async update(
    current: { state?: CampaignState; version: Versioned },
    change: (state: CampaignState | undefined) => CampaignState | undefined,
    message: string,
  ): Promise<{ state?: CampaignState; version: Versioned; wrote: boolean }> {
    let base = current;
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const next = change(base.state);
      if (next === undefined) return { ...base, wrote: false };
      const text = serializeState(next);
      if (text === base.version.text) return { ...base, wrote: false };
      const outcome = await this.put(this.stateFile, text, base.version.sha, message);
      if (outcome.written) return { state: next, version: { text, sha: outcome.sha }, wrote: true };
      base = await this.read();
      // A lost answer whose write did land: the file holds exactly what was sent.
      if (outcome.lost && base.version.text === text) return { ...base, wrote: true };
    }
    throw new Error(
      `the state file ${this.label} kept changing under this run (${MAX_ROUNDS} rounds): other runs are writing it; re-run later`,
    );
  }

  /** The dashboard beside the state: written only when its text changed, once (a conflict means another run wrote a newer one). */
  async writeDashboard(text: string, message: string): Promise<boolean> {
    const path = `${this.name}.md`;
    const current = await this.readText(path);
    if (current.text === text) return false;
    return (await this.put(path, text, current.sha, message)).written;
  }

  /** One PUT: written, refused by a newer version (409/422), or lost (the outcome is unknown). */
  private async put(path: string, text: string, sha: string | undefined, message: string) {
    const body = { message, content: Buffer.from(text, 'utf8').toString('base64'), branch: this.branch, ...(sha ? { sha } : {}) };
    try {
      const answer = await this.api.call(writeFile, { params: { path }, body });
      return { written: true as const, sha: answer.content.sha };
    } catch (err) {
      if (err instanceof ApiError && (err.problem.status === 409 || err.problem.status === 422))
        return { written: false as const, lost: false };
      if (err instanceof ApiError && err.problem.outcomeUnknown) return { written: false as const, lost: true };
      throw err;
    }
  }
}
