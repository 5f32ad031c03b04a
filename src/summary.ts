import * as core from '@actions/core';
import type { Outcome } from './commands.js';
import { describeCall, type PlannedCall } from './plan.js';
import type { Settings } from './settings.js';

type Cell = string;

/** Writes the job summary; a no-op outside a runner (no GITHUB_STEP_SUMMARY). Never the token. */
export async function writeSummary(settings: Settings, result: { outcome?: Outcome; plan?: PlannedCall[] }): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.debug('GITHUB_STEP_SUMMARY is not set: no job summary written.');
    return;
  }
  const { outcome, plan } = result;
  const rows: Cell[][] = [
    ['Command', settings.command + (plan ? ' (dry run)' : '')],
    ['Atlas organization', settings.atlas.orgId ?? '—'],
    ['Source organization', settings.source.orgId],
  ];
  if (outcome) {
    rows.push(['Status', outcome.status], ['Changed', outcome.changed ? 'yes' : 'no']);
    if (outcome.tokenCreated) rows.push(['Access-list entries', String(settings.accessListIps.length)]);
  }
  const summary = core.summary.addHeading('MongoDB live migration link', 2).addTable([
    [
      { data: 'Item', header: true },
      { data: 'Value', header: true },
    ],
    ...rows,
  ]);
  if (outcome && outcome.status === 'SYNCED' && !outcome.changed && settings.command === 'link') {
    summary.addRaw("The source already reported SYNCED, so no token was created (set force: 'true' to relink).", true);
  }
  if (outcome?.availableProjects) {
    summary.addHeading('Projects available for migration', 3);
    if (outcome.availableProjects.length === 0) summary.addRaw('None yet.', true);
    else
      summary.addTable([
        ['Project', 'Project id', 'Deployments', 'Migration hosts'].map((data) => ({ data, header: true })),
        ...outcome.availableProjects.map((p) => [
          escape(String(p.name ?? '')),
          escape(String(p.projectId ?? '')),
          String(Array.isArray(p.deployments) ? p.deployments.length : 0),
          escape((Array.isArray(p.migrationHosts) ? p.migrationHosts : []).join(', ')),
        ]),
      ]);
  }
  if (plan) {
    summary.addHeading('Planned calls (nothing was sent)', 3).addList(plan.map((c) => escape(describeCall(c))));
  }
  try {
    await summary.write();
  } catch (err) {
    core.warning(`Could not write the job summary: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
