// What the inbox issue says (src/campaign/inbox.ts): events by key, only the owners mentioned,
// and nothing a server or a deployment name says can mention, link or break the page.
import { describe, expect, it } from 'vitest';
import { inboxBody, inboxComment, inboxDigest, inboxEvents, inboxTitle } from '../../src/campaign/inbox.js';
import { iso, parseState, serializeState, stateForPlan, type CampaignState, type DeploymentState } from '../../src/campaign/state.js';
import { parsePlan, type CampaignPlan } from '../../src/inputs/campaign-plan.js';
import { outsideCodeSpans } from '../helpers/markdown.js';

const T0 = Date.UTC(2031, 0, 1);
const P = '65f000000000000000000001';
const HOSTILE = 'rs0 @evil [x](https://evil.example) <b>|</b> `x`';
const words = (text: string) => text;

function plan(owners = ''): CampaignPlan {
  return parsePlan(
    `source-org-id: 6a7b8c9d0e1f2a3b4c5d6e7f\natlas-org-id: 5f1a2b3c4d5e6f7a8b9c0d1e\natlas-project-id: 66a0b1c2d3e4f5a6b7c8d9e0\n${owners}` +
      `deployments:\n  - source-project-id: ${P}\n    source-cluster-name: "${HOSTILE}"\n    atlas-cluster-name: dest-rs0\n` +
      `  - source-project-id: ${P}\n    source-cluster-name: rs1\n    atlas-cluster-name: dest-rs1\n`,
    'orders.yml',
  );
}

function stateWith(p: CampaignPlan, over: Array<Partial<DeploymentState>>): CampaignState {
  const s = stateForPlan(p, undefined, T0);
  return { ...s, deployments: s.deployments.map((d, i) => ({ ...d, ...over[i] })) };
}

describe('the inbox issue', () => {
  it('has one event per stop and per window closing within 24 hours, each with a key that stays the same across runs', () => {
    const p = plan();
    const state = stateWith(p, [
      {
        phase: 'failed',
        attempt: 1,
        validationId: '7b0000000000000000000001',
        history: [{ at: iso(T0), text: 'validation FAILED: host down' }],
      },
      { phase: 'ready', migrationId: '6a0000000000000000000002', windowCloses: iso(T0 + 23 * 3600_000) },
    ]);
    const events = inboxEvents(p, state, T0);
    expect(events.map((e) => e.kind)).toEqual(['failed', 'window']);
    expect(events[0].said).toContain('host down');
    expect(inboxEvents(p, state, T0 + 60_000).map((e) => e.key)).toEqual(events.map((e) => e.key));
    // A window further than 24 hours off is no event; a skipped deployment neither.
    const later = stateWith(p, [
      { phase: 'failed', skipped: true },
      { phase: 'ready', windowCloses: iso(T0 + 25 * 3600_000) },
    ]);
    expect(inboxEvents(p, later, T0)).toEqual([]);
  });

  it('mentions only the plan’s owners; a hostile deployment name or server text opens no link, mention, HTML or cell', () => {
    const p = plan('owners:\n  - octocat\n  - "@octo-org/dba"\n');
    expect(p.owners).toEqual(['@octocat', '@octo-org/dba']);
    const state = stateWith(p, [
      { phase: 'failed', attempt: 1, history: [{ at: iso(T0), text: 'FAILED: @admin see [here](https://x.example) <img src=x> | done' }] },
    ]);
    const events = inboxEvents(p, state, T0);
    const body = inboxBody(p, events, 'live-migration-state:orders.json', words);
    const comment = inboxComment(events, words);
    for (const text of [body, comment]) {
      const active = outsideCodeSpans(text);
      expect(text).toContain('@evil');
      expect(active).not.toMatch(/@evil|@admin|\]\(https|<b>|<img/);
      expect(active.match(/@[A-Za-z]/g) ?? []).toEqual(text === body ? ['@o', '@o'] : []);
      for (const line of text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---')))
        expect(line.split(/(?<!\\)\|/).length, line).toBe(5);
    }
    expect(body.split('\n')[0]).toBe('<!-- mongodb-live-migration inbox: orders -->');
    expect(inboxTitle(p)).toBe('Migration campaign orders needs a person');
    expect(inboxDigest(inboxTitle(p), body)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps its record in the state file, checked when read back', () => {
    const p = plan();
    const base = stateForPlan(p, undefined, T0);
    const state = { ...base, deployments: base.deployments.slice(1), inbox: { issue: 7, events: ['failed:x'], open: true } };
    expect(parseState(serializeState(state), 'f').inbox).toEqual({ issue: 7, events: ['failed:x'], open: true });
    const bad = serializeState(state).replace('"issue": 7', '"issue": "7; rm"');
    expect(() => parseState(bad, 'live-migration-state:orders.json')).toThrow(
      /orders\.json is not usable: inbox\.issue should be an issue number/,
    );
  });

  it('refuses owners that are not GitHub users or teams, naming the plan file and the field', () => {
    expect(() => plan('owners:\n  - "@a b"\n')).toThrow(/orders\.yml.*owners\[0\].*GitHub user or team/s);
    expect(() => plan('owners: octocat\n')).toThrow(/owners.*a list of GitHub users or teams/s);
  });
});
