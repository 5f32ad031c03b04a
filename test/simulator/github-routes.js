// @ts-check
// GitHub's answers, as strict as GitHub: a token is checked first (401), then the rate limit
// (403/429), the API version (400), what the token may see (404, as GitHub hides private
// repositories) and do (403 "Resource not accessible by integration"), then the request itself:
// a stale sha 409, a missing sha 422, a missing file or branch 404, unexpected inputs 422.
import { GITHUB_PREFIX, GITHUB_VERSIONS } from './github.js';

/** @typedef {import('./types.js').Reply} Reply */
/** @typedef {import('./github.js').GitHubWorld} GitHubWorld */
/**
 * @typedef {{ params: Record<string, string>, query: URLSearchParams, body: () => Record<string, unknown>, world: GitHubWorld,
 *   fullName: string, token: import('./github.js').Token }} Context
 */
/** @typedef {{ name: string, method: string, pattern: RegExp, needs?: { contents?: 'write', actions?: 'write', issues?: 'read' | 'write' }, handler: (c: Context) => Reply }} GitHubRoute */

const DOCS = 'https://docs.github.com/rest';

/** @param {number} status @param {string} message @param {Record<string, string>} [headers] @returns {Reply} */
export const gitHubError = (status, message, headers) => ({
  status,
  body: { message, documentation_url: DOCS, status: String(status) },
  headers,
});

class Refusal extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** One path segment, and one that is not an encoded slash: GitHub Enterprise answers 404 to `heads/ops%2Fstate`. */
const SEGMENT = '(?:(?!%2[Ff])[^/])+';

/** `{name}` is one segment; `{name+}` is several (a branch name in the ref routes, its slashes literal). @param {string} path */
function pattern(path) {
  return new RegExp(`^${path.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)').replace(/\{(\w+)\+\}/g, `(?<$1>${SEGMENT}(?:/${SEGMENT})*)`)}$`);
}

/**
 * Git's rule for a ref name (git check-ref-format), which GitHub applies to a ref it creates,
 * written here apart from the action's own check of state-branch so that each tests the other.
 * @param {string} ref
 */
export function validRefName(ref) {
  if (ref === '@' || ref.endsWith('.') || ref.endsWith('/') || ref.startsWith('/')) return false;
  // eslint-disable-next-line no-control-regex -- control characters are what git refuses
  if (/\.\.|@\{|\/\/|[\x00-\x20\x7f~^:?*[\\]/.test(ref)) return false;
  return ref.split('/').every((c) => c !== '' && !c.startsWith('.') && !c.endsWith('.lock'));
}

/** @param {unknown} v @returns {v is Record<string, unknown>} */
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** @param {string} text */
const base64Lines = (text) =>
  (
    Buffer.from(text, 'utf8')
      .toString('base64')
      .match(/.{1,60}/g) ?? ['']
  ).join('\n') + '\n';

/** @param {Context} c @param {string} name */
function branchOf(c, name) {
  const repo = c.world.repo(c.fullName);
  if (!repo.branches.has(name)) throw new Refusal(404, `No commit found for the ref ${name}`);
  return name;
}

/** @type {GitHubRoute[]} */
const ROUTES = [
  {
    name: 'github.repository',
    method: 'GET',
    pattern: pattern('/repos/{owner}/{repo}'),
    handler: (c) => ({
      status: 200,
      body: { id: 1, full_name: c.fullName, private: true, default_branch: c.world.repo(c.fullName).defaultBranch },
    }),
  },
  {
    name: 'github.contents.read',
    method: 'GET',
    pattern: pattern('/repos/{owner}/{repo}/contents/{path}'),
    handler: (c) => {
      const branch = branchOf(c, c.query.get('ref') ?? c.world.repo(c.fullName).defaultBranch);
      const file = c.world.file(c.fullName, branch, c.params.path);
      if (!file) throw new Refusal(404, 'Not Found');
      const name = c.params.path.split('/').at(-1);
      const size = Buffer.byteLength(file.text);
      return {
        status: 200,
        body: { type: 'file', encoding: 'base64', size, name, path: c.params.path, sha: file.sha, content: base64Lines(file.text) },
      };
    },
  },
  {
    name: 'github.contents.write',
    method: 'PUT',
    pattern: pattern('/repos/{owner}/{repo}/contents/{path}'),
    needs: { contents: 'write' },
    handler: (c) => {
      const body = c.body();
      const problems = [];
      if (typeof body.message !== 'string') problems.push('"message" wasn\'t supplied.');
      if (typeof body.content !== 'string') problems.push('"content" wasn\'t supplied.');
      else if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body.content)) problems.push('content is not valid Base64');
      if (body.sha !== undefined && typeof body.sha !== 'string') problems.push('"sha" must be a string.');
      if (body.branch !== undefined && typeof body.branch !== 'string') problems.push('"branch" must be a string.');
      if (problems.length) throw new Refusal(422, `Invalid request.\n\n${problems.join('\n')}`);
      const repo = c.world.repo(c.fullName);
      const branch = /** @type {string | undefined} */ (body.branch) ?? repo.defaultBranch;
      if (!repo.branches.has(branch)) throw new Refusal(404, `Branch ${branch} not found`);
      c.world.takeRace(c.fullName, branch, c.params.path);
      const current = c.world.file(c.fullName, branch, c.params.path);
      if (current && body.sha === undefined) throw new Refusal(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
      if ((current && body.sha !== current.sha) || (!current && body.sha !== undefined))
        throw new Refusal(409, `${c.params.path} does not match ${body.sha}`);
      const text = Buffer.from(/** @type {string} */ (body.content), 'base64').toString('utf8');
      const sha = c.world.putFile(c.fullName, branch, c.params.path, text);
      const commit = c.world.branches(c.fullName)[branch];
      return {
        status: current ? 200 : 201,
        body: { content: { name: c.params.path, path: c.params.path, sha, type: 'file' }, commit: { sha: commit, message: body.message } },
      };
    },
  },
  {
    name: 'github.ref.read',
    method: 'GET',
    pattern: pattern('/repos/{owner}/{repo}/git/ref/heads/{branch+}'),
    handler: (c) => {
      const sha = c.world.branches(c.fullName)[c.params.branch];
      if (!sha) throw new Refusal(404, 'Not Found');
      return { status: 200, body: { ref: `refs/heads/${c.params.branch}`, object: { sha, type: 'commit' } } };
    },
  },
  {
    name: 'github.ref.create',
    method: 'POST',
    pattern: pattern('/repos/{owner}/{repo}/git/refs'),
    needs: { contents: 'write' },
    handler: (c) => {
      const body = c.body();
      const ref = typeof body.ref === 'string' ? body.ref : '';
      const sha = typeof body.sha === 'string' ? body.sha : '';
      if (!ref || !sha) throw new Refusal(422, 'Invalid request.\n\n"ref" and "sha" are required.');
      if (!/^refs\/[^/]+\/./.test(ref)) throw new Refusal(422, 'Reference name must contain at least three slash-separated components.');
      // This model holds branches only: another namespace (tags, notes) is refused as well.
      const name = /^refs\/heads\/(.+)$/.exec(ref)?.[1];
      if (!name || !validRefName(ref) || name.startsWith('-') || name === 'HEAD')
        throw new Refusal(422, `${ref.slice(0, 300)} is not a valid ref name.`);
      if (!c.world.hasCommit(c.fullName, sha)) throw new Refusal(422, 'Object does not exist');
      const branches = Object.keys(c.world.branches(c.fullName));
      if (branches.includes(name)) throw new Refusal(422, 'Reference already exists');
      // git keeps refs as paths: refs/heads/ops and refs/heads/ops/state cannot both exist.
      if (branches.some((b) => b.startsWith(`${name}/`) || name.startsWith(`${b}/`))) throw new Refusal(422, 'Reference update failed');
      c.world.createBranch(c.fullName, name, sha);
      return { status: 201, body: { ref, object: { sha, type: 'commit' } } };
    },
  },
  {
    name: 'github.workflow.dispatch',
    method: 'POST',
    pattern: pattern('/repos/{owner}/{repo}/actions/workflows/{workflow}/dispatches'),
    needs: { actions: 'write' },
    handler: (c) => {
      const repo = c.world.repo(c.fullName);
      const workflow = repo.workflows.get(c.params.workflow);
      if (!workflow) throw new Refusal(404, 'Not Found');
      const body = c.body();
      if (typeof body.ref !== 'string') throw new Refusal(422, 'Invalid request.\n\n"ref" wasn\'t supplied.');
      if (!repo.branches.has(body.ref.replace(/^refs\/heads\//, ''))) throw new Refusal(422, `No ref found for: ${body.ref}`);
      const inputs = body.inputs ?? {};
      if (!isRecord(inputs)) throw new Refusal(422, "Invalid request.\n\nFor 'properties/inputs', it is not an object.");
      const unexpected = Object.keys(inputs).filter((k) => !(k in workflow.inputs));
      if (unexpected.length) throw new Refusal(422, `Unexpected inputs provided: ${JSON.stringify(unexpected)}`);
      for (const [name, spec] of Object.entries(workflow.inputs))
        if (spec.required && inputs[name] === undefined) throw new Refusal(422, `Required input '${name}' not provided`);
      if (Object.values(inputs).some((v) => typeof v !== 'string'))
        throw new Refusal(422, 'Invalid request.\n\nInput values must be strings.');
      c.world.recordDispatch({ repository: c.fullName, workflow: c.params.workflow, ref: body.ref, inputs, at: c.world.now() });
      return { status: 204 };
    },
  },
];

/** @param {import('./github.js').Issue} i */
const issueJson = (i) => ({
  id: 1000 + i.number,
  number: i.number,
  title: i.title,
  body: i.body === '' ? null : i.body,
  state: i.state,
  state_reason: i.stateReason,
  labels: i.labels.map((name) => ({ name })),
  ...(i.pullRequest ? { pull_request: { url: 'https://api.github.com/pulls/1' } } : {}),
});

/** GitHub's limits on what an issue holds. */
const MAX_BODY = 65536;
const MAX_LABEL = 50;

/** @param {Context} c */
function issuesOn(c) {
  const repo = c.world.repo(c.fullName);
  if (!repo.hasIssues) throw new Refusal(410, 'Issues are disabled for this repo');
  return repo;
}

/** @param {Context} c */
function issueOf(c) {
  const issue = issuesOn(c).issues.find((i) => String(i.number) === c.params.issue && !i.pullRequest);
  if (!issue) throw new Refusal(404, 'Not Found');
  return issue;
}

/** @param {Record<string, unknown>} body @param {boolean} creating */
function checkIssueBody(body, creating) {
  const problems = [];
  if (creating && typeof body.title !== 'string') problems.push('"title" wasn\'t supplied.');
  if (body.title !== undefined && (typeof body.title !== 'string' || body.title.trim() === '')) problems.push('title is invalid');
  if (body.body !== undefined && body.body !== null && typeof body.body !== 'string') problems.push('body is not a string');
  if (typeof body.body === 'string' && body.body.length > MAX_BODY) problems.push(`body is too long (maximum is ${MAX_BODY} characters)`);
  if (body.labels !== undefined) {
    if (!Array.isArray(body.labels) || body.labels.some((l) => typeof l !== 'string')) problems.push('labels must be an array of strings');
    else if (body.labels.some((l) => l.length === 0 || l.length > MAX_LABEL || l.includes(',')))
      problems.push(`label name is invalid (at most ${MAX_LABEL} characters, no commas)`);
  }
  if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed') problems.push('state is not open or closed');
  if (
    body.state_reason !== undefined &&
    body.state_reason !== null &&
    !['completed', 'not_planned', 'reopened'].includes(String(body.state_reason))
  )
    problems.push('state_reason is not completed, not_planned or reopened');
  if (problems.length) throw new Refusal(422, `Validation Failed\n\n${problems.join('\n')}`);
}

ROUTES.push(
  {
    name: 'github.issues.list',
    method: 'GET',
    pattern: pattern('/repos/{owner}/{repo}/issues'),
    needs: { issues: 'read' },
    handler: (c) => {
      const repo = issuesOn(c);
      const state = c.query.get('state') ?? 'open';
      if (!['open', 'closed', 'all'].includes(state)) throw new Refusal(422, 'Validation Failed\n\nstate is not open, closed or all');
      const perPage = Math.min(Number(c.query.get('per_page') ?? 30) || 30, 100);
      const page = Math.max(Number(c.query.get('page') ?? 1) || 1, 1);
      // Comma-separated labels: an issue must carry every one.
      const labels = (c.query.get('labels') ?? '').split(',').filter(Boolean);
      const matching = repo.issues
        .filter(
          (i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.some((m) => m.toLowerCase() === l.toLowerCase())),
        )
        .sort((a, b) => b.number - a.number);
      return { status: 200, body: matching.slice((page - 1) * perPage, page * perPage).map(issueJson) };
    },
  },
  {
    name: 'github.issues.create',
    method: 'POST',
    pattern: pattern('/repos/{owner}/{repo}/issues'),
    needs: { issues: 'write' },
    handler: (c) => {
      const repo = issuesOn(c);
      const body = c.body();
      checkIssueBody(body, true);
      const number = c.world.addIssue(c.fullName, {
        title: /** @type {string} */ (body.title),
        body: typeof body.body === 'string' ? body.body : '',
        labels: /** @type {string[] | undefined} */ (body.labels) ?? [],
      });
      return { status: 201, body: issueJson(/** @type {import('./github.js').Issue} */ (repo.issues.find((i) => i.number === number))) };
    },
  },
  {
    name: 'github.issues.update',
    method: 'PATCH',
    pattern: pattern('/repos/{owner}/{repo}/issues/{issue}'),
    needs: { issues: 'write' },
    handler: (c) => {
      const issue = issueOf(c);
      const body = c.body();
      checkIssueBody(body, false);
      if (typeof body.title === 'string') issue.title = body.title;
      if (typeof body.body === 'string' || body.body === null) issue.body = body.body ?? '';
      if (body.state === 'closed' && issue.state === 'open') {
        issue.state = 'closed';
        issue.stateReason = typeof body.state_reason === 'string' ? body.state_reason : 'completed';
      } else if (body.state === 'open' && issue.state === 'closed') {
        issue.state = 'open';
        issue.stateReason = 'reopened';
      }
      return { status: 200, body: issueJson(issue) };
    },
  },
  {
    name: 'github.issues.comment',
    method: 'POST',
    pattern: pattern('/repos/{owner}/{repo}/issues/{issue}/comments'),
    needs: { issues: 'write' },
    handler: (c) => {
      const issue = issueOf(c);
      const body = c.body();
      if (typeof body.body !== 'string' || body.body.trim() === '') throw new Refusal(422, "Validation Failed\n\nbody wasn't supplied.");
      if (body.body.length > MAX_BODY) throw new Refusal(422, `Validation Failed\n\nbody is too long (maximum is ${MAX_BODY} characters)`);
      const id = c.world.nextCommentId();
      issue.comments.push({ id, body: body.body });
      return { status: 201, body: { id, body: body.body } };
    },
  },
);

export const GITHUB_ROUTE_NAMES = ROUTES.map((r) => r.name);

/** @param {string} method @param {string} fullPath the request's path, prefix included */
export function matchGitHub(method, fullPath) {
  const path = fullPath.slice(GITHUB_PREFIX.length);
  /** @type {string[]} */
  const allowed = [];
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    const params = decoded(m.groups ?? {});
    if (!params) return null;
    if (r.method === method) return { route: r, params };
    allowed.push(r.method);
  }
  return allowed.length ? { allowed } : null;
}

/**
 * Path parameters as GitHub reads them: each segment percent-decoded (a `{name+}` one keeps its
 * literal slashes); a malformed escape matches nothing, as GitHub answers 404.
 * @param {Record<string, string>} groups @returns {Record<string, string> | undefined}
 */
function decoded(groups) {
  try {
    return Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, v.split('/').map(decodeURIComponent).join('/')]));
  } catch {
    return undefined;
  }
}

/**
 * @param {ReturnType<typeof matchGitHub>} match @param {import('node:http').IncomingHttpHeaders} headers
 * @param {string} rawBody @param {URLSearchParams} query @param {GitHubWorld} world @returns {Reply}
 */
export function serveGitHub(match, headers, rawBody, query, world) {
  const auth = /^(?:Bearer|token)\s+(\S+)$/i.exec(String(headers.authorization ?? ''));
  if (!auth) return gitHubError(401, 'Requires authentication');
  const token = world.token(auth[1]);
  if (!token) return gitHubError(401, 'Bad credentials');
  const limit = world.takeRateLimit();
  const reset = String(Math.floor(world.now() / 1000) + (limit?.seconds ?? 3600));
  if (limit?.kind === 'primary')
    return gitHubError(403, 'API rate limit exceeded for installation.', {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': reset,
    });
  if (limit?.kind === 'secondary')
    return gitHubError(429, 'You have exceeded a secondary rate limit.', { 'retry-after': String(limit.seconds) });
  const version = headers['x-github-api-version'];
  if (version !== undefined && !GITHUB_VERSIONS.includes(String(version)))
    return gitHubError(400, `API version ${String(version).slice(0, 40)} is not supported.`);
  if (!match) return gitHubError(404, 'Not Found');
  if ('allowed' in match) return gitHubError(404, 'Not Found');
  const { route, params } = match;
  const fullName = `${params.owner}/${params.repo}`;
  const repo = world.findRepo(fullName);
  if (!repo || (token.repository && token.repository !== fullName) || token.contents === 'none') return gitHubError(404, 'Not Found');
  const rank = { none: 0, read: 1, write: 2 };
  for (const [scope, level] of Object.entries(route.needs ?? {}))
    if (rank[token[/** @type {'contents' | 'actions' | 'issues'} */ (scope)] ?? 'none'] < rank[/** @type {'read' | 'write'} */ (level)])
      return gitHubError(403, 'Resource not accessible by integration');
  const body = () => {
    try {
      const value = JSON.parse(rawBody);
      if (isRecord(value)) return value;
    } catch {
      // answered below
    }
    throw new Refusal(400, 'Problems parsing JSON');
  };
  try {
    return route.handler({ params, query, body, world, fullName, token });
  } catch (err) {
    if (err instanceof Refusal) return gitHubError(err.status, err.message);
    throw err;
  }
}

/** Every answer carries GitHub's rate-limit headers. @param {Reply} reply @param {GitHubWorld} world @returns {Reply} */
export function withRateHeaders(reply, world) {
  const reset = String(Math.ceil(world.now() / 1000) + 3600);
  return {
    ...reply,
    headers: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': reset, ...reply.headers },
  };
}
