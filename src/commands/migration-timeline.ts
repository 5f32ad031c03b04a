import type { Migration } from '../api/migration-routes.js';
import type { ChartPoint, Section } from '../runner/summary.js';

/** After a migration becomes ready, Atlas keeps it ready for cutover this long, then it EXPIRES. */
export const CUTOVER_WINDOW_HOURS = 120;

/** What a run saw happen, and when (its clock's time): for the summary's timeline and lag chart. */
export interface Timeline {
  events: Array<{ what: string; at: number }>;
  /** The lag read at every poll of the migration. */
  lags: Array<{ at: number; seconds: number }>;
  /** The run read the migration NEW, or WORKING and not ready (so it can tell when it turned ready). */
  seenNotReady?: boolean;
  /** When this run first read the migration ready for cutover. */
  readySeenAt?: number;
  /** The cutover window closes by then at the latest: ready turned between two reads of this run. */
  windowClosesBy?: number;
}

export const startTimeline = (): Timeline => ({ events: [], lags: [] });

export const iso = (ms: number) => new Date(ms).toISOString();

export function recordEvent(timeline: Timeline, what: string, at: number): void {
  if (!timeline.events.some((e) => e.what === what)) timeline.events.push({ what, at });
}

/** Notes what a read of the migration shows: its lag, and the moment it is first seen ready or COMPLETE. */
export function observe(timeline: Timeline, m: Migration, at: number, ready: boolean): void {
  if (m.lagTimeSeconds !== undefined && Number.isFinite(m.lagTimeSeconds)) timeline.lags.push({ at, seconds: m.lagTimeSeconds });
  if (ready && timeline.readySeenAt === undefined) {
    timeline.readySeenAt = at;
    recordEvent(timeline, 'First seen ready for cutover', at);
    if (timeline.seenNotReady) timeline.windowClosesBy = at + CUTOVER_WINDOW_HOURS * 3600_000;
  } else if (!ready && (m.status === 'NEW' || m.status === 'WORKING') && timeline.readySeenAt === undefined) {
    timeline.seenNotReady = true;
  }
  if (m.status === 'COMPLETE') recordEvent(timeline, 'Seen COMPLETE', at);
}

/** "2026-12-09T14:30:00.000Z (120 h after this run saw it turn ready)". */
export const windowCloses = (t: Timeline): string | undefined =>
  t.windowClosesBy === undefined
    ? undefined
    : `${iso(t.windowClosesBy)} at the latest (${CUTOVER_WINDOW_HOURS} h after this run saw the migration turn ready)`;

/** The timeline as a table (UTC ISO 8601), and the lag chart once the migration was polled. */
export function timelineSections(t: Timeline): Section[] {
  const sections: Section[] = [];
  if (t.events.length) {
    sections.push({
      kind: 'table',
      title: 'Timeline (UTC)',
      head: ['Event', 'Time (UTC, ISO 8601)'],
      rows: t.events.map((e) => [e.what, iso(e.at)]),
    });
  }
  if (t.lags.length > 1) {
    const points: ChartPoint[] = t.lags.map((l) => ({ at: iso(l.at), value: l.seconds }));
    sections.push({ kind: 'chart', title: 'Replication lag while waiting', yLabel: 'Lag (s)', points });
  }
  return sections;
}
