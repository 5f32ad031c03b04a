import { RefusedError } from '../errors.js';
import { isObjectId } from '../inputs/fields.js';
import type { CampaignPlan } from '../inputs/campaign-plan.js';

/**
 * The campaign's state: `<plan name>.json` on the state branch, one entry per deployment. It is
 * read back from the repository, where anyone with write access can edit it, so it is checked as
 * input: a bad file stops the run before any MongoDB call, naming the file and the field.
 */
export const STATE_VERSION = 1;

export const PHASES = [
  'pending',
  'validating',
  'starting',
  'syncing',
  'ready',
  'cutting-over',
  'complete',
  'failed',
  'expired',
  'unknown',
] as const;
export type Phase = (typeof PHASES)[number];

/** A migration of the organization is under way (or being started): nothing else may start. */
export const ACTIVE: readonly Phase[] = ['validating', 'starting', 'syncing', 'ready', 'cutting-over'];
/** Ended badly, or not known to have started: the campaign stops until a person decides in the plan. */
export const STOPPED: readonly Phase[] = ['failed', 'expired', 'unknown'];

export const MAX_LAG_SAMPLES = 200;
export const MAX_HISTORY = 100;
export const MAX_TEXT = 500;
const MAX_STATE_BYTES = 512 * 1024;

export interface LagSample {
  at: string;
  seconds: number;
}

export interface HistoryEvent {
  at: string;
  text: string;
}

export interface DeploymentState {
  /** `<source-project-id>/<source-cluster-name>`. */
  deployment: string;
  phase: Phase;
  /** Attempts started (validations begun); the plan's `attempt` above it allows one more after a stop. */
  attempt: number;
  migrationId?: string;
  validationId?: string;
  /** MongoDB's status as last read (a string from the server: shown only neutralised). */
  lastStatus?: string;
  lag: LagSample[];
  /** When a run first saw readyForCutover; MongoDB's answer has no such time. Kept once set. */
  readySince?: string;
  /** ready-since + 120 h, when MongoDB expires a migration not cut over. */
  windowCloses?: string;
  cutoverDispatchedAt?: string;
  /** When the reservation (phase `starting`) was written, before the create. */
  reservedAt?: string;
  /** Left out by the plan (`skip: true`). */
  skipped?: boolean;
  /**
   * Why it stopped (failed, expired, unknown), in MongoDB's words where it gave any: kept, and
   * shown by every later run, until a person resumes it in the plan.
   */
  stopReason?: string;
  updatedAt: string;
  history: HistoryEvent[];
}

/** The campaign's inbox issue (inbox-label): which one, and what it has told a person so far. */
export interface InboxRecord {
  /** The issue's number, once opened (or found by its marker). */
  issue?: number;
  /** When a run reserved the opening (compare-and-swap on this file): another run seeing it opens none. */
  reservedAt?: string;
  /** The events announced (a comment each), so that a run with nothing new writes nothing. */
  events: string[];
  /** A digest of the title and body last written: the same text is not sent again. */
  digest?: string;
  /** Open as far as this campaign knows (it closes it when the campaign goes on). */
  open: boolean;
}

export const MAX_INBOX_EVENTS = 200;

export interface CampaignState {
  version: typeof STATE_VERSION;
  /** The plan's name, and its source organization: a state file never serves another plan. */
  plan: string;
  sourceOrgId: string;
  updatedAt: string;
  deployments: DeploymentState[];
  inbox?: InboxRecord;
}

/** Thrown for a state file that cannot be trusted; an expected error, before any MongoDB call. */
export class StateError extends RefusedError {
  override name = 'StateError';
}

export const iso = (ms: number) => new Date(ms).toISOString();
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const isIso = (v: unknown): v is string => typeof v === 'string' && ISO_UTC.test(v) && !Number.isNaN(Date.parse(v));

export function newDeploymentState(deployment: string, now: number): DeploymentState {
  return { deployment, phase: 'pending', attempt: 0, lag: [], updatedAt: iso(now), history: [] };
}

/** The state for `plan`: entries kept by deployment id, new deployments `pending`, in the plan's order; entries the plan dropped are kept after. */
export function stateForPlan(plan: CampaignPlan, previous: CampaignState | undefined, now: number): CampaignState {
  const byId = new Map((previous?.deployments ?? []).map((d) => [d.deployment, d]));
  const planned = plan.deployments.map((d) => byId.get(d.id) ?? newDeploymentState(d.id, now));
  const dropped = (previous?.deployments ?? []).filter((d) => !plan.deployments.some((p) => p.id === d.deployment));
  return {
    version: STATE_VERSION,
    plan: plan.name,
    sourceOrgId: plan.sourceOrgId,
    updatedAt: previous?.updatedAt ?? iso(now),
    deployments: [...planned, ...dropped],
    ...(previous?.inbox ? { inbox: previous.inbox } : {}),
  };
}

/**
 * Keeps at most MAX_LAG_SAMPLES, evenly spaced in time: the spacing of the two oldest samples is
 * the stride; a newest sample closer than that to the one before it only holds the place of the
 * newest (the next one replaces it), and past the cap every other sample goes (the stride doubles).
 */
export function addLag(samples: readonly LagSample[], sample: LagSample): LagSample[] {
  const next = [...samples];
  const n = next.length;
  const time = (i: number) => Date.parse(next[i].at);
  if (n >= 3 && time(n - 1) - time(n - 2) < time(1) - time(0)) next[n - 1] = sample;
  else next.push(sample);
  if (next.length <= MAX_LAG_SAMPLES) return next;
  return next.filter((_, i) => i % 2 === 0 || i === next.length - 1);
}

export function addEvent(history: readonly HistoryEvent[], at: number, text: string): HistoryEvent[] {
  return [...history, { at: iso(at), text: text.slice(0, MAX_TEXT) }].slice(-MAX_HISTORY);
}

/** The file as written: kebab-case keys like the plan and the outputs, two-space indented, a final newline. */
export function serializeState(state: CampaignState): string {
  const deployments = state.deployments.map((d) => ({
    deployment: d.deployment,
    phase: d.phase,
    attempt: d.attempt,
    'migration-id': d.migrationId,
    'validation-id': d.validationId,
    'last-status': d.lastStatus,
    lag: d.lag,
    'ready-since': d.readySince,
    'window-closes': d.windowCloses,
    'cutover-dispatched-at': d.cutoverDispatchedAt,
    'reserved-at': d.reservedAt,
    skipped: d.skipped,
    'stop-reason': d.stopReason,
    'updated-at': d.updatedAt,
    history: d.history,
  }));
  const inbox = state.inbox && {
    issue: state.inbox.issue,
    'reserved-at': state.inbox.reservedAt,
    events: state.inbox.events,
    digest: state.inbox.digest,
    open: state.inbox.open,
  };
  const file = {
    version: state.version,
    plan: state.plan,
    'source-org-id': state.sourceOrgId,
    'updated-at': state.updatedAt,
    deployments,
    inbox,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

type Fields = Record<string, unknown>;
const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a state file's text; `file` names it in errors (`live-migration-state:orders.json`). */
export function parseState(text: string, file: string): CampaignState {
  const bad = (field: string, message: string): never => {
    throw new StateError(
      `The campaign state ${file} is not usable: ${field ? `${field} ` : ''}${message}. ` +
        'Nothing was done. Fix or restore the file on the state branch (its history has every earlier version).',
    );
  };
  if (Buffer.byteLength(text) > MAX_STATE_BYTES) bad('', `is larger than ${MAX_STATE_BYTES} bytes`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    bad('', 'is not valid JSON');
  }
  if (!isFields(raw)) return bad('', 'is not a JSON object');
  if (raw.version !== STATE_VERSION)
    bad(
      'version',
      `is ${JSON.stringify(raw.version)?.slice(0, 20)}; this action reads version ${STATE_VERSION} (a newer action may have written it)`,
    );
  const str = (v: unknown, field: string, test: (s: string) => boolean, expected: string): string =>
    typeof v === 'string' && test(v) ? v : bad(field, `should be ${expected}`);
  const opt = <T>(v: unknown, read: (v: unknown) => T): T | undefined => (v === undefined || v === null ? undefined : read(v));
  const time = (v: unknown, field: string) => str(v, field, () => isIso(v), 'an ISO 8601 UTC time such as 2025-01-31T12:00:00.000Z');
  const id = (v: unknown, field: string) => str(v, field, isObjectId, '24 hexadecimal digits').toLowerCase();
  const plan = str(raw.plan, 'plan', (s) => /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(s), 'the plan name');
  const sourceOrgId = id(raw['source-org-id'], 'source-org-id');
  const updatedAt = time(raw['updated-at'], 'updated-at');
  if (!Array.isArray(raw.deployments)) return bad('deployments', 'should be a list');
  const seen = new Set<string>();
  const deployments = raw.deployments.map((d: unknown, i): DeploymentState => {
    const at = (field: string) => `deployments[${i}]${field ? `.${field}` : ''}`;
    if (!isFields(d)) return bad(at(''), 'should be an object');
    const deployment = str(
      d.deployment,
      at('deployment'),
      (s) => /^[0-9a-f]{24}\/[\x21-\x7e]{1,128}$/.test(s),
      '<source-project-id>/<source-cluster-name>',
    );
    if (seen.has(deployment)) bad(at('deployment'), 'appears twice');
    seen.add(deployment);
    const phase = str(d.phase, at('phase'), (s) => (PHASES as readonly string[]).includes(s), `one of ${PHASES.join(', ')}`) as Phase;
    const attempt =
      Number.isInteger(d.attempt) && (d.attempt as number) >= 0 ? (d.attempt as number) : bad(at('attempt'), 'should be a whole number');
    const list = <T>(v: unknown, field: string, read: (item: Fields, f: string) => T): T[] =>
      Array.isArray(v)
        ? v.map((item, j) => (isFields(item) ? read(item, `${field}[${j}]`) : bad(at(`${field}[${j}]`), 'should be an object')))
        : bad(at(field), 'should be a list');
    const lag = list(d.lag, 'lag', (s, f) => ({
      at: time(s.at, at(`${f}.at`)),
      seconds:
        typeof s.seconds === 'number' && Number.isFinite(s.seconds) && s.seconds >= 0
          ? s.seconds
          : bad(at(`${f}.seconds`), 'should be a number of seconds'),
    })).slice(-MAX_LAG_SAMPLES);
    const history = list(d.history, 'history', (e, f) => ({
      at: time(e.at, at(`${f}.at`)),
      text: str(e.text, at(`${f}.text`), (s) => s.length <= MAX_TEXT, `text of at most ${MAX_TEXT} characters`),
    })).slice(-MAX_HISTORY);
    const state: DeploymentState = {
      deployment,
      phase,
      attempt,
      migrationId: opt(d['migration-id'], (v) => id(v, at('migration-id'))),
      validationId: opt(d['validation-id'], (v) => id(v, at('validation-id'))),
      lastStatus: opt(d['last-status'], (v) => str(v, at('last-status'), (s) => s.length <= 64, 'a status of at most 64 characters')),
      lag,
      readySince: opt(d['ready-since'], (v) => time(v, at('ready-since'))),
      windowCloses: opt(d['window-closes'], (v) => time(v, at('window-closes'))),
      cutoverDispatchedAt: opt(d['cutover-dispatched-at'], (v) => time(v, at('cutover-dispatched-at'))),
      reservedAt: opt(d['reserved-at'], (v) => time(v, at('reserved-at'))),
      skipped: opt(d.skipped, (v) => (typeof v === 'boolean' ? v : bad(at('skipped'), 'should be true or false'))),
      stopReason: opt(d['stop-reason'], (v) =>
        str(v, at('stop-reason'), (s) => s.length <= MAX_TEXT, `text of at most ${MAX_TEXT} characters`),
      ),
      updatedAt: time(d['updated-at'], at('updated-at')),
      history,
    };
    const needsId: readonly Phase[] = ['syncing', 'ready', 'cutting-over', 'complete'];
    if (needsId.includes(phase) && !state.migrationId) bad(at('migration-id'), `is missing, and phase ${phase} needs one`);
    if (phase === 'validating' && !state.validationId) bad(at('validation-id'), 'is missing, and phase validating needs one');
    return state;
  });
  const inbox = opt(raw.inbox, (v): InboxRecord => {
    if (!isFields(v)) return bad('inbox', 'should be an object');
    const issue = opt(v.issue, (n) =>
      Number.isInteger(n) && (n as number) > 0 ? (n as number) : bad('inbox.issue', 'should be an issue number'),
    );
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    const CONTROL = /[\u0000-\u001f]/;
    const events = Array.isArray(v.events)
      ? v.events.map((e, i) =>
          str(e, `inbox.events[${i}]`, (t) => t.length <= 300 && !CONTROL.test(t), 'an event key of at most 300 characters'),
        )
      : bad('inbox.events', 'should be a list');
    if (events.length > MAX_INBOX_EVENTS) bad('inbox.events', `should hold at most ${MAX_INBOX_EVENTS} events`);
    return {
      issue,
      reservedAt: opt(v['reserved-at'], (t) => time(t, 'inbox.reserved-at')),
      events,
      digest: opt(v.digest, (t) => str(t, 'inbox.digest', (d) => /^[0-9a-f]{64}$/.test(d), 'a SHA-256 digest (64 hexadecimal digits)')),
      open: typeof v.open === 'boolean' ? v.open : bad('inbox.open', 'should be true or false'),
    };
  });
  return { version: STATE_VERSION, plan, sourceOrgId, updatedAt, deployments, ...(inbox ? { inbox } : {}) };
}

/** The state belongs to this plan: same name and source organization. */
export function checkStateFor(state: CampaignState, plan: CampaignPlan, file: string): void {
  if (state.plan !== plan.name || state.sourceOrgId !== plan.sourceOrgId)
    throw new StateError(
      `The campaign state ${file} belongs to plan "${state.plan}" of source organization ${state.sourceOrgId}, not to ${plan.file} ` +
        `(source-org-id ${plan.sourceOrgId}). Nothing was done. Rename the plan, or move the state file aside.`,
    );
}
