// Error bodies of any JSON shape are described, never an "Unexpected error": objects where MongoDB
// sends strings, arrays where it sends objects, keys that shadow JavaScript's own (toString).
import { afterEach, describe, expect, it } from 'vitest';
import { closeChecked } from '../helpers/scripts.js';
import { FakeClock, runInProcess } from '../helpers/in-process.js';
import { ATLAS_ORG_ID, migrationInputs, SOURCE_ORG_ID, standardSimulator } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';

let sim: Simulator;
afterEach(() => closeChecked(sim));

const bodies: Array<[string, unknown, RegExp]> = [
  [
    'a field that is an object shadowing toString',
    {
      error: 400,
      errorCode: 'VALIDATION_ERROR',
      detail: 'Bad.',
      badRequestDetail: { fields: [{ field: { toString: 1 }, description: 'x' }] },
    },
    /HTTP 400 VALIDATION_ERROR: Bad\. \(\(an object with 1 key\): x\)/,
  ],
  [
    'a description that is an array, a field that is null',
    { error: 400, errorCode: 'VALIDATION_ERROR', badRequestDetail: { fields: [{ field: null, description: [1, 2] }, 'loose', [3]] } },
    /HTTP 400 VALIDATION_ERROR: null: \(an array of 2\)/,
  ],
  [
    'fields that is not an array',
    { error: 400, errorCode: 'VALIDATION_ERROR', badRequestDetail: { fields: { valueOf: 2 } } },
    /HTTP 400 VALIDATION_ERROR\./,
  ],
  [
    'an errorCode that is an object',
    { error: { toString: 1 }, errorCode: { valueOf: 1 }, detail: { a: 1 } },
    /HTTP 400 with an application\/json body/,
  ],
  ['a body that is an array', [{ errorCode: 'X' }], /HTTP 400 with an application\/json body/],
];

describe('odd error bodies on the migration routes', () => {
  for (const [what, body, expected] of bodies) {
    for (const route of ['atlas.migrations.validate', 'atlas.migrations.create'] as const) {
      it(`${what} (${route})`, async () => {
        const clock = new FakeClock();
        sim = standardSimulator({ clock, plan: { validationAfterPolls: 0 } });
        sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
        const url = await sim.listen();
        sim.respond(route, { status: 400, body });
        const run = await runInProcess(migrationInputs(url, { command: 'migrate' }), { clock, sim });
        expect(run.code).toBe(1);
        expect(run.errors[0].message).not.toMatch(/Unexpected error/);
        expect(run.errors[0].message).toMatch(expected);
        expect(run.summary).not.toContain('Unexpected error');
      });
    }
  }
});
