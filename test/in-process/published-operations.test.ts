// Every request of every command, with an API key and with a service account, is an operation
// MongoDB publishes (test/fixtures/mongodb-operations.ts): its method and path, a version date the
// operation publishes (Atlas v2), and `pretty` only where the operation takes it.
import { afterEach, describe, expect, it } from 'vitest';
import { closeChecked } from '../helpers/scripts.js';
import {
  ATLAS_ORG_ID,
  ATLAS_PROJECT_ID,
  linkInputs,
  migrationInputs,
  SOURCE_ORG_ID,
  sourceInputs,
  standardSimulator,
  withServiceAccount,
} from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';
import { FakeClock, runInProcess } from '../helpers/in-process.js';
import { operationOf } from '../fixtures/mongodb-operations.js';

let sim: Simulator;
afterEach(() => closeChecked(sim));

type Kind = 'api key' | 'service account';
interface Case {
  command: string;
  arrange(sim: Simulator): void;
  inputs(url: string): Record<string, string>;
}

const linked = (s: Simulator) => void s.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
const CASES: Case[] = [
  { command: 'link', arrange: () => undefined, inputs: (url) => linkInputs(url, url, { command: 'link' }) },
  { command: 'status', arrange: linked, inputs: (url) => linkInputs(url, url, { command: 'status' }) },
  { command: 'unlink', arrange: linked, inputs: (url) => linkInputs(url, url, { command: 'unlink' }) },
  { command: 'validate', arrange: linked, inputs: (url) => migrationInputs(url, { command: 'validate' }) },
  { command: 'migrate', arrange: linked, inputs: (url) => migrationInputs(url, { command: 'migrate', 'wait-for': '3600' }) },
  {
    command: 'migration-status',
    arrange: linked,
    inputs: (url) => migrationInputs(url, { command: 'migration-status', 'migration-id': arranged(), 'wait-for': '3600' }),
  },
  {
    command: 'cutover',
    arrange: linked,
    inputs: (url) => migrationInputs(url, { command: 'cutover', 'migration-id': arranged(), 'wait-for': '3600' }),
  },
];
const arranged = () => sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING', readyForCutover: true });

/** The requests of one command run, each as `METHOD path-template version`. */
async function requestsOf(c: Case, kind: Kind): Promise<{ lines: string[]; problems: string[] }> {
  const clock = new FakeClock();
  sim = standardSimulator({ clock, plan: { validationAfterPolls: 1 } });
  const url = await sim.listen();
  c.arrange(sim);
  let inputs = c.inputs(url);
  if (kind === 'service account') inputs = withServiceAccount(inputs);
  if (c.command === 'unlink' || c.command === 'status' || c.command === 'link') inputs = { ...inputs, ...sourceInputs(url) };
  const run = await runInProcess(inputs, { clock, sim });
  expect(run.code, `${c.command} (${kind}): ${run.errors.map((e) => e.message).join(' ')}`).toBe(0);
  const problems: string[] = [];
  const lines = sim.requests().map((r) => {
    const op = operationOf(r.method, r.path);
    const accept = String(r.headers.accept ?? '');
    const version = /^application\/vnd\.atlas\.(\d{4}-\d{2}-\d{2})\+json$/.exec(accept)?.[1];
    const query = new URL(r.target, 'http://x').searchParams;
    if (!op) problems.push(`${r.method} ${r.path}: no operation MongoDB publishes`);
    else if (op.versions.length && !(version && op.versions.includes(version)))
      problems.push(`${r.method} ${op.path}: version ${version ?? accept} is not one of ${op.versions.join(', ')}`);
    else if (!op.versions.length && r.side !== 'oauth' && !accept.includes('application/json'))
      problems.push(`${r.method} ${op.path}: Accept ${accept}`);
    if (op && query.has('pretty') && !op.pretty) problems.push(`${r.method} ${op.path}: pretty, which it does not take`);
    return `${r.method} ${op?.path ?? r.path}${version ? ` ${version}` : ''} → ${r.status}`;
  });
  return { lines, problems };
}

describe('every request is an operation MongoDB publishes', () => {
  for (const kind of ['api key', 'service account'] as const) {
    for (const c of CASES) {
      it(`${c.command} (${kind})`, async () => {
        const { lines, problems } = await requestsOf(c, kind);
        if (process.env.LIST_REQUESTS) console.log(`${c.command} (${kind}): ${lines.length}\n  ${lines.join('\n  ')}`);
        expect(lines.length).toBeGreaterThan(0);
        expect(problems).toEqual([]);
      });
    }
  }
});
