import type { Route } from './route.js';
import { array, number, object, optional, string, type Infer } from './shape.js';
import { GITHUB_API_VERSION } from './github-routes.js';

/**
 * GitHub's issues API, for the campaign's inbox: one issue per plan, found by its label and the
 * marker in its body through the issues list (the search API lags behind writes), kept up to
 * date in place. Every status here is a reason to warn, never to stop the campaign's own work.
 */
const HINTS = {
  401: 'github-token is not a valid token (expired, revoked or mistyped)',
  403: 'github-token may not write issues: grant the job `permissions: issues: write` (the inbox is then kept; the campaign goes on without it)',
  404: 'the repository (GITHUB_REPOSITORY) does not exist, github-token cannot see it, or the issue is gone',
  410: 'issues are turned off in this repository: turn them on in its settings, or leave inbox-label out',
  422: 'GitHub refused the issue: a label of at most 50 characters, a title and a body of at most 65,536 characters',
};

const issue = object({
  number,
  state: string,
  title: optional(string),
  body: optional(string),
  /** Present on pull requests, which the issues list returns too. */
  pull_request: optional(object({})),
});
export type Issue = Infer<typeof issue>;

/** Params: `label` (one label: a comma would name two), `page` (from 1). 100 a page, open and closed. */
export const listIssues: Route<Issue[]> = {
  name: 'github.issues.list',
  side: 'github',
  method: 'GET',
  path: '/repos/{owner}/{repo}/issues?labels={label}&state=all&per_page=100&page={page}',
  operation: 'list the issues with the inbox label',
  version: GITHUB_API_VERSION,
  reply: array(issue),
  hints: HINTS,
};

/** Body: { title, body, labels }. Not repeated after a lost answer: the next run finds it by its marker. */
export const createIssue: Route<Issue> = {
  name: 'github.issues.create',
  side: 'github',
  method: 'POST',
  path: '/repos/{owner}/{repo}/issues',
  operation: 'open the inbox issue',
  version: GITHUB_API_VERSION,
  reply: issue,
  hints: HINTS,
  ifLost: 'the answer was lost, so the inbox issue may have been opened all the same: the next run finds it by its label and marker',
};

/** Params: `issue`. Body: { title?, body?, state?, state_reason? }. */
export const updateIssue: Route<Issue> = {
  name: 'github.issues.update',
  side: 'github',
  method: 'PATCH',
  path: '/repos/{owner}/{repo}/issues/{issue}',
  operation: 'update the inbox issue',
  version: GITHUB_API_VERSION,
  reply: issue,
  hints: HINTS,
};

/** Params: `issue`. Body: { body }. One comment per new event, never one per run. */
export const commentIssue: Route<{ id: number }> = {
  name: 'github.issues.comment',
  side: 'github',
  method: 'POST',
  path: '/repos/{owner}/{repo}/issues/{issue}/comments',
  operation: 'comment on the inbox issue',
  version: GITHUB_API_VERSION,
  reply: object({ id: number }),
  hints: HINTS,
  ifLost: 'the answer was lost, so the comment may have been added all the same',
};
