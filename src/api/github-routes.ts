import type { AbsentRoute, Route } from './route.js';
import { matching, object, optional, string, type Infer } from './shape.js';

/**
 * GitHub's REST API, for the campaign's state in the workflow's own repository. The side's
 * params are `owner` and `repo` (from GITHUB_REPOSITORY); the base URL is GITHUB_API_URL, which on
 * GitHub Enterprise Server carries a path (`/api/v3`), so every path here is relative to it.
 */
const VERSION = '2022-11-28';

const READ_HINTS = {
  401: 'github-token is not a valid token (expired, revoked or mistyped): pass the default ${{ github.token }} or a token for this repository',
  403: 'github-token may not read this repository: grant the job `permissions: contents: read` (write to keep the state)',
  404: 'the repository (GITHUB_REPOSITORY) does not exist or github-token cannot see it',
};
const WRITE_HINTS = {
  ...READ_HINTS,
  403: 'github-token may not write to this repository: grant the job `permissions: contents: write` (a branch protection rule may also refuse it)',
};

/** The repository itself: its default branch, and the proof that a 404 under it means "nothing there". */
const repository = object({ default_branch: string, full_name: optional(string) });
export type Repository = Infer<typeof repository>;

export const readRepository: Route<Repository> = {
  name: 'github.repository',
  side: 'github',
  method: 'GET',
  path: '/repos/{owner}/{repo}',
  operation: 'read the repository',
  version: VERSION,
  reply: repository,
  hints: READ_HINTS,
};

/** GitHub answers 404 for a missing file or branch and for a repository the token cannot see. */
const repositoryAbsent = {
  proof: readRepository,
  input: 'github-token',
  param: 'repo',
  what: 'repository',
  hint: 'github-token must be able to read the workflow’s own repository (GITHUB_REPOSITORY): grant the job `permissions: contents: write`',
};

/** A git object id: SHA-1 (40 hexadecimal digits) or SHA-256 (64). */
const GIT_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const gitSha = matching(GIT_SHA, 'a git object id (40 or 64 hexadecimal digits)');

const fileContent = object({
  type: matching(/^file$/, 'a file'),
  sha: gitSha,
  /** Base64 with a newline every 60 characters; `encoding` says so (files over 1 MB come as `none`). */
  content: string,
  encoding: matching(/^base64$/, 'base64 (files over 1 MB are not served inline)'),
});
export type FileContent = Infer<typeof fileContent>;

/** Params: `path` (one segment: `/` would be encoded) and `ref` (the branch, a query value: `/` encoded too). */
export const readFile: AbsentRoute<FileContent> = {
  name: 'github.contents.read',
  side: 'github',
  method: 'GET',
  path: '/repos/{owner}/{repo}/contents/{path}?ref={ref}',
  operation: 'read the state file',
  version: VERSION,
  reply: fileContent,
  hints: READ_HINTS,
  absent: repositoryAbsent,
};

const written = object({ content: object({ sha: gitSha }), commit: object({ sha: gitSha }) });
export type Written = Infer<typeof written>;

/**
 * Creates or replaces a file: a compare-and-swap on the blob `sha` read before (left out only to
 * create). Body: { message, content (base64), sha?, branch }.
 */
export const writeFile: Route<Written> = {
  name: 'github.contents.write',
  side: 'github',
  method: 'PUT',
  path: '/repos/{owner}/{repo}/contents/{path}',
  operation: 'write the state file',
  version: VERSION,
  reply: written,
  hints: {
    ...WRITE_HINTS,
    404: 'the branch or repository is gone, or github-token cannot see it',
    409: 'the file changed since it was read (another run wrote it): read it again and re-apply',
    422: 'the file already exists and the request named no sha, or a stale one: read it again and re-apply',
  },
  // A lost answer may hide a write that happened: the state is read again before anything else.
  ifLost: 'the answer was lost, so the state file may have been written all the same: the next run reads it before acting',
};

const ref = object({ ref: string, object: object({ sha: gitSha }) });
export type GitRef = Infer<typeof ref>;

/** Params: `branch`, a git branch name whose slashes stay literal (`heads/ops/state`; GitHub Enterprise answers 404 to `%2F`). */
export const readBranch: AbsentRoute<GitRef> = {
  name: 'github.ref.read',
  side: 'github',
  method: 'GET',
  path: '/repos/{owner}/{repo}/git/ref/heads/{branch+}',
  operation: 'read the state branch',
  version: VERSION,
  reply: ref,
  hints: READ_HINTS,
  absent: repositoryAbsent,
};

/** Body: { ref: `refs/heads/<branch>`, sha }. A second create of the same branch answers 422 (it exists): read it. */
export const createBranch: Route<GitRef> = {
  name: 'github.ref.create',
  side: 'github',
  method: 'POST',
  path: '/repos/{owner}/{repo}/git/refs',
  operation: 'create the state branch',
  version: VERSION,
  reply: ref,
  hints: {
    ...WRITE_HINTS,
    422:
      'the branch already exists (another run created it), or git refuses the name: not a valid branch name, or it clashes with a branch ' +
      'that is a leading part of it or has it as one (ops and ops/state cannot both exist)',
  },
};

/** Params: `workflowId` (the workflow file name, `cutover.yml`). Body: { ref, inputs }. */
export const dispatchWorkflow: Route<null> = {
  name: 'github.workflow.dispatch',
  side: 'github',
  method: 'POST',
  path: '/repos/{owner}/{repo}/actions/workflows/{workflowId}/dispatches',
  operation: 'dispatch the cutover workflow',
  version: VERSION,
  reply: null,
  hints: {
    ...READ_HINTS,
    403: 'github-token may not start workflows: grant the job `permissions: actions: write`',
    404: 'no workflow file of that name (cutover-workflow) in the repository, or github-token cannot see it',
    422: 'the workflow has no `workflow_dispatch` trigger, or does not declare the inputs deployment and migration-id, or the ref is not a branch',
  },
  ifLost:
    'the answer was lost, so GitHub may have started the cutover workflow all the same: look at its runs in the Actions tab before dispatching it by hand',
};

export const GITHUB_API_VERSION = VERSION;

/** The text of a file read through the contents API (base64, with newlines). */
export function fileText(file: FileContent): string {
  return Buffer.from(file.content.replace(/\s+/g, ''), 'base64').toString('utf8');
}
