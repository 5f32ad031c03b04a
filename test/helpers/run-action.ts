// The shared runner (test/harness/run-action.js) plus the checks every end-to-end run gets: no
// secret the fixture or the simulator knows shows anywhere, and no command the action never issues.
import { expect } from 'vitest';
import { BUNDLE, ROOT, runAction as runBundle, type ActionRun, type RunOptions as RunnerOptions } from '../harness/run-action.js';
import { ATLAS_KEY, SERVICE_ACCOUNT, SOURCE_KEY } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';

export { BUNDLE, ROOT };
export type { ActionRun };

export interface RunOptions extends RunnerOptions {
  /** Secrets beyond the fixture's and the simulator's that must not leak. */
  secrets?: string[];
}

/** Every secret the fixture and the simulator know: keys, tokens it issued, auth headers it saw. */
export function knownSecrets(sim?: Simulator, extra: string[] = []): string[] {
  const secrets = [ATLAS_KEY.privateKey, SOURCE_KEY.privateKey, SERVICE_ACCOUNT.clientSecret, ...extra];
  secrets.push(Buffer.from(`${SERVICE_ACCOUNT.clientId}:${SERVICE_ACCOUNT.clientSecret}`).toString('base64'));
  if (sim) {
    secrets.push(...sim.secretsIssued());
    for (const r of sim.requests()) {
      const auth = r.headers.authorization;
      if (typeof auth === 'string' && auth.includes(' ')) secrets.push(auth, auth.slice(auth.indexOf(' ') + 1));
    }
  }
  return [...new Set(secrets.filter((s) => s.length >= 8))];
}

/**
 * What the runner shows of a run's stdout: plain lines as written, and each command as the runner
 * decodes it (its data and properties), except the value of an ::add-mask::.
 */
export function shownStdout(run: ActionRun): string[] {
  const commandLines = new Set(run.commands.map((c) => c.line));
  return [
    ...run.lines.filter((_, i) => !commandLines.has(i + 1)),
    ...run.commands.filter((c) => c.name !== 'add-mask').flatMap((c) => [c.data, ...Object.values(c.properties)]),
  ];
}

/** A text as an HTML cell of the summary shows it. */
export const escapeHtmlLike = (text: string) => text.replace(/[&<>"'`|*_[\]\\]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Asserts that no secret shows: not on stdout as the runner shows it (the action redacts its own
 * text rather than lean on the runner's mask), not on stderr, not in the job summary, raw or as
 * an HTML cell would hold it.
 */
export function expectNoLeak(run: ActionRun, secrets: string[]): void {
  const stdout = shownStdout(run).join('\n');
  for (const secret of secrets) {
    expect(stdout.includes(secret), 'a secret shows on stdout').toBe(false);
    expect(run.stderr.includes(secret), 'a secret shows on stderr').toBe(false);
    expect(run.summary.includes(secret) || run.summary.includes(escapeHtmlLike(secret)), 'a secret shows in the job summary').toBe(false);
  }
}

/** The commands the action issues; any other the runner would act on came from text that escaped the sanitiser. */
const OURS = new Set(['add-mask', 'debug', 'error', 'warning', 'notice', 'group', 'endgroup']);

export function expectNoInjectedCommand(run: ActionRun): void {
  expect(run.legacyCommands, 'a legacy ##[ command on stdout').toEqual([]);
  expect(
    run.commands.filter((c) => !OURS.has(c.name)).map((c) => c.name),
    'a command the action never issues',
  ).toEqual([]);
}

/** A body can hold a secret (a link token, a source password): it never goes out without credentials. */
export function expectNoUnauthenticatedBody(sim: Simulator): void {
  const sent = sim.requests().filter((r) => r.auth === 'none' && r.body !== '');
  expect(
    sent.map((r) => `${r.method} ${r.path}`),
    'a body sent without credentials',
  ).toEqual([]);
}

/** The checks every run gets: no secret shown, no command the action never issues, no body sent without credentials. */
export function expectSafeRun(run: ActionRun, sim: Simulator | undefined, secrets: string[] = []): void {
  expectNoLeak(run, knownSecrets(sim, secrets));
  expectNoInjectedCommand(run);
  if (sim) expectNoUnauthenticatedBody(sim);
}

/** Runs dist/index.js as the runner does, then checks it leaked nothing and issued only its own commands. */
export async function runAction(sim: Simulator | undefined, inputs: Record<string, string>, options: RunOptions = {}): Promise<ActionRun> {
  const run = await runBundle(inputs, options);
  expectSafeRun(run, sim, options.secrets);
  return run;
}
