import type { CampaignPlan } from '../inputs/campaign-plan.js';
import { crypto } from '../lazy-crypto.js';
import { stopReason } from './advance.js';
import { cell } from './dashboard.js';
import { STOPPED, type CampaignState, type DeploymentState } from './state.js';

/**
 * The campaign's inbox issue: what it says. One issue per plan, found again by its label and the
 * marker below; each event (a stop, a closing window) has a key, so a run announces only what is
 * new. What a server said (MongoDB's words) and what the plan or state names (deployments) goes
 * through `words` (secrets redacted, made safe) and then `cell`, so nothing in it can mention,
 * link or break the page; only the plan's `owners` are mentioned.
 */

/** A ready migration's window closing within this long is an event. */
export const WINDOW_WARNING_MS = 24 * 3600 * 1000;

export type InboxKind = 'failed' | 'expired' | 'unknown' | 'window';

export interface InboxEvent {
  /** Stable across runs: the same stop or window is the same key. */
  key: string;
  deployment: string;
  kind: InboxKind;
  /** What happened, in MongoDB's words where it gave any. */
  said: string;
  /** What a person does about it. */
  todo: string;
}

/** Text from outside, made safe for the issue (secrets redacted). */
export type Words = (text: string, max?: number) => string;

export const inboxMarker = (plan: CampaignPlan) => `<!-- mongodb-live-migration inbox: ${plan.name} -->`;
export const inboxTitle = (plan: CampaignPlan) => `Migration campaign ${plan.name} needs a person`;

/** MongoDB's own words for a stop: the stop reason the state keeps, else the last event of its history. */
function saidOf(d: DeploymentState): string {
  const kept = (d as DeploymentState & { stopReason?: string }).stopReason;
  if (kept) return kept;
  const last = d.history.at(-1)?.text;
  if (d.phase === 'unknown') return last ?? 'the answer to the migration create was lost';
  return last ?? `${d.phase}${d.lastStatus ? ` (${d.lastStatus})` : ''}`;
}

/** Every event that waits for a person now, in the plan's order. */
export function inboxEvents(plan: CampaignPlan, state: CampaignState, now: number): InboxEvent[] {
  const planned = new Map(plan.deployments.map((d) => [d.id, d]));
  const events: InboxEvent[] = [];
  for (const d of state.deployments) {
    if (d.skipped) continue;
    if (STOPPED.includes(d.phase)) {
      const kind = d.phase as InboxKind;
      events.push({
        key: `${kind}:${d.deployment}:attempt-${d.attempt}:${d.migrationId ?? d.validationId ?? 'none'}`,
        deployment: d.deployment,
        kind,
        said: saidOf(d),
        todo: stopReason(d, planned.get(d.deployment)),
      });
    } else if (d.phase === 'ready' && d.windowCloses && Date.parse(d.windowCloses) - now < WINDOW_WARNING_MS) {
      events.push({
        key: `window:${d.deployment}:${d.migrationId ?? 'none'}`,
        deployment: d.deployment,
        kind: 'window',
        said: `ready for cutover; the 120-hour cutover window closes at ${d.windowCloses}`,
        todo:
          `${d.deployment}: cut migration ${d.migrationId} over before ${d.windowCloses} (approve the cutover workflow's run, ` +
          'or run cutover for it); after that MongoDB expires the migration and it must start again.',
      });
    }
  }
  return events;
}

const KIND_WORDS: Record<InboxKind, string> = {
  failed: 'failed',
  expired: 'expired',
  unknown: 'unknown (a create whose answer was lost)',
  window: 'cutover window closing',
};

/** The issue's body: the marker first (how it is found again), then what happened and what to do. */
export function inboxBody(plan: CampaignPlan, events: InboxEvent[], stateLabel: string, words: Words): string {
  const owners = plan.owners.length ? `\n\n${plan.owners.join(' ')}: this campaign needs you.` : '';
  const rows = events.map((e) => `| ${cell(words(e.deployment))} | ${KIND_WORDS[e.kind]} | ${cell(words(e.said, 600), 600)} |`);
  const todo = events.map((e) => `- ${cell(words(e.todo, 800), 800)}`);
  return [
    inboxMarker(plan),
    `The migration campaign **${plan.name}** (plan ${cell(plan.file)}) stopped for a person, or has a cutover window closing.${owners}`,
    '',
    '| Deployment | What happened | What MongoDB said |',
    '| --- | --- | --- |',
    ...rows,
    '',
    '### What to do',
    '',
    ...todo,
    '',
    'Then commit the plan: the next scheduled run goes on, and closes this issue. ' +
      `The campaign state is ${cell(stateLabel)}; the dashboard is beside it (same name, .md).`,
    '',
    'This issue is kept by the campaign: it is updated in place, gets one comment per new event, and closes when the campaign goes on.',
    '',
  ].join('\n');
}

/** The comment for events not announced before. */
export function inboxComment(events: InboxEvent[], words: Words): string {
  return [
    'New since the last update:',
    '',
    ...events.map((e) => `- ${cell(words(e.deployment))}: ${KIND_WORDS[e.kind]}: ${cell(words(e.said, 600), 600)}`),
    '',
  ].join('\n');
}

export const INBOX_CLOSING =
  'The campaign went on: nothing waits for a person now. Closing this issue; it reopens if the campaign stops again.\n';

/** A digest of what the issue says, to send the same text only once. */
export const inboxDigest = (title: string, body: string) => crypto().createHash('sha256').update(`${title}\n${body}`).digest('hex');
