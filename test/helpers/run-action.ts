// The shared runner (test/harness/run-action.js) plus the checks every end-to-end run gets: no
// secret the fixture or the simulator knows shows anywhere, and no command the action never issues.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';
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

/** The command a run ran: the one its entry starts (dist/<command>/index.js), else its `command` input. */
export function commandOf(inputs: Record<string, string>, bundle = BUNDLE): string {
  return /[\\/]dist[\\/]([^\\/]+)[\\/]index\.js$/.exec(bundle)?.[1] ?? (inputs.command || 'link');
}

/** The run set only outputs its command's own action.yml declares (a known command: a bad `command` has none). */
export function expectDeclaredOutputs(run: ActionRun, command: string): void {
  const file = join(ROOT, command, 'action.yml');
  if (!/^[a-z-]+$/.test(command) || !existsSync(file)) return;
  const declared = Object.keys(parse(readFileSync(file, 'utf8')).outputs ?? {});
  expect(
    Object.keys(run.outputs).filter((name) => !declared.includes(name)),
    `outputs ${command}/action.yml does not declare`,
  ).toEqual([]);
}

/** Per-command entries: dist/<command>/index.js, each starting the shared bundle with its command. */
export const commandEntry = (command: string) => join(ROOT, 'dist', command, 'index.js');

/** Runs dist/index.js as the runner does, then checks it leaked nothing, issued only its own commands and set only declared outputs. */
export async function runAction(sim: Simulator | undefined, inputs: Record<string, string>, options: RunOptions = {}): Promise<ActionRun> {
  const run = await runBundle(inputs, options);
  expectSafeRun(run, sim, options.secrets);
  expectDeclaredOutputs(run, commandOf(inputs, options.bundle));
  return run;
}
