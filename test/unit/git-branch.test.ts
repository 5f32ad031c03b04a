// state-branch follows git's own rule for a branch name (git check-ref-format --branch), and a
// branch with slashes is carried whole in every GitHub path and query that names it.
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createBranch, readBranch, readFile } from '../../src/api/github-routes.js';
import { fillPath } from '../../src/api/route.js';
import { readCampaignInputs } from '../../src/inputs/campaign-inputs.js';
import { Findings } from '../../src/inputs/fields.js';
import { branchNameProblem } from '../../src/inputs/git-branch.js';
import { urlOf } from '../../src/http/request.js';

const GOOD = [
  'live-migration-state',
  'ops/live-migration-state',
  'feature/a.b',
  'a/b/c',
  'a@b',
  '@x',
  'x{y}',
  'release-1.2_3',
  'ünïcode/zweig',
  'fix/#123',
  'a+b',
];

const BAD: Array<[string, RegExp]> = [
  ['', /empty/],
  ['a..b', /contains "\.\."/],
  ['a.lock', /component "a\.lock" ends with "\.lock"/],
  ['x/y.lock/z', /component "y\.lock" ends with "\.lock"/],
  ['.hidden', /component "\.hidden" starts with "\."/],
  ['a/.b', /component "\.b" starts with "\."/],
  ['-x', /starts with "-"/],
  ['a@{b', /contains "@\{"/],
  ['@', /"@"/],
  ['HEAD', /HEAD/],
  ['a b', /contains a space/],
  ['a\tb', /control character \(U\+0009\)/],
  ['a\x7fb', /control character \(U\+007F\)/],
  ['a~b', /contains "~"/],
  ['a^b', /contains "\^"/],
  ['a:b', /contains ":"/],
  ['a?b', /contains "\?"/],
  ['a*b', /contains "\*"/],
  ['a[b', /contains "\["/],
  ['a\\b', /contains "\\"/],
  ['a/', /ends with "\/"/],
  ['/a', /starts with "\/"/],
  ['a//b', /contains "\/\/"/],
  ['a.', /ends with "\."/],
  ['a/b.', /ends with "\."/],
];

describe("git's branch-name rule", () => {
  it.each(GOOD)('accepts %j', (name) => {
    expect(branchNameProblem(name)).toBeUndefined();
  });

  it.each(BAD)('refuses %j, saying why', (name, reason) => {
    expect(branchNameProblem(name)).toMatch(reason);
  });

  // The table agrees with git itself where git is installed (`@` aside: git reads it as HEAD, and
  // HEAD is refused as a branch; outside a repository `--branch @` prints "@").
  let git = false;
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    git = true;
  } catch {
    // no git: the table stands alone
  }
  it.skipIf(!git)('agrees with git check-ref-format --branch on every name of the table', () => {
    const gitAccepts = (name: string) => {
      try {
        execFileSync('git', ['check-ref-format', '--branch', name], { cwd: tmpdir(), stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    };
    for (const name of GOOD) expect(gitAccepts(name), name).toBe(true);
    for (const [name] of BAD.filter(([n]) => n !== '@')) expect(gitAccepts(name), JSON.stringify(name)).toBe(false);
  });
});

describe('the state-branch input', () => {
  const env = { GITHUB_REPOSITORY: 'octo-org/migrations', GITHUB_WORKSPACE: tmpdir() };
  const problems = (branch: string) => {
    const f = new Findings();
    const inputs: Record<string, string> = { plan: 'orders.yml', 'github-token': 'ghs_x', 'state-branch': branch };
    const { campaign } = readCampaignInputs((n) => inputs[n] ?? '', env, false, f);
    return { campaign, problems: f.problems.filter((p) => p.input === 'state-branch') };
  };

  it('takes ops/live-migration-state', () => {
    const { campaign, problems: p } = problems('ops/live-migration-state');
    expect(p).toEqual([]);
    expect(campaign.stateBranch).toBe('ops/live-migration-state');
  });

  it("refuses a..b naming the input, git's reason and what would do", () => {
    const [problem] = problems('a..b').problems;
    expect(problem.message).toMatch(/^"a\.\.b" is not a branch name git accepts: it contains "\.\."\. /);
    expect(problem.message).toContain('such as live-migration-state or ops/live-migration-state');
    expect(problem.message).toContain('git check-ref-format --branch');
  });

  it('echoes a long bad value cut short', () => {
    const [problem] = problems(`${'x'.repeat(200)}..`).problems;
    expect(problem.message).toMatch(/x{64}… \(138 more characters\)/);
  });
});

describe('a slashed branch in GitHub paths and queries', () => {
  const endpoint = { baseUrl: 'https://ghe.example.com/api/v3', params: { owner: 'octo-org', repo: 'migrations' } };

  it('the ref route keeps each slash literal and encodes each segment', () => {
    expect(urlOf(endpoint, readBranch, { branch: 'ops/live-migration-state' })).toBe(
      'https://ghe.example.com/api/v3/repos/octo-org/migrations/git/ref/heads/ops/live-migration-state',
    );
    expect(fillPath(readBranch.path, { owner: 'o', repo: 'r', branch: 'fix/#1 ü?' })).toBe('/repos/o/r/git/ref/heads/fix/%231%20%C3%BC%3F');
  });

  it('a ?ref= query value is encoded whole, its slash too', () => {
    expect(urlOf(endpoint, readFile, { path: 'orders.json', ref: 'ops/live-migration-state' })).toBe(
      'https://ghe.example.com/api/v3/repos/octo-org/migrations/contents/orders.json?ref=ops%2Flive-migration-state',
    );
    expect(new URL(urlOf(endpoint, readFile, { path: 'orders.json', ref: 'fix/#1&x=y' })).searchParams.get('ref')).toBe('fix/#1&x=y');
  });

  it('a one-segment placeholder still encodes a slash', () => {
    expect(fillPath(readFile.path, { owner: 'o', repo: 'r', path: 'a/b', ref: 'main' })).toBe('/repos/o/r/contents/a%2Fb?ref=main');
    expect(createBranch.path).toBe('/repos/{owner}/{repo}/git/refs');
  });
});
