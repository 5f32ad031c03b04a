import { formatLag } from '../campaign/dashboard.js';
import { campaignOutput, currentLag, readyOutput } from '../campaign/report.js';
import { ACTIVE, type CampaignState } from '../campaign/state.js';
import { ATLAS_CREDENTIALS, ATLAS_KINDS } from '../inputs/declarations.js';
import type { Section } from '../runner/summary.js';
import type { Settings } from '../settings.js';
import { command, type CommandReport } from './command.js';
import {
  advanceStep,
  campaignValidationSeconds,
  dashboardStep,
  readStateStep,
  startCampaignRun,
  stopStep,
  type CampaignRun,
} from './campaign-steps.js';
import { inboxStep } from './campaign-inbox-step.js';

const all = (names: string[], use: 'optional' | 'conditional') => Object.fromEntries(names.map((n) => [n, use]));

export const campaign = command<CampaignRun>({
  name: 'campaign',
  title: 'MongoDB live migration: campaign',
  description:
    'advances a plan of migrations (one source organization, one migration at a time) by one safe step, keeping its state in the repository',
  summary: "Advances a campaign's plan of migrations, one at a time per source organization, by one safe step; state in the repository.",
  outputs: ['campaign', 'ready', 'inbox', 'changed'],
  inputs: {
    plan: 'required',
    'state-branch': 'optional',
    'github-token': 'required',
    'cutover-workflow': 'optional',
    'inbox-label': 'optional',
    ...all(ATLAS_CREDENTIALS, 'conditional'),
    'atlas-base-url': 'optional',
    ...all(['source-public-key', 'source-private-key', 'source-base-url', 'source-ca-certificate'], 'optional'),
    ...all(['source-username', 'source-password'], 'conditional'),
    'wait-for': 'optional',
  },
  conditions: {
    ...Object.fromEntries(ATLAS_CREDENTIALS.map((n) => [n, `${ATLAS_KINDS} Required.`])),
    'source-username': 'Required when a deployment of the plan sets source-managed-authentication: false.',
    'source-password': 'Required when a deployment of the plan sets source-managed-authentication: false.',
  },
  require(settings, r) {
    r.atlasCredentials('for campaign');
    if (Boolean(settings.migration.username) !== Boolean(settings.migration.password))
      r.findings.fail('source-password', 'source-username and source-password go together (pass the password from a secret).');
  },
  start: (settings) => ({ ...startCampaignRun(), plan: settings.campaign?.plan }),
  steps: (settings) => [readStateStep(settings), advanceStep(settings), dashboardStep(settings), inboxStep(settings), stopStep()],
  waitSeconds: campaignValidationSeconds,
  report,
});

function report(run: CampaignRun, settings: Settings, error?: unknown): CommandReport {
  const state = run.state;
  const outputs = {
    campaign: state ? { json: campaignOutput(state) } : undefined,
    ready: state && run.plan ? { json: readyOutput(run.plan, state) } : undefined,
    inbox: state?.inbox?.issue === undefined ? undefined : String(state.inbox.issue),
    changed: String(run.changed),
  };
  const c = settings.campaign;
  const facts: Array<[string, string]> = [
    ['Plan', c?.planPath ?? '—'],
    ['State', run.plan && c ? `${c.stateBranch}:${run.plan.name}.json` : '—'],
  ];
  if (run.plan) facts.push(['Source organization', run.plan.sourceOrgId]);
  if (run.outcome.link) facts.push(['Link', run.outcome.link]);
  facts.push(['State written', run.changed ? 'yes' : 'no (nothing changed)']);
  if (c?.inboxLabel)
    facts.push([
      'Inbox',
      state?.inbox?.issue === undefined
        ? `none (label ${c.inboxLabel})`
        : `#${state.inbox.issue} (${state.inbox.open ? 'open' : 'closed'})`,
    ]);
  const sections: Section[] = [];
  if (run.outcome.actions.length) sections.push({ kind: 'list', title: 'This run', items: run.outcome.actions });
  if (state) sections.push(...campaignSections(state));
  const outcome = run.outcome.stopped ? `Stopped: ${run.outcome.stopped}` : (run.outcome.waiting ?? (error ? 'Failed.' : 'Advanced.'));
  const next = run.outcome.stopped
    ? [run.outcome.stopped, 'Decide in the plan (attempt, migration-id or skip: true), commit it, and the next run goes on.']
    : error
      ? ['Fix the error above; the next scheduled run starts where the state file says.']
      : ['The next scheduled run advances the campaign again.'];
  return { outputs, outcome, facts, sections, next };
}

/** The dashboard's table and the active migration's lag, for the job summary. */
function campaignSections(state: CampaignState): Section[] {
  const rows = state.deployments.map((d) => [
    d.deployment,
    d.lastStatus && d.phase !== 'pending' ? `${d.phase} (${d.lastStatus})` : d.phase,
    d.migrationId ?? '—',
    formatLag(currentLag(d)),
    d.readySince ?? '—',
    d.windowCloses ?? '—',
  ]);
  const sections: Section[] = [
    { kind: 'table', title: 'Campaign', head: ['Deployment', 'Phase', 'Migration', 'Lag', 'Ready since', 'Window closes'], rows },
  ];
  for (const d of state.deployments.filter((x) => ACTIVE.includes(x.phase) && x.lag.length >= 2))
    sections.push({
      kind: 'chart',
      title: `Lag of ${d.deployment}`,
      yLabel: 'seconds',
      points: d.lag.map((p) => ({ at: p.at, value: p.seconds })),
    });
  return sections;
}
