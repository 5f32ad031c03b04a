// Time in the summary of the migration commands, in process with a fake clock shared by the action
// and the simulator: the run's events as UTC ISO 8601 times, the lag at every poll as a Mermaid
// chart with its table (at most 200 points, evenly thinned), and when the cutover window closes.
import { afterEach, describe, expect, it } from 'vitest';
import { closeChecked } from '../helpers/scripts.js';
import { FakeClock, runInProcess } from '../helpers/in-process.js';
import type { ActionRun } from '../harness/run-action.js';
import { ATLAS_ORG_ID, ATLAS_PROJECT_ID, migrationInputs, SOURCE_ORG_ID, standardSimulator } from '../simulator/fixture.js';
import type { MigrationPlan, Simulator } from '../simulator/index.js';

const HOUR = 3600_000;
const BY_POLLS: Partial<MigrationPlan> = {
  validationAfterMs: 1000 * HOUR,
  workingAfterMs: 1000 * HOUR,
  readyAfterMs: 1000 * HOUR,
  completeAfterMs: 1000 * HOUR,
};
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

let sim: Simulator;
let clock: FakeClock;
let url: string;
async function start(plan: Partial<MigrationPlan>) {
  clock = new FakeClock(Date.parse('2026-12-04T10:00:00.000Z'));
  sim = standardSimulator({ clock, plan: { ...BY_POLLS, ...plan } });
  sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
  url = await sim.listen();
}
afterEach(() => closeChecked(sim));
const run = (inputs: Record<string, string>) => runInProcess(migrationInputs(url, inputs), { clock, sim });
const unescape = (html: string) => html.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

/** The rows of the summary table headed `title`. */
function rows(r: ActionRun, title: string): string[][] {
  const html = unescape(r.summary);
  const table = html.split(`<h3>${title}</h3>`)[1]?.match(/<table>(.*?)<\/table>/)?.[1] ?? '';
  return [...table.matchAll(/<tr>(.*?)<\/tr>/g)].slice(1).map((m) => [...m[1].matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1]));
}
/** The values of the Mermaid chart's line. */
function chartLine(r: ActionRun): number[] {
  const line = r.summary.match(/```mermaid\nxychart-beta\n[\s\S]*?\n {2}line \[(.*)\]\n```/)?.[1];
  return line === undefined ? [] : line.split(', ').map(Number);
}
const fact = (r: ActionRun, item: string) => unescape(r.summary).match(new RegExp(`<tr><td>${item}</td><td>(.*?)</td></tr>`))?.[1];

describe('migrate that waits until ready', () => {
  it('has a timeline in UTC ISO 8601, a lag chart with one point per poll and its table, and when the window closes', async () => {
    await start({ validationAfterPolls: 2, workingAfterPolls: 1, readyAfterPolls: 3, lagSeconds: [600, 240, 60, 5] });
    const r = await run({ command: 'migrate', 'wait-for': '3600' });
    expect(r.code).toBe(0);
    const timeline = rows(r, 'Timeline (UTC)');
    expect(timeline.map((row) => row[0])).toEqual([
      'Validation started',
      'Validation finished: SUCCESS',
      'Migration created',
      'First seen ready for cutover',
    ]);
    for (const [, at] of timeline) expect(at).toMatch(ISO);
    // The validation took two polls: 2 s + 3 s; the migration four more: 2 + 3 + 4.5 + 6.75 s.
    expect(timeline.map((row) => row[1])).toEqual([
      '2026-12-04T10:00:00.000Z',
      '2026-12-04T10:00:05.000Z',
      '2026-12-04T10:00:05.000Z',
      '2026-12-04T10:00:21.250Z',
    ]);
    const polls = sim.requests({ route: 'atlas.migrations.describe' }).filter((q) => q.auth !== 'none').length;
    expect(polls).toBe(4);
    expect(chartLine(r)).toEqual([600, 240, 60, 5]);
    expect(r.summary).toContain('  x-axis ["10:00:07", "10:00:10", "10:00:14", "10:00:21"]\n  y-axis "Lag (s)"\n');
    expect(rows(r, 'Replication lag while waiting')).toEqual([
      ['2026-12-04T10:00:07.000Z', '600'],
      ['2026-12-04T10:00:10.000Z', '240'],
      ['2026-12-04T10:00:14.500Z', '60'],
      ['2026-12-04T10:00:21.250Z', '5'],
    ]);
    const closes = '2026-12-09T10:00:21.250Z at the latest (120 h after this run saw the migration turn ready)';
    expect(fact(r, 'Cutover window closes')).toBe(closes);
    expect(unescape(r.summary)).toContain(`<li>Cut over before the window closes: by ${closes}.</li>`);
  });

  it('a migration already ready at the first read: no window close is claimed (the run did not see it turn)', async () => {
    await start({});
    const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING', readyForCutover: true });
    const r = await run({ command: 'migration-status', 'migration-id': id });
    expect(r.code).toBe(0);
    expect(fact(r, 'Cutover window closes')).toBeUndefined();
    expect(rows(r, 'Timeline (UTC)').map((row) => row[0])).toEqual(['First seen ready for cutover']);
    // One read is no chart.
    expect(r.summary).not.toContain('```mermaid');
  });
});

describe('cutover', () => {
  it('notes when the cutover was requested and when the run saw it COMPLETE', async () => {
    await start({ completeAfterPolls: 2 });
    const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING', readyForCutover: true });
    const r = await run({ command: 'cutover', 'migration-id': id, 'wait-for': '600' });
    expect(r.code).toBe(0);
    expect(rows(r, 'Timeline (UTC)')).toEqual([
      ['First seen ready for cutover', '2026-12-04T10:00:00.000Z'],
      ['Cutover requested', '2026-12-04T10:00:00.000Z'],
      ['Seen COMPLETE', '2026-12-04T10:00:05.000Z'],
    ]);
  });
});

describe('a long wait', () => {
  it('shows at most 200 points, evenly thinned from every poll, the first and the last kept', async () => {
    await start({ readyAfterPolls: 100_000, lagSeconds: Array.from({ length: 400 }, (_, i) => 400 - i) });
    const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING' });
    const r = await run({ command: 'migration-status', 'migration-id': id, 'wait-for': '21000' });
    expect(r.code).toBe(0);
    expect(r.summary).toContain('<p>⏳ Still syncing');
    const reads = sim.requests({ route: 'atlas.migrations.describe' }).filter((q) => q.auth !== 'none').length;
    expect(reads).toBeGreaterThan(300);
    const line = chartLine(r);
    expect(line).toHaveLength(200);
    const table = rows(r, 'Replication lag while waiting');
    expect(table[0][1]).toBe(String(line[0]));
    for (const [at] of table.slice(0, -1)) expect(at).toMatch(ISO);
    expect(clock.sleeps.reduce((a, b) => a + b)).toBe(21_000_000);
  });
});
