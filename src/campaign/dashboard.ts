import { stopReason } from './advance.js';
import type { CampaignPlan } from '../inputs/campaign-plan.js';
import { currentLag } from './report.js';
import { ACTIVE, STOPPED, type CampaignState, type DeploymentState, type LagSample } from './state.js';

/**
 * The dashboard, `<plan name>.md` beside the state (and the job summary): one row per deployment
 * and a lag chart. People read it raw too (in `git show`, diffs, editors), so what the action
 * itself writes (times, ids, phases, numbers, its own words) stays plain text, and only a value
 * that could be read as Markdown (a name or message from a server, the plan or the state) goes in
 * a code span, inside which nothing is a link, a mention, HTML or emphasis. Every value passes
 * `cell` (or, inside the chart, `chartLabel` and numbers only), so none can end a table cell,
 * start a block, open HTML, a link or a mention.
 */

/** Text that reads the same as Markdown and as plain text: no markup character, no autolink, no mention or reference. */
const PLAIN = /^[A-Za-z0-9 .,:;/+=%'"()→–—-]*$/;
const AUTOLINK = /:\/\/|www\./i;

/** `text` as a code span: a fence longer than any backtick run inside, padded when it starts or ends with one. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** One line of outside text, inert: plain when it holds no markup, else a code span. `table`: its pipes escaped too. */
export function inline(value: string | number | undefined | null, max = 200, table = false): string {
  if (value === undefined || value === null || value === '') return '—';
  const text = String(value)
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/g, ' ')
    .trim();
  const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  if (PLAIN.test(cut) && !AUTOLINK.test(cut)) return cut;
  const span = codeSpan(cut);
  // A table row splits at every pipe not escaped, code spans included (GFM).
  return table ? span.replace(/\|/g, '\\|') : span;
}

/** A Markdown table cell: one line, inert, at most `max` characters. */
export const cell = (value: string | number | undefined | null, max = 200): string => inline(value, max, true);

/** A chart label: letters, digits and a few separators, nothing Mermaid or Markdown reads. */
function chartLabel(value: string, max = 60): string {
  return value.replace(/[^A-Za-z0-9 ./-]/g, '-').slice(0, max);
}

export function formatLag(seconds: number | undefined): string {
  if (seconds === undefined) return '—';
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

function nextAction(state: CampaignState, d: DeploymentState): string {
  if (d.skipped && !ACTIVE.includes(d.phase)) return 'none (skip: true in the plan)';
  switch (d.phase) {
    case 'pending': {
      const busy = state.deployments.some((x) => !x.skipped && (ACTIVE.includes(x.phase) || STOPPED.includes(x.phase)));
      const first = state.deployments.find((x) => x.phase === 'pending' && !x.skipped);
      return !busy && first?.deployment === d.deployment ? 'validate and start (next run)' : 'waits its turn';
    }
    case 'validating':
      return d.lastStatus === 'SUCCESS' ? 'reserve and create the migration' : 'read the validation';
    case 'starting':
      return 'create the migration';
    case 'syncing':
      return 'wait for the initial sync';
    case 'ready':
      return d.cutoverDispatchedAt
        ? `approve the cutover run (dispatched ${d.cutoverDispatchedAt})`
        : `cut over before ${d.windowCloses ?? 'the window closes'}`;
    case 'cutting-over':
      return 'wait for the cutover to complete';
    case 'complete':
      return 'none';
    default:
      return 'a person decides (see below)';
  }
}

/** Evenly spaced samples, at most `max`, the newest kept. */
function thin(samples: readonly LagSample[], max: number): LagSample[] {
  if (samples.length <= max) return [...samples];
  const step = (samples.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => samples[Math.round(i * step)]);
}

/** A Mermaid xychart of one deployment's lag: numbers and time labels only. */
export function lagChart(d: DeploymentState, maxPoints = 48): string[] {
  const points = thin(d.lag, maxPoints);
  if (points.length < 2) return [];
  const values = points.map((p) => (Number.isFinite(p.seconds) ? Math.max(0, Math.round(p.seconds)) : 0));
  const labels = points.map((p) => `"${chartLabel(p.at.slice(5, 16).replace('T', ' '))}"`);
  const top = Math.max(10, ...values);
  return [
    '```mermaid',
    'xychart-beta',
    `  title "Lag of ${chartLabel(d.deployment)} (seconds)"`,
    `  x-axis [${labels.join(', ')}]`,
    `  y-axis "seconds" 0 --> ${top}`,
    `  line [${values.join(', ')}]`,
    '```',
  ];
}

export function renderDashboard(plan: CampaignPlan, state: CampaignState, now: string): string {
  const lines = [
    `# Migration campaign ${inline(plan.name)}`,
    '',
    `Plan ${inline(plan.file)}, source organization ${inline(state.sourceOrgId)}. Updated ${inline(now)}.`,
    '',
    '| Deployment | Phase | Migration | Lag | Ready since | Window closes | Next action |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const d of state.deployments) {
    const phase = d.lastStatus && d.phase !== 'pending' ? `${d.phase} (${inline(d.lastStatus, 64)})` : d.phase;
    const row = [
      cell(d.deployment),
      phase.replace(/\|/g, '\\|'),
      cell(d.migrationId),
      formatLag(currentLag(d)),
      cell(d.readySince),
      cell(d.windowCloses),
    ];
    const next = STOPPED.includes(d.phase) && d.stopReason ? `${nextAction(state, d)}: ${inline(d.stopReason, 300)}` : nextAction(state, d);
    lines.push(`| ${[...row, next.replace(/\|/g, '\\|')].join(' | ')} |`);
  }
  const stopped = state.deployments.filter((d) => STOPPED.includes(d.phase) && !d.skipped);
  if (stopped.length) {
    lines.push('', '## Stopped: a person decides', '');
    for (const d of stopped) {
      const planned = plan.deployments.find((p) => p.id === d.deployment);
      lines.push(`- ${inline(stopReason(d, planned), 1000)}`);
      if (d.stopReason) lines.push(`  Why it stopped: ${inline(d.stopReason, 500)}`);
      const last = d.history.at(-1);
      if (last) lines.push(`  Last event: ${inline(last.at)} ${inline(last.text, 500)}`);
    }
  }
  const charted = state.deployments.filter((d) => ACTIVE.includes(d.phase) && d.lag.length >= 2);
  for (const d of charted) lines.push('', `## Lag of ${cell(d.deployment)}`, '', ...lagChart(d));
  return `${lines.join('\n')}\n`;
}
