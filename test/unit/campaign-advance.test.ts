// The campaign's next safe step, and what each observation does to the state: table-driven over
// states, plus whole sequences (three deployments to complete, a concurrent run, a lost create).
import { describe, expect, it } from 'vitest';
import type { Migration } from '../../src/api/migration-routes.js';
import { applyResolutions, nextStep, RESERVATION_STALE_MS, windowWarnings, type RunMemory } from '../../src/campaign/advance.js';
import {
  CUTOVER_WINDOW_MS,
  recordCreated,
  recordDispatched,
  recordMigration,
  recordReservation,
  recordUnknown,
  recordValidation,
  recordValidationStarted,
} from '../../src/campaign/observe.js';
import { parsePlan, type CampaignPlan } from '../../src/inputs/campaign-plan.js';
import { ACTIVE, iso, stateForPlan, type CampaignState, type DeploymentState } from '../../src/campaign/state.js';

const T0 = Date.UTC(2031, 0, 1, 0, 0, 0);
const P = '65f000000000000000000001';
const [A, B, C] = ['rs0', 'rs1', 'rs2'].map((n) => `${P}/${n}`);
const M1 = '6a0000000000000000000001';
const M2 = '6a0000000000000000000002';
const V1 = '7b0000000000000000000001';

function plan(extra: Record<string, string> = {}): CampaignPlan {
  const entry = (name: string) =>
    `  - source-project-id: ${P}\n    source-cluster-name: ${name}\n    atlas-cluster-name: dest-${name}\n${extra[name] ?? ''}`;
  return parsePlan(
    `source-org-id: 6a7b8c9d0e1f2a3b4c5d6e7f\natlas-org-id: 5f1a2b3c4d5e6f7a8b9c0d1e\natlas-project-id: 66a0b1c2d3e4f5a6b7c8d9e0\ndeployments:\n${['rs0', 'rs1', 'rs2'].map(entry).join('')}`,
    'orders.yml',
  );
}

const run = (over: Partial<RunMemory> = {}): RunMemory => ({ now: T0, read: new Set(), reserved: new Set(), ...over });

function stateWith(p: CampaignPlan, entries: Record<string, Partial<DeploymentState>>): CampaignState {
  const s = stateForPlan(p, undefined, T0);
  return { ...s, deployments: s.deployments.map((d) => ({ ...d, ...entries[d.deployment] })) };
}

const migration = (over: Partial<Migration> = {}): Migration => ({
  _id: M1,
  status: 'WORKING',
  readyForCutover: undefined,
  lagTimeSeconds: undefined,
  migrationHosts: undefined,
  ...over,
});

describe('nextStep: one safe step for each state', () => {
  const cases: Array<[string, Record<string, Partial<DeploymentState>>, Partial<RunMemory>, Record<string, unknown>]> = [
    ['all pending: validate the first', {}, {}, { kind: 'validate', deployment: expect.objectContaining({ id: A }) }],
    [
      'first complete: validate the second',
      { [A]: { phase: 'complete', migrationId: M1, attempt: 1 } },
      {},
      { kind: 'validate', deployment: expect.objectContaining({ id: B }) },
    ],
    [
      'syncing, not read yet: describe it',
      { [A]: { phase: 'syncing', migrationId: M1, attempt: 1 } },
      {},
      { kind: 'describe', migrationId: M1 },
    ],
    [
      'syncing, read this run: wait (never start a second)',
      { [A]: { phase: 'syncing', migrationId: M1, attempt: 1 } },
      { read: new Set([A]) },
      { kind: 'wait' },
    ],
    [
      'ready, read, a cutover workflow: dispatch',
      { [A]: { phase: 'ready', migrationId: M1, attempt: 1 } },
      { read: new Set([A]), cutoverWorkflow: 'cutover.yml' },
      { kind: 'dispatch-cutover', migrationId: M1, workflow: 'cutover.yml' },
    ],
    [
      'ready, dispatched already: wait',
      { [A]: { phase: 'ready', migrationId: M1, attempt: 1, cutoverDispatchedAt: iso(T0) } },
      { read: new Set([A]), cutoverWorkflow: 'cutover.yml' },
      { kind: 'wait' },
    ],
    [
      'ready, no workflow: wait for a person to cut over',
      { [A]: { phase: 'ready', migrationId: M1, attempt: 1 } },
      { read: new Set([A]) },
      { kind: 'wait' },
    ],
    [
      'validating, not read: read the validation',
      { [A]: { phase: 'validating', validationId: V1, attempt: 1, lastStatus: 'PENDING' } },
      {},
      { kind: 'read-validation', validationId: V1 },
    ],
    [
      'validation SUCCESS: reserve before creating',
      { [A]: { phase: 'validating', validationId: V1, attempt: 1, lastStatus: 'SUCCESS' } },
      {},
      { kind: 'reserve' },
    ],
    [
      'reserved by this run: create',
      { [A]: { phase: 'starting', attempt: 1, reservedAt: iso(T0) } },
      { reserved: new Set([A]) },
      { kind: 'create' },
    ],
    [
      'reserved by another run just now: wait, create nothing',
      { [A]: { phase: 'starting', attempt: 1, reservedAt: iso(T0 - 60_000) } },
      {},
      { kind: 'wait' },
    ],
    [
      'a reservation left long ago without an id: stop as unknown',
      { [A]: { phase: 'starting', attempt: 1, reservedAt: iso(T0 - RESERVATION_STALE_MS) } },
      {},
      { kind: 'stop', markUnknown: true },
    ],
    ['FAILED: stop, nothing else starts', { [A]: { phase: 'failed', migrationId: M1, attempt: 1 } }, {}, { kind: 'stop', deployment: A }],
    [
      'EXPIRED: stop',
      { [A]: { phase: 'complete', migrationId: M2, attempt: 1 }, [B]: { phase: 'expired', migrationId: M1, attempt: 1 } },
      {},
      { kind: 'stop', deployment: B },
    ],
    [
      'unknown: stop, naming the Atlas UI',
      { [A]: { phase: 'unknown', attempt: 1 } },
      {},
      { kind: 'stop', reason: expect.stringMatching(/Atlas UI.*set migration-id.*raise attempt to 2/) },
    ],
    [
      'a skipped failure does not stop the others',
      { [A]: { phase: 'failed', attempt: 1, skipped: true } },
      {},
      { kind: 'validate', deployment: expect.objectContaining({ id: B }) },
    ],
    [
      'two active in the state: stop',
      { [A]: { phase: 'syncing', migrationId: M1, attempt: 1 }, [B]: { phase: 'ready', migrationId: M2, attempt: 1 } },
      {},
      { kind: 'stop', reason: expect.stringMatching(/one at a time/) },
    ],
    [
      'all complete or skipped: done',
      {
        [A]: { phase: 'complete', migrationId: M1, attempt: 1 },
        [B]: { skipped: true },
        [C]: { phase: 'complete', migrationId: M2, attempt: 1 },
      },
      {},
      { kind: 'done' },
    ],
  ];
  it.each(cases)('%s', (_name, entries, memory, expected) => {
    const p = plan();
    expect(nextStep(p, stateWith(p, entries), run(memory))).toMatchObject(expected);
  });

  it('an active deployment the plan dropped still blocks the others', () => {
    const p = plan();
    const s = stateWith(p, { [A]: { phase: 'syncing', migrationId: M1, attempt: 1 } });
    const fewer = { ...p, deployments: p.deployments.slice(1) };
    expect(nextStep(fewer, s, run())).toMatchObject({
      kind: 'stop',
      deployment: A,
      reason: expect.stringMatching(/no longer in orders\.yml/),
    });
  });
});

describe('observations', () => {
  const p = plan();
  const syncing = () => stateWith(p, { [A]: { phase: 'syncing', migrationId: M1, attempt: 1 } });
  const entry = (s: CampaignState, id = A) => s.deployments.find((d) => d.deployment === id) as DeploymentState;

  it('records status and lag; ready-since and window-closes once, kept on later reads', () => {
    let s = recordMigration(syncing(), A, migration({ lagTimeSeconds: 120 }), T0);
    expect(entry(s)).toMatchObject({ phase: 'syncing', lastStatus: 'WORKING', lag: [{ at: iso(T0), seconds: 120 }] });
    s = recordMigration(s, A, migration({ readyForCutover: true, lagTimeSeconds: 2 }), T0 + 1000);
    expect(entry(s)).toMatchObject({ phase: 'ready', readySince: iso(T0 + 1000), windowCloses: iso(T0 + 1000 + CUTOVER_WINDOW_MS) });
    s = recordMigration(s, A, migration({ readyForCutover: true, lagTimeSeconds: 1 }), T0 + 3600_000);
    expect(entry(s)).toMatchObject({ readySince: iso(T0 + 1000), windowCloses: iso(T0 + 1000 + CUTOVER_WINDOW_MS) });
    expect(entry(s).lag).toHaveLength(3);
    s = recordMigration(s, A, migration({ status: 'COMPLETE' }), T0 + 7200_000);
    expect(entry(s)).toMatchObject({ phase: 'complete', readySince: iso(T0 + 1000) });
    expect(entry(s).history.map((h) => h.text)).toEqual([
      `syncing → ready: migration ${M1} ready for cutover`,
      `ready → complete: migration ${M1} COMPLETE`,
    ]);
  });

  it.each([
    ['FAILED', 'failed'],
    ['EXPIRED', 'expired'],
  ])('%s → %s', (status, phase) => {
    expect(entry(recordMigration(syncing(), A, migration({ status }), T0)).phase).toBe(phase);
  });

  it('an unknown status is recorded and keeps the phase', () => {
    expect(entry(recordMigration(syncing(), A, migration({ status: 'PAUSED' }), T0))).toMatchObject({
      phase: 'syncing',
      lastStatus: 'PAUSED',
    });
  });

  it('a validation FAILED stops with its message in the history', () => {
    let s = recordValidationStarted(stateWith(p, {}), A, { _id: V1, status: 'PENDING', errorMessage: undefined }, T0);
    expect(entry(s)).toMatchObject({ phase: 'validating', attempt: 1, validationId: V1 });
    s = recordValidation(s, A, { _id: V1, status: 'FAILED', errorMessage: 'no route to host' }, T0);
    expect(entry(s).phase).toBe('failed');
    expect(entry(s).history.at(-1)?.text).toMatch(/no route to host/);
  });

  it('a dispatch is recorded once and not proposed again, even when its answer was lost', () => {
    const ready = stateWith(p, { [A]: { phase: 'ready', migrationId: M1, attempt: 1 } });
    const s = recordDispatched(ready, A, T0, true);
    expect(nextStep(p, s, run({ read: new Set([A]), cutoverWorkflow: 'c.yml' })).kind).toBe('wait');
    expect(entry(s).history.at(-1)?.text).toMatch(/answer lost, not repeated/);
  });

  it('windows closing within 24 h are warned of', () => {
    const s = stateWith(p, {
      [A]: { phase: 'ready', migrationId: M1, attempt: 1, windowCloses: iso(T0 + 23 * 3600_000) },
      [B]: { phase: 'ready', migrationId: M2, attempt: 1, windowCloses: iso(T0 + 25 * 3600_000) },
    });
    expect(windowWarnings(s, T0)).toEqual([expect.stringMatching(new RegExp(`^${A}: .*in 23\\.0 h`))]);
  });
});

describe('a person resolves a stop in the plan', () => {
  it('raising attempt restarts once; a value left in the plan does not restart the next failure', () => {
    const p2 = plan({ rs0: '    attempt: 2\n' });
    const failed = stateWith(p2, { [A]: { phase: 'failed', migrationId: M1, attempt: 1, lag: [{ at: iso(T0), seconds: 5 }] } });
    const { state } = applyResolutions(p2, failed, T0);
    expect(state.deployments[0]).toMatchObject({ phase: 'pending', migrationId: undefined, lag: [] });
    expect(nextStep(p2, state, run())).toMatchObject({ kind: 'validate', deployment: expect.objectContaining({ id: A }) });
    const again = recordValidationStarted(state, A, { _id: V1, status: 'FAILED', errorMessage: 'x' }, T0);
    expect(again.deployments[0]).toMatchObject({ phase: 'failed', attempt: 2 });
    expect(applyResolutions(p2, again, T0).state.deployments[0].phase).toBe('failed');
  });

  it('migration-id adopts the migration found in Atlas, from unknown only', () => {
    const adopt = plan({ rs0: `    migration-id: ${M2}\n` });
    const { state } = applyResolutions(adopt, stateWith(adopt, { [A]: { phase: 'unknown', attempt: 1 } }), T0);
    expect(state.deployments[0]).toMatchObject({ phase: 'syncing', migrationId: M2 });
    const failed = applyResolutions(adopt, stateWith(adopt, { [A]: { phase: 'failed', migrationId: M1, attempt: 1 } }), T0);
    expect(failed.state.deployments[0].phase).toBe('failed');
    expect(failed.warnings).toEqual([expect.stringMatching(/used only for a deployment in phase unknown/)]);
  });

  it('skip leaves a stopped deployment out, but never an active one', () => {
    const skip = plan({ rs0: '    skip: true\n' });
    const stopped = applyResolutions(skip, stateWith(skip, { [A]: { phase: 'expired', migrationId: M1, attempt: 1 } }), T0);
    expect(nextStep(skip, stopped.state, run())).toMatchObject({ kind: 'validate', deployment: expect.objectContaining({ id: B }) });
    const active = applyResolutions(skip, stateWith(skip, { [A]: { phase: 'syncing', migrationId: M1, attempt: 1 } }), T0);
    expect(active.warnings).toEqual([expect.stringMatching(/ignored while its migration is syncing/)]);
    expect(nextStep(skip, active.state, run())).toMatchObject({ kind: 'describe', migrationId: M1 });
  });
});

describe('whole campaigns, step by step', () => {
  /** Runs the campaign as a command would, against a scripted MongoDB; returns the steps taken. */
  function drive(p: CampaignPlan, start: CampaignState, runs: number, mongo: { createLost?: (id: string) => boolean }) {
    let s = start;
    let now = T0;
    const taken: string[] = [];
    let created = 0;
    for (let r = 0; r < runs; r++) {
      now += 15 * 60_000;
      const read = new Set<string>();
      const reserved = new Set<string>();
      for (let guard = 0; guard < 20; guard++) {
        const step = nextStep(p, s, { now, read, reserved });
        const id = 'deployment' in step ? (typeof step.deployment === 'string' ? step.deployment : step.deployment?.id) : undefined;
        taken.push(`${r}:${step.kind}${id ? `:${id.split('/')[1]}` : ''}`);
        expect(s.deployments.filter((d) => ACTIVE.includes(d.phase)).length).toBeLessThanOrEqual(1);
        if (step.kind === 'validate')
          s = recordValidationStarted(s, step.deployment.id, { _id: V1, status: 'SUCCESS', errorMessage: undefined }, now);
        else if (step.kind === 'reserve') {
          s = recordReservation(s, step.deployment.id, now);
          reserved.add(step.deployment.id);
        } else if (step.kind === 'create') {
          if (mongo.createLost?.(step.deployment.id)) s = recordUnknown(s, step.deployment.id, now, 'the answer was lost');
          else
            s = recordCreated(
              s,
              step.deployment.id,
              migration({ _id: `6a00000000000000000000${String(++created).padStart(2, '0')}`, status: 'NEW' }),
              now,
            );
        } else if (step.kind === 'describe') {
          read.add(step.deployment.id);
          const d = s.deployments.find((x) => x.deployment === step.deployment.id) as DeploymentState;
          const status = d.phase === 'ready' ? 'COMPLETE' : 'WORKING';
          s = recordMigration(
            s,
            step.deployment.id,
            migration({ _id: step.migrationId, status, readyForCutover: status === 'WORKING', lagTimeSeconds: 3 }),
            now,
          );
        } else break;
      }
    }
    return { state: s, taken };
  }

  it('three deployments go pending → complete, one at a time: the next starts only in the run that saw the previous complete', () => {
    const p = plan();
    const { state, taken } = drive(p, stateForPlan(p, undefined, T0), 10, {});
    expect(state.deployments.map((d) => d.phase)).toEqual(['complete', 'complete', 'complete']);
    expect(taken.filter((t) => t.includes(':create:'))).toEqual(['0:create:rs0', '1:create:rs1', '2:create:rs2']);
    expect(taken.at(-1)).toMatch(/:done$/);
  });

  it('a lost create answer leaves unknown and starts nothing more', () => {
    const p = plan();
    const { state, taken } = drive(p, stateForPlan(p, undefined, T0), 4, { createLost: (id) => id === B });
    expect(state.deployments.map((d) => d.phase)).toEqual(['complete', 'unknown', 'pending']);
    expect(taken.filter((t) => t.includes(':create:'))).toEqual(['0:create:rs0', '1:create:rs1']);
    expect(taken.slice(-2)).toEqual(['2:stop:rs1', '3:stop:rs1']);
  });

  it('two runs at the same moment: the one whose reservation lost the compare-and-swap reads it and creates nothing', () => {
    const p = plan();
    const validated = recordValidationStarted(
      stateForPlan(p, undefined, T0),
      A,
      { _id: V1, status: 'SUCCESS', errorMessage: undefined },
      T0,
    );
    expect(nextStep(p, validated, run()).kind).toBe('reserve');
    expect(nextStep(p, validated, run()).kind).toBe('reserve');
    // Run 1 wrote its reservation first; run 2's write answered 409, so run 2 reads the state anew.
    const written = recordReservation(validated, A, T0);
    expect(nextStep(p, written, run({ reserved: new Set([A]) })).kind).toBe('create');
    expect(nextStep(p, written, run({ now: T0 + 1000 }))).toMatchObject({
      kind: 'wait',
      reason: expect.stringMatching(/another run reserved it/),
    });
  });
});
