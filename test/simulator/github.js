// @ts-check
// GitHub's REST API, the part a campaign uses: repositories, contents (compare-and-swap on the
// blob sha), git refs, workflow dispatches, issues and their comments, fine-grained token
// permissions and rate limits.
// Served by the same server under the path prefix GITHUB_PREFIX: the action's GITHUB_API_URL is
// `${url}/github-api`, as on GitHub Enterprise Server where the API has a path (`/api/v3`).
//
// Control API (`sim.github`):
//   addRepository(fullName, { defaultBranch = 'main' })   with one commit on the default branch.
//   addRepository(fullName, { defaultBranch, hasIssues = true })   without issues, the issues API answers 410.
//   addToken(token, { repository?, contents = 'write', actions = 'write', issues = 'write' })   permissions 'none' | 'read' | 'write';
//       repository: the one repository it can see (default: all). An unknown token answers 401.
//   setPermissions(token, { contents?, actions? })
//   addWorkflow(fullName, file, { inputs = {} })   inputs: { name: { required?: boolean } }; dispatches need workflow_dispatch.
//   putFile(fullName, branch, path, text) → sha   as another writer would (a new commit).
//   changeBeforeNextWrite(fullName, branch, path, text)   the race: the next PUT of that file sees it changed first (→ 409).
//   rateLimit({ kind: 'primary' | 'secondary', seconds = 60, times = 1 })   the next requests answer 403 with
//       x-ratelimit-remaining 0 and x-ratelimit-reset (primary) or 429 with retry-after (secondary).
//   file(fullName, branch, path) → { text, sha } | null;  files(fullName?) → [{ repository, branch, path, text, sha }]
//   branches(fullName) → { name: commitSha };  dispatches() → [{ repository, workflow, ref, inputs, at }]
//   issues(fullName) → [{ number, title, body, state, stateReason, labels, comments: [{ id, body }], pullRequest }]
//   addIssue(fullName, { title, body, labels, pullRequest? }) → number   as a person (or a pull request) would.
import { createHash } from 'node:crypto';

export const GITHUB_PREFIX = '/github-api';
export const GITHUB_VERSIONS = ['2022-11-28'];

/** @typedef {'none' | 'read' | 'write'} Access */
/** @typedef {{ repository?: string, contents: Access, actions: Access, issues: Access }} Token */
/** @typedef {{ number: number, title: string, body: string, state: 'open' | 'closed', stateReason: string | null, labels: string[], comments: { id: number, body: string }[], pullRequest: boolean }} Issue */
/** @typedef {{ text: string, sha: string }} File */
/** @typedef {{ defaultBranch: string, branches: Map<string, string>, files: Map<string, File>, workflows: Map<string, { inputs: Record<string, { required?: boolean }> }>, hasIssues: boolean, issues: Issue[] }} Repository */
/** @typedef {{ repository: string, workflow: string, ref: string, inputs: Record<string, unknown>, at: number }} Dispatch */

/** A git blob id, as git computes it. @param {string} text */
export const blobSha = (text) =>
  createHash('sha1')
    .update(`blob ${Buffer.byteLength(text)}\0${text}`)
    .digest('hex');

export class GitHubWorld {
  /** @type {Map<string, Repository>} */ #repos = new Map();
  /** @type {Map<string, Token>} */ #tokens = new Map();
  /** @type {Dispatch[]} */ #dispatches = [];
  /** @type {Map<string, string>} */ #races = new Map();
  /** @type {{ kind: 'primary' | 'secondary', seconds: number, left: number }[]} */ #limits = [];
  #commits = 0;
  #now;

  /** @param {() => number} now */
  constructor(now) {
    this.#now = now;
  }

  now() {
    return this.#now();
  }

  #commit() {
    this.#commits += 1;
    return createHash('sha1').update(`commit ${this.#commits}`).digest('hex');
  }

  /** @param {string} fullName @param {{ defaultBranch?: string, hasIssues?: boolean }} [options] */
  addRepository(fullName, { defaultBranch = 'main', hasIssues = true } = {}) {
    if (!/^[\w.-]+\/[\w.-]+$/.test(fullName)) throw new Error(`Repository names are owner/name, got ${fullName}.`);
    this.#repos.set(fullName, {
      defaultBranch,
      branches: new Map([[defaultBranch, this.#commit()]]),
      files: new Map(),
      workflows: new Map(),
      hasIssues,
      issues: [],
    });
    return this;
  }

  /** @param {string} fullName @param {{ title: string, body?: string, labels?: string[], pullRequest?: boolean }} issue */
  addIssue(fullName, { title, body = '', labels = [], pullRequest = false }) {
    const repo = this.repo(fullName);
    const number = repo.issues.length + 1;
    repo.issues.push({ number, title, body, state: 'open', stateReason: null, labels: [...labels], comments: [], pullRequest });
    return number;
  }

  /** @param {string} fullName */
  issues(fullName) {
    return this.repo(fullName).issues.map((i) => structuredClone(i));
  }

  #comments = 0;
  nextCommentId() {
    this.#comments += 1;
    return this.#comments;
  }

  /** @param {string} token @param {{ repository?: string, contents?: Access, actions?: Access, issues?: Access }} [options] */
  addToken(token, { repository, contents = 'write', actions = 'write', issues = 'write' } = {}) {
    this.#tokens.set(token, { repository, contents, actions, issues });
    return this;
  }

  /** @param {string} token @param {{ contents?: Access, actions?: Access, issues?: Access }} permissions */
  setPermissions(token, permissions) {
    const t = this.#tokens.get(token);
    if (!t) throw new Error('No such token: addToken() first.');
    Object.assign(t, permissions);
    return this;
  }

  /** @param {string} fullName @param {string} file @param {{ inputs?: Record<string, { required?: boolean }> }} [options] */
  addWorkflow(fullName, file, { inputs = {} } = {}) {
    this.repo(fullName).workflows.set(file, { inputs });
    return this;
  }

  /** @param {string} fullName @param {string} branch @param {string} path @param {string} text */
  putFile(fullName, branch, path, text) {
    const repo = this.repo(fullName);
    if (!repo.branches.has(branch)) throw new Error(`No branch ${branch} in ${fullName}.`);
    const sha = blobSha(text);
    repo.files.set(`${branch}\0${path}`, { text, sha });
    repo.branches.set(branch, this.#commit());
    return sha;
  }

  /** @param {string} fullName @param {string} branch @param {string} path @param {string} text */
  changeBeforeNextWrite(fullName, branch, path, text) {
    this.repo(fullName);
    this.#races.set(`${fullName}\0${branch}\0${path}`, text);
    return this;
  }

  /** Applies a race queued for this file, if any (called by the PUT handler first). @param {string} fullName @param {string} branch @param {string} path */
  takeRace(fullName, branch, path) {
    const key = `${fullName}\0${branch}\0${path}`;
    const text = this.#races.get(key);
    if (text === undefined) return false;
    this.#races.delete(key);
    this.putFile(fullName, branch, path, text);
    return true;
  }

  /** @param {{ kind: 'primary' | 'secondary', seconds?: number, times?: number }} limit */
  rateLimit({ kind, seconds = 60, times = 1 }) {
    if (kind !== 'primary' && kind !== 'secondary') throw new Error(`Rate limits are primary or secondary, got ${kind}.`);
    this.#limits.push({ kind, seconds, left: times });
    return this;
  }

  /** The rate limit this request meets, used once. */
  takeRateLimit() {
    const limit = this.#limits.find((l) => l.left > 0);
    if (!limit) return undefined;
    limit.left -= 1;
    return { kind: limit.kind, seconds: limit.seconds };
  }

  /** Rate limits queued and not all used. */
  unusedRateLimits() {
    return this.#limits.filter((l) => l.left > 0).length;
  }

  /** @param {string} fullName @returns {Repository} */
  repo(fullName) {
    const repo = this.#repos.get(fullName);
    if (!repo) throw new Error(`No repository ${fullName}: addRepository() first.`);
    return repo;
  }

  /** @param {string} fullName */
  findRepo(fullName) {
    return this.#repos.get(fullName);
  }

  /** @param {string} token */
  token(token) {
    return this.#tokens.get(token);
  }

  /** @param {Dispatch} dispatch */
  recordDispatch(dispatch) {
    this.#dispatches.push(dispatch);
  }

  /** @param {string} fullName @param {string} branch @param {string} path @returns {File | null} */
  file(fullName, branch, path) {
    const f = this.repo(fullName).files.get(`${branch}\0${path}`);
    return f ? { ...f } : null;
  }

  /** @param {string} [fullName] */
  files(fullName) {
    return [...this.#repos].flatMap(([name, repo]) =>
      fullName && fullName !== name
        ? []
        : [...repo.files].map(([key, f]) => {
            const [branch, path] = key.split('\0');
            return { repository: name, branch, path, text: f.text, sha: f.sha };
          }),
    );
  }

  /** @param {string} fullName */
  branches(fullName) {
    return Object.fromEntries(this.repo(fullName).branches);
  }

  /** @param {string} fullName @param {string} branch @param {string} sha */
  createBranch(fullName, branch, sha) {
    this.repo(fullName).branches.set(branch, sha);
  }

  /** @param {string} fullName @param {string} sha */
  hasCommit(fullName, sha) {
    return [...this.repo(fullName).branches.values()].includes(sha);
  }

  dispatches() {
    return this.#dispatches.map((d) => structuredClone(d));
  }

  /** Every token added: for leak checks. */
  secrets() {
    return [...this.#tokens.keys()];
  }
}
