import { InputError } from '../errors.js';
import { Findings, isObjectId } from './fields.js';
import { checkMigrationSpec, readMigrationInputs } from './migration-inputs.js';
import type { CampaignPlan, DeploymentPlan } from '../settings.js';
import { DEFAULTS_KEYS, DEPLOYMENT_KEYS, IDENTITY_KEYS, MAX_DEPLOYMENTS, TOP_LEVEL_KEYS, type PlanKey } from './campaign-plan-keys.js';
import {
  parsePlanSource,
  PlanSourceError,
  readPlanSource,
  readPlanSourceSync,
  type PlanPath,
  type PlanSource,
} from './campaign-plan-source.js';
import { checkKeys, DEPLOYMENT_NAME, formChecks, isEntry, readerOf, refuseSecrets, typed, type Entry } from './campaign-plan-fields.js';

export type { CampaignPlan, DeploymentPlan } from '../settings.js';

/** A bad plan: every problem, each naming the file, line, entry and field. An InputError of the input `plan`. */
export class PlanError extends InputError {
  constructor(messages: string[]) {
    super(messages.map((message) => ({ input: 'plan', message })));
    this.name = 'PlanError';
  }
}

/** Reads and checks the plan file; throws PlanError before any request. */
export async function readPlan(workspace: string, path: string): Promise<CampaignPlan> {
  try {
    return checkPlan(await readPlanSource(workspace, path));
  } catch (err) {
    throw err instanceof PlanSourceError ? new PlanError(err.message.split('\n')) : err;
  }
}

/** The same, synchronously, with the other inputs (see campaign-inputs.ts). */
export function readPlanSync(workspace: string, path: string): CampaignPlan {
  try {
    return checkPlan(readPlanSourceSync(workspace, path));
  } catch (err) {
    throw err instanceof PlanSourceError ? new PlanError(err.message.split('\n')) : err;
  }
}

/** The same from text (tests, and a plan read from elsewhere). */
export function parsePlan(text: string, file: string): CampaignPlan {
  try {
    return checkPlan(parsePlanSource(text, file));
  } catch (err) {
    throw err instanceof PlanSourceError ? new PlanError(err.message.split('\n')) : err;
  }
}

function checkPlan(source: PlanSource): CampaignPlan {
  const problems: string[] = [];
  const fail = (path: PlanPath, message: string, entry?: string) => {
    const line = source.lineOf(path);
    const field = path.length ? path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('') : '';
    const where = field.replace(/^\./, '').replace(/^(deployments\[\d+\])/, (m) => (entry ? `${m} (${entry})` : m));
    problems.push(`${source.file}${line ? ` line ${line}` : ''}${where ? `, ${where}` : ''}: ${message}`);
  };
  const root = source.value;
  if (!isEntry(root)) {
    fail([], 'expected a mapping of source-org-id, atlas-org-id, atlas-project-id, defaults and deployments');
    throw new PlanError(problems);
  }
  refuseSecrets(root, [], fail);
  checkKeys(root, [], TOP_LEVEL_KEYS, 'the plan', fail);
  const top = (key: PlanKey, required: boolean) => typed(root, key, [key], required, fail);
  const sourceOrgId = top('source-org-id', true) as string | undefined;
  const atlasOrgId = top('atlas-org-id', true) as string | undefined;
  const planProject = top('atlas-project-id', false) as string | undefined;
  const owners = (top('owners', false) as string[] | undefined) ?? [];
  const defaults = (top('defaults', false) as Entry | undefined) ?? {};
  if (root.defaults !== undefined) checkKeys(defaults, ['defaults'], DEFAULTS_KEYS, 'defaults', fail);
  const list = (top('deployments', true) as unknown[] | undefined) ?? [];
  if (root.deployments !== undefined && Array.isArray(root.deployments) && list.length === 0)
    fail(['deployments'], 'expected at least one deployment, each with source-project-id, source-cluster-name and atlas-cluster-name');
  if (list.length > MAX_DEPLOYMENTS) fail(['deployments'], `has ${list.length} entries; a plan holds at most ${MAX_DEPLOYMENTS}`);

  const defaultProblems = new Set<string>();
  for (const key of DEFAULTS_KEYS) typed(defaults, key, ['defaults', key], false, fail);
  formChecks(defaults, (key, message) => {
    defaultProblems.add(key);
    fail(['defaults', key], message);
  });

  const seen = new Map<string, number>();
  const deployments: DeploymentPlan[] = [];
  list.slice(0, MAX_DEPLOYMENTS).forEach((raw, index) => {
    const at = ['deployments', index];
    if (!isEntry(raw)) return fail(at, 'expected a mapping with source-project-id, source-cluster-name and atlas-cluster-name');
    const before = problems.length;
    const projectId = raw['source-project-id'];
    const clusterName = raw['source-cluster-name'];
    const id =
      typeof projectId === 'string' && isObjectId(projectId) && typeof clusterName === 'string' && DEPLOYMENT_NAME.test(clusterName)
        ? `${projectId.toLowerCase()}/${clusterName}`
        : undefined;
    const entryFail = (path: PlanPath, message: string) => fail(path, message, id);
    if (id !== undefined) {
      const first = seen.get(id);
      if (first !== undefined) entryFail(at, `the same deployment as deployments[${first}]: each deployment is migrated once per plan`);
      else seen.set(id, index);
    }
    checkKeys(raw, at, DEPLOYMENT_KEYS, `deployments[${index}]`, entryFail);
    for (const key of DEPLOYMENT_KEYS) typed(raw, key, [...at, key], (IDENTITY_KEYS as readonly string[]).includes(key), entryFail);
    if (problems.length > before) return;
    formChecks(raw, (key, message) => entryFail([...at, key], message));
    if (problems.length > before) return;
    const merged: Entry = { ...defaults, ...raw };
    const settings = readMigrationInputs(readerOf(merged), new Findings());
    const atlasProjectId = (merged['atlas-project-id'] as string | undefined)?.toLowerCase() ?? planProject;
    if (!atlasProjectId) entryFail([...at], 'has no atlas-project-id: give one in the entry, in defaults or at the top of the plan');
    const cross = new Findings();
    // Source credentials are inputs (secrets), checked by the command: here only the combinations of plan fields.
    const credentials = settings.managedAuthentication ? {} : { username: 'input', password: 'input' };
    checkMigrationSpec({ ...settings, ...credentials }, cross);
    for (const p of cross.problems) {
      const key = p.input in raw || !(p.input in defaults) ? [...at, p.input] : ['defaults', p.input];
      if (!defaultProblems.has(p.input)) entryFail(key, p.message.replace(/\.$/, ''));
    }
    // Never a silent drop: an entry that cannot be named is refused naming why.
    if (problems.length === before && !id)
      entryFail(at, 'needs source-project-id (24 hexadecimal digits) and source-cluster-name to name the deployment');
    if (problems.length > before || !id || !atlasProjectId) return;
    deployments.push({
      id,
      index,
      sourceProjectId: id.split('/')[0],
      sourceClusterName: settings.sourceClusterName as string,
      atlasClusterName: settings.clusterName as string,
      atlasProjectId,
      migrationHost: settings.migrationHost,
      managedAuthentication: settings.managedAuthentication,
      ssl: settings.ssl,
      caCertificatePath: settings.caCertificatePath,
      network: settings.network,
      privateLinkId: settings.privateLinkId,
      dropDestinationData: settings.dropDestinationData,
      sharding: merged.sharding as Record<string, unknown> | undefined,
      attempt: (raw.attempt as number | undefined) ?? 1,
      adoptMigrationId: settings.migrationId,
      skip: raw.skip === true,
    });
  });
  if (problems.length) throw new PlanError(problems);
  return {
    file: source.file,
    name: source.name,
    sourceOrgId: (sourceOrgId as string).toLowerCase(),
    atlasOrgId: (atlasOrgId as string).toLowerCase(),
    owners: [...new Set(owners)],
    deployments,
  };
}
