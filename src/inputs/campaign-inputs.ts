import { InputError } from '../errors.js';
import { readPlanSync, type CampaignPlan } from './campaign-plan.js';
import type { CampaignSettings, GitHubSettings, Settings } from '../settings.js';
import { quoted, readServiceUrl, type Findings, type InputReader } from './fields.js';
import { branchNameProblem } from './git-branch.js';

export const DEFAULT_STATE_BRANCH = 'live-migration-state';
export const GITHUB_API_DEFAULT = 'https://api.github.com';

/** A workflow file name in .github/workflows. */
const WORKFLOW_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.ya?ml$/;
/** `owner/name` as GitHub spells them. */
const REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

/**
 * The campaign's inputs and environment: the plan's path in the workspace, the state branch, the
 * cutover workflow, and the workflow's own repository (GITHUB_REPOSITORY at GITHUB_API_URL, with
 * github-token). Every problem is a finding, so a bad value stops the run before any request.
 */
export function readCampaignInputs(
  read: InputReader,
  env: NodeJS.ProcessEnv,
  allowInsecureHttp: boolean,
  f: Findings,
): { campaign: CampaignSettings; github?: GitHubSettings } {
  const planPath = read('plan');
  if (!planPath) f.fail('plan', 'is required for campaign: the path of the plan file in the repository, such as migration/orders.yml.');
  const stateBranch = read('state-branch') || DEFAULT_STATE_BRANCH;
  const branchProblem = branchNameProblem(stateBranch);
  if (branchProblem)
    f.fail(
      'state-branch',
      `${quoted(stateBranch)} is not a branch name git accepts: ${branchProblem}. Expected a name such as ${DEFAULT_STATE_BRANCH} ` +
        'or ops/live-migration-state: components separated by single slashes, none starting with "." or ending in ".lock", ' +
        'without "..", "@{", spaces, control characters or any of ~ ^ : ? * [ \\, not starting with "-" or ending in "." ' +
        '(the rule of git check-ref-format --branch).',
    );
  const cutoverWorkflow = read('cutover-workflow') || undefined;
  if (cutoverWorkflow && !WORKFLOW_FILE.test(cutoverWorkflow))
    f.fail(
      'cutover-workflow',
      `expected the file name of a workflow in .github/workflows, such as cutover.yml; got ${quoted(cutoverWorkflow)}.`,
    );
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const campaign: CampaignSettings = {
    planPath,
    workspace,
    stateBranch,
    cutoverWorkflow,
    plan: planPath ? readPlan(workspace, planPath, f) : undefined,
  };

  const token = read('github-token');
  if (!token)
    f.fail(
      'github-token',
      'is required for campaign and for cutover with plan (they keep the state in the repository): leave the default ${{ github.token }}, or pass a token with contents: write.',
    );
  const repository = env.GITHUB_REPOSITORY ?? '';
  const match = REPOSITORY.exec(repository);
  if (!match)
    f.fail(
      'GITHUB_REPOSITORY',
      `the environment variable should be the workflow's repository as owner/name (the runner sets it); got ${quoted(repository)}.`,
    );
  const apiUrl = readApiUrl(env.GITHUB_API_URL || GITHUB_API_DEFAULT, allowInsecureHttp, f);
  const github = token && match && apiUrl ? { apiUrl, owner: match[1], repo: match[2], token } : undefined;
  return { campaign, github };
}

/** The plan, its every problem a finding of the input `plan` (file, line, entry and field). */
function readPlan(workspace: string, path: string, f: Findings): CampaignPlan | undefined {
  try {
    return readPlanSync(workspace, path);
  } catch (err) {
    if (err instanceof InputError) for (const p of err.problems) f.fail(p.input, p.message);
    else f.fail('plan', `${quoted(path)} could not be read: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

/**
 * The plan names the organizations and projects, so each side's endpoint is the plan's: a call
 * without its own ids (a digest challenge, an absence proof) goes to a real organization or project.
 */
export function endpointsFromPlan(settings: Settings): void {
  const plan = settings.campaign?.plan;
  if (!plan) return;
  settings.atlas.orgId = plan.atlasOrgId;
  settings.atlas.projectId = plan.deployments[0]?.atlasProjectId;
  settings.source.orgId = plan.sourceOrgId;
}

/**
 * cutover with `plan`: `deployment` names one of the plan's deployments (else `migration-id` is
 * looked up in the state), and atlas-project-id comes from it when not given.
 */
export function planDeploymentInputs(read: InputReader, settings: Settings, f: Findings): void {
  const plan = settings.campaign?.plan;
  const deployment = read('deployment') || undefined;
  if (settings.campaign) settings.campaign.deployment = deployment;
  if (!plan) return;
  const where = `the plan ${quoted(plan.file)}`;
  const given = settings.atlas.projectId;
  if (deployment) {
    const entry = plan.deployments.find((d) => d.id === deployment);
    if (!entry)
      return f.fail(
        'deployment',
        `${quoted(deployment)} is not a deployment of ${where}; expected <source-project-id>/<source-cluster-name> of one of its entries, ` +
          `such as ${plan.deployments[0]?.id}.`,
      );
    if (given && given !== entry.atlasProjectId)
      f.fail(
        'atlas-project-id',
        `is ${given}, but ${where} moves ${deployment} into Atlas project ${entry.atlasProjectId}; leave it out or make them agree.`,
      );
    settings.atlas.projectId = entry.atlasProjectId;
  } else if (!given) {
    const projects = [...new Set(plan.deployments.map((d) => d.atlasProjectId))];
    if (projects.length === 1) settings.atlas.projectId = projects[0];
    else
      f.fail(
        'deployment',
        `is required with plan and migration-id when ${where} moves deployments into several Atlas projects (or give atlas-project-id).`,
      );
  }
}

/**
 * GITHUB_API_URL, by the one rule of every URL the action talks to (readServiceUrl): a path is
 * kept (GitHub Enterprise Server's /api/v3); plain http only to loopback or with allow-insecure-http.
 */
function readApiUrl(text: string, allowInsecureHttp: boolean, f: Findings): string | undefined {
  return readServiceUrl(
    'GITHUB_API_URL',
    text,
    { allowInsecureHttp, path: true, carries: 'github-token', example: GITHUB_API_DEFAULT, subject: 'the environment variable ' },
    f,
  );
}
