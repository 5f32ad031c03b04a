// The state file is input: written by this action, but read back from a repository anyone with
// write access can edit. And the dashboard: no value from a server, the plan or the state can break it.
import { describe, expect, it } from 'vitest';
import type { Migration } from '../../src/api/migration-routes.js';
import { cell, lagChart, renderDashboard } from '../../src/campaign/dashboard.js';
import { ACTIVE_MARKUP, outsideCodeSpans } from '../helpers/markdown.js';
import { recordCuttingOver, recordMigration } from '../../src/campaign/observe.js';
import { parsePlan } from '../../src/inputs/campaign-plan.js';
import { campaignOutput, readyOutput } from '../../src/campaign/report.js';
import {
  addLag,
  checkStateFor,
  iso,
  MAX_LAG_SAMPLES,
  parseState,
  serializeState,
  stateForPlan,
  StateError,
  type CampaignState,
  type DeploymentState,
} from '../../src/campaign/state.js';
import { RefusedError } from '../../src/errors.js';

const T0 = Date.UTC(2031, 0, 1);
const mig = (over: Partial<Migration>): Migration => ({
  _id: M1,
  status: 'WORKING',
  readyForCutover: undefined,
  lagTimeSeconds: undefined,
  migrationHosts: undefined,
  ...over,
});
const P = '65f000000000000000000001';
const M1 = '6a0000000000000000000001';
const FILE = 'live-migration-state:orders.json';
const plan = parsePlan(
  `source-org-id: 6a7b8c9d0e1f2a3b4c5d6e7f\natlas-org-id: 5f1a2b3c4d5e6f7a8b9c0d1e\natlas-project-id: 66a0b1c2d3e4f5a6b7c8d9e0\n` +
    `deployments:\n  - source-project-id: ${P}\n    source-cluster-name: rs0\n    atlas-cluster-name: a\n` +
    `  - source-project-id: ${P}\n    source-cluster-name: rs1\n    atlas-cluster-name: b\n`,
  'orders.yml',
);

function sample(): CampaignState {
  const s = stateForPlan(plan, undefined, T0);
  const first: DeploymentState = {
    ...s.deployments[0],
    phase: 'ready',
    attempt: 1,
    migrationId: M1,
    lastStatus: 'WORKING',
    lag: [{ at: iso(T0), seconds: 12 }],
    readySince: iso(T0),
    windowCloses: iso(T0 + 120 * 3600_000),
    history: [{ at: iso(T0), text: 'syncing → ready' }],
  };
  return { ...s, deployments: [first, s.deployments[1]] };
}

function refusal(text: string): string {
  try {
    parseState(text, FILE);
  } catch (err) {
    expect(err).toBeInstanceOf(StateError);
    expect(err).toBeInstanceOf(RefusedError);
    return (err as Error).message;
  }
  throw new Error('accepted');
}

describe('the state file', () => {
  it('round-trips through its kebab-case JSON', () => {
    const text = serializeState(sample());
    expect(JSON.parse(text).deployments[0]).toMatchObject({ 'migration-id': M1, 'ready-since': iso(T0), phase: 'ready' });
    expect(parseState(text, FILE)).toEqual(JSON.parse(JSON.stringify(sample())));
  });

  const edit = (change: (file: Record<string, unknown> & { deployments: Record<string, unknown>[] }) => void) => {
    const file = JSON.parse(serializeState(sample()));
    change(file);
    return JSON.stringify(file);
  };
  it.each([
    ['not JSON', '{"version": 1,', /is not valid JSON/],
    ['a newer version', edit((f) => (f.version = 2)), /version is 2; this action reads version 1/],
    ['an unknown phase', edit((f) => (f.deployments[0].phase = 'paused')), /deployments\[0\]\.phase should be one of pending, /],
    [
      'a bad migration id',
      edit((f) => (f.deployments[0]['migration-id'] = '$(rm -rf /)')),
      /deployments\[0\]\.migration-id should be 24 hexadecimal digits/,
    ],
    [
      'a local time',
      edit((f) => (f.deployments[0]['ready-since'] = '2031-01-01 00:00')),
      /deployments\[0\]\.ready-since should be an ISO 8601 UTC time/,
    ],
    [
      'a negative lag',
      edit((f) => ((f.deployments[0].lag as { seconds: number }[])[0].seconds = -1)),
      /deployments\[0\]\.lag\[0\]\.seconds should be/,
    ],
    ['a duplicated deployment', edit((f) => f.deployments.push(f.deployments[0])), /deployments\[2\]\.deployment appears twice/],
    [
      'ready without a migration id',
      edit((f) => delete f.deployments[0]['migration-id']),
      /migration-id is missing, and phase ready needs one/,
    ],
    [
      'a deployment name with a line break',
      edit((f) => (f.deployments[1].deployment = `${P}/rs1\n# x`)),
      /deployments\[1\]\.deployment should be/,
    ],
  ])('refuses %s, naming the file and the field, and saying nothing was done', (_name, text, expected) => {
    const message = refusal(text);
    expect(message).toMatch(/^The campaign state live-migration-state:orders\.json is not usable: /);
    expect(message).toMatch(expected);
    expect(message).toMatch(/Nothing was done/);
    expect(message).not.toContain('rm -rf');
  });

  it('belongs to one plan and source organization', () => {
    const other = { ...sample(), sourceOrgId: 'ffffffffffffffffffffffff' };
    expect(() => checkStateFor(other, plan, FILE)).toThrow(/belongs to plan "orders" of source organization ffffffffffffffffffffffff/);
    expect(() => checkStateFor(sample(), plan, FILE)).not.toThrow();
  });

  it('keeps at most 200 lag samples, evenly thinned, the first and the newest kept', () => {
    let lag: DeploymentState['lag'] = [];
    for (let i = 0; i < 1000; i++) lag = addLag(lag, { at: iso(T0 + i * 60_000), seconds: i });
    expect(lag.length).toBeLessThanOrEqual(MAX_LAG_SAMPLES);
    expect(lag.length).toBeGreaterThan(MAX_LAG_SAMPLES / 2);
    expect(lag[0].seconds).toBe(0);
    expect(lag.at(-1)?.seconds).toBe(999);
    const gaps = new Set(
      lag
        .slice(0, -1)
        .map((s, i) => lag[i + 1].seconds - s.seconds)
        .slice(0, -1),
    );
    expect(gaps.size).toBeLessThanOrEqual(2);
  });
});

describe('outputs', () => {
  it('campaign: one object per deployment; ready: the ready ones with their project', () => {
    expect(campaignOutput(sample())).toEqual([
      {
        deployment: `${P}/rs0`,
        phase: 'ready',
        'migration-id': M1,
        'lag-seconds': 12,
        'ready-since': iso(T0),
        'window-closes': iso(T0 + 120 * 3600_000),
      },
      { deployment: `${P}/rs1`, phase: 'pending', 'migration-id': null, 'lag-seconds': null, 'ready-since': null, 'window-closes': null },
    ]);
    expect(readyOutput(plan, sample())).toEqual([
      {
        deployment: `${P}/rs0`,
        'migration-id': M1,
        'atlas-project-id': '66a0b1c2d3e4f5a6b7c8d9e0',
        'window-closes': iso(T0 + 120 * 3600_000),
      },
    ]);
  });
});

describe('the dashboard', () => {
  const HOSTILE = [
    'a|b',
    '`x`',
    '```\n# heading',
    '<img src=x onerror=alert(1)>',
    '[link](https://evil.example)',
    '@octocat',
    'line\r\nbreak',
    '\u202eevil',
    '</details>',
  ];

  it.each(HOSTILE)('a cell neutralises %j: plain when it holds no markup, else one code span; no unescaped pipe', (value) => {
    const out = cell(value);
    expect(out).not.toMatch(/(?<!\\)\|/);
    expect(out).not.toMatch(/[\r\n\u202e]/);
    expect(outsideCodeSpans(out)).not.toMatch(ACTIVE_MARKUP);
    expect(out).not.toContain('&#');
  });

  it('writes what the action produces as plain text: times, ids, phases', () => {
    for (const own of ['2026-12-05T14:33:13.563Z', 'complete (COMPLETE)', '65f000000000000000000001/rs0', '12 min'])
      expect(cell(own)).toBe(own);
    expect(cell('see https://evil.example')).toBe('`see https://evil.example`');
    expect(cell('`x`')).toBe('`` `x` ``');
  });

  it('hostile values from the server, the plan and the state cannot add a column, a row, a code block or HTML', () => {
    let s = sample();
    // A server's status string, and a history text holding one, go through every path to the page.
    s = recordMigration(s, `${P}/rs0`, mig({ status: 'FAILED|`\n```\n<script>', lagTimeSeconds: 5 }), T0 + 1000);
    s = { ...s, deployments: s.deployments.map((d, i) => (i === 0 ? { ...d, phase: 'failed' } : d)) };
    const hostilePlan = { ...plan, file: 'plans/`x`|<b>.yml', name: 'o|`' };
    const page = renderDashboard(hostilePlan, s, iso(T0));
    const lines = page.split('\n');
    const rows = lines.filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.match(/(?<!\\)\|/g)).toHaveLength(8);
    for (const line of lines.filter((l) => !l.startsWith('#') && !l.startsWith('| ---')))
      expect(outsideCodeSpans(line).replace(/\\\|/g, ''), line).not.toMatch(/[<>[\]@`]/);
    expect(lines.filter((l) => l.startsWith('```'))).toEqual([]);
    expect(page).toContain('## Stopped: a person decides');
    expect(page).toContain('FAILED\\|` ');
    expect(page).not.toContain('&#');
  });

  it('draws the lag of the active migration as a Mermaid xychart of numbers only', () => {
    let s = sample();
    for (let i = 1; i <= 5; i++)
      s = recordMigration(s, `${P}/rs0`, mig({ readyForCutover: true, lagTimeSeconds: 10 - i }), T0 + i * 900_000);
    const page = renderDashboard(plan, s, iso(T0));
    const chart = page.slice(page.indexOf('```mermaid'), page.lastIndexOf('```') + 3).split('\n');
    expect(chart[0]).toBe('```mermaid');
    expect(chart[1]).toBe('xychart-beta');
    expect(chart).toContain('  line [12, 9, 8, 7, 6, 5]');
    expect(chart.at(-1)).toBe('```');
    const hostile = { ...s.deployments[0], deployment: `${P}/"] \`\`\`` };
    const lines = lagChart(hostile);
    expect(lines.find((l) => l.startsWith('  title'))).toMatch(/^ {2}title "Lag of [A-Za-z0-9 ./-]* \(seconds\)"$/);
    expect(lines.filter((l) => l.includes('`'))).toEqual(['```mermaid', '```']);
  });
});

describe('cutover with plan', () => {
  it('moves a ready deployment to cutting-over once, with an event and a time; any other phase is left as it is', () => {
    const s = sample();
    const cut = recordCuttingOver(s, `${P}/rs0`, T0 + 5000, 'cutover requested by cutover');
    expect(cut.deployments[0].phase).toBe('cutting-over');
    expect(cut.deployments[0].updatedAt).toBe(iso(T0 + 5000));
    expect(cut.deployments[0].history.at(-1)).toEqual({ at: iso(T0 + 5000), text: 'ready → cutting-over: cutover requested by cutover' });
    expect(cut.deployments[1]).toEqual(s.deployments[1]);
    expect(recordCuttingOver(cut, `${P}/rs0`, T0 + 9000)).toBe(cut);
    const complete = recordMigration(cut, `${P}/rs0`, mig({ status: 'COMPLETE' }), T0 + 9000);
    expect(complete.deployments[0].phase).toBe('complete');
    expect(recordCuttingOver(complete, `${P}/rs0`, T0 + 10_000)).toBe(complete);
    expect(recordCuttingOver(s, `${P}/rs1`, T0 + 5000)).toBe(s);
  });
});
