import { commentIssue, createIssue, listIssues, updateIssue } from '../api/github-issue-routes.js';
import { readFile, writeFile } from '../api/github-routes.js';
import type { Step, StepContext } from './command.js';
import type { CampaignRun } from './campaign-steps.js';
import { ApiError } from '../errors.js';
import type { CampaignPlan } from '../inputs/campaign-plan.js';
import type { Settings } from '../settings.js';
import { INBOX_CLOSING, inboxBody, inboxComment, inboxDigest, inboxEvents, inboxMarker, inboxTitle } from '../campaign/inbox.js';
import { StateStore, type Versioned } from '../campaign/state-store.js';
import { iso, type CampaignState, type InboxRecord } from '../campaign/state.js';

/** A reservation younger than this is another run opening the issue; an older one is a run that died doing it. */
const RESERVATION_MS = 10 * 60 * 1000;
/** The issues list is read at most this many pages (100 issues each) for the marker. */
const MAX_PAGES = 10;

/**
 * The campaign's inbox (inbox-label): one issue per plan for a person, opened when the campaign
 * stops or a ready migration's window closes within 24 hours, updated in place, one comment per
 * new event, closed when the campaign goes on. What it announced is recorded in the state file,
 * and every change is claimed there first (compare-and-swap on the file's sha), so two runs at
 * once never open two issues or comment twice, and a run with nothing new makes no request. A
 * soft step: GitHub refusing (no `issues: write`, issues turned off) is a warning, and the
 * campaign's own work stands.
 */
export function inboxStep(settings: Settings): Step<CampaignRun> {
  const c = settings.campaign;
  return {
    title: 'Keep the inbox issue',
    calls: [
      { route: listIssues, repeated: 'only to open the issue: the label, then the marker in the body' },
      { route: createIssue, repeated: 'once, when no issue of the plan is found' },
      { route: updateIssue, repeated: 'only when what it says changed, or to close it' },
      { route: commentIssue, repeated: 'once per new event' },
      { route: readFile, repeated: 'after a conflicting write' },
      { route: writeFile, repeated: 'when what the issue says changed (claimed in the state first)' },
    ],
    skip: { when: 'inbox-label is not given', test: (run) => !c?.inboxLabel || !run.state || !run.plan },
    soft: () => true,
    async run(run, ctx) {
      const inbox = new Inbox(run, ctx, new StateStore(ctx.api, c!.stateBranch, run.plan!.name), c!.inboxLabel!);
      return inbox.keep();
    },
  };
}

class Inbox {
  private readonly plan: CampaignPlan;
  private readonly now: number;

  constructor(
    private readonly run: CampaignRun,
    private readonly ctx: StepContext,
    private readonly store: StateStore,
    private readonly label: string,
  ) {
    this.plan = run.plan as CampaignPlan;
    this.now = ctx.clock.now();
  }

  private get record(): InboxRecord | undefined {
    return this.run.state?.inbox;
  }

  async keep(): Promise<string> {
    const events = inboxEvents(this.plan, this.run.state as CampaignState, this.now);
    const record = this.record;
    if (!events.length) {
      if (!record?.open || record.issue === undefined) return 'nothing waits for a person';
      return this.close(record.issue);
    }
    const words = (text: string, max?: number) => this.ctx.log.safe(text, max);
    const title = inboxTitle(this.plan);
    const body = inboxBody(this.plan, events, this.store.label, words);
    const digest = inboxDigest(title, body);
    const keys = events.map((e) => e.key);
    const fresh = events.filter((e) => !record?.events.includes(e.key));
    if (record?.issue !== undefined && record.open && !fresh.length && record.digest === digest) return `#${record.issue}: nothing new`;

    if (record?.issue === undefined) {
      if (!(await this.reserve())) return 'another run is opening the inbox issue';
      let number: number | undefined;
      try {
        number = await this.find();
        if (number === undefined) {
          number = (await this.ctx.api.call(createIssue, { body: { title, body, labels: [this.label] } })).number;
          await this.save({ issue: number, events: keys, digest, open: true }, 'opened');
          return `opened #${number}`;
        }
      } catch (err) {
        // A create that surely failed leaves no issue: free the reservation so that the next run tries again.
        if (number === undefined && !(err instanceof ApiError && err.problem.outcomeUnknown)) await this.release();
        throw err;
      }
      return this.announce(number, { title, body, digest, keys, fresh: events, previous: undefined });
    }
    return this.announce(record.issue, { title, body, digest, keys, fresh, previous: record });
  }

  /** Claims the update in the state, then makes it: the issue's text (reopened), and a comment for what is new. */
  private async announce(
    issue: number,
    change: { title: string; body: string; digest: string; keys: string[]; fresh: ReturnType<typeof inboxEvents>; previous?: InboxRecord },
  ): Promise<string> {
    const next: InboxRecord = { issue, events: change.keys, digest: change.digest, open: true };
    if (!(await this.claim(next, change.previous))) return `#${issue}: another run updated it`;
    try {
      if (change.digest !== change.previous?.digest || !change.previous?.open)
        await this.ctx.api.call(updateIssue, {
          params: { issue: String(issue) },
          body: { title: change.title, body: change.body, state: 'open' },
        });
      if (change.fresh.length && change.previous)
        await this.ctx.api.call(commentIssue, {
          params: { issue: String(issue) },
          body: { body: inboxComment(change.fresh, (t, m) => this.ctx.log.safe(t, m)) },
        });
    } catch (err) {
      await this.rollBack(next, change.previous);
      throw err;
    }
    return `#${issue}: ${change.fresh.length} new event(s)`;
  }

  private async close(issue: number): Promise<string> {
    const previous = this.record as InboxRecord;
    const next: InboxRecord = { issue, events: [], open: false };
    if (!(await this.claim(next, previous))) return `#${issue}: another run closed it`;
    try {
      await this.ctx.api.call(commentIssue, { params: { issue: String(issue) }, body: { body: INBOX_CLOSING } });
      await this.ctx.api.call(updateIssue, { params: { issue: String(issue) }, body: { state: 'closed', state_reason: 'completed' } });
    } catch (err) {
      await this.rollBack(next, previous);
      throw err;
    }
    return `closed #${issue}`;
  }

  /** The plan's issue among those with the label (open or closed; pull requests left out), found by its marker. */
  private async find(): Promise<number | undefined> {
    const marker = inboxMarker(this.plan);
    for (let page = 1; page <= MAX_PAGES; page++) {
      const issues = await this.ctx.api.call(listIssues, { params: { label: this.label, page: String(page) } });
      const mine = issues
        .filter((i) => !i.pull_request && (i.body ?? '').split('\n')[0]?.trim() === marker)
        .sort((a, b) => a.number - b.number);
      if (mine.length) return mine[0].number;
      if (issues.length < 100) return undefined;
    }
    return undefined;
  }

  /** Writes `change` to the state's inbox record, compare-and-swap; false when another run's record stands there. */
  private async write(change: (current: InboxRecord | undefined) => InboxRecord | undefined | null, message: string): Promise<boolean> {
    let refused = false;
    const result = await this.store.update(
      { state: this.run.state, version: this.run.version as Versioned },
      (fresh) => {
        if (!fresh) return undefined;
        const next = change(fresh.inbox);
        if (next === null) {
          refused = true;
          return undefined;
        }
        refused = false;
        return next === undefined ? { ...fresh, inbox: undefined } : { ...fresh, inbox: next };
      },
      `campaign ${this.plan.name}: inbox ${message}`,
    );
    this.run.state = result.state;
    this.run.version = result.version;
    this.run.changed ||= result.wrote;
    return !refused;
  }

  /** Reserves the opening: none recorded and no live reservation by another run. */
  private reserve(): Promise<boolean> {
    return this.write((current) => {
      if (current?.issue !== undefined) return null;
      const at = current?.reservedAt ? Date.parse(current.reservedAt) : undefined;
      if (at !== undefined && this.now - at < RESERVATION_MS) return null;
      return { events: current?.events ?? [], open: false, reservedAt: iso(this.now) };
    }, 'reservation');
  }

  private release(): Promise<boolean> {
    return this.write((current) => (current?.issue === undefined ? undefined : current), 'reservation released');
  }

  private save(next: InboxRecord, message: string): Promise<boolean> {
    return this.write(() => next, message);
  }

  /** Claims an update: only over the record this run decided on (another run's newer one stands). */
  private claim(next: InboxRecord, previous: InboxRecord | undefined): Promise<boolean> {
    return this.write(
      (current) => {
        if (previous && !sameRecord(current, previous)) return null;
        if (!previous && current?.issue !== undefined && current.issue !== next.issue) return null;
        return next;
      },
      next.open ? `#${next.issue} updated` : `#${next.issue} closed`,
    );
  }

  /** After GitHub refused: the record as it was, so that the next run tries again. */
  private async rollBack(next: InboxRecord, previous: InboxRecord | undefined): Promise<void> {
    try {
      await this.write(
        (current) => (sameRecord(current, next) ? (previous ?? { events: [], open: false, issue: next.issue }) : null),
        'rolled back',
      );
    } catch {
      // The warning for GitHub's refusal follows; the record says more than was done, and the next change corrects it.
    }
  }
}

const sameRecord = (a: InboxRecord | undefined, b: InboxRecord | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
