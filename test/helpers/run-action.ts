import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ATLAS_KEY, inputEnv, SERVICE_ACCOUNT, SOURCE_KEY } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/simulator.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLE = join(ROOT, 'dist', 'index.js');

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  ms: number;
  /** stdout lines of error annotations, without the `::error::` prefix. */
  errors: string[];
  warnings: string[];
  notices: string[];
}

/** Every secret the fixture and the simulator know: keys, tokens it issued, auth headers it saw. */
export function knownSecrets(sim?: Simulator, extra: string[] = []): string[] {
  const secrets = [ATLAS_KEY.privateKey, SOURCE_KEY.privateKey, SERVICE_ACCOUNT.clientSecret, ...extra];
  secrets.push(Buffer.from(`${SERVICE_ACCOUNT.clientId}:${SERVICE_ACCOUNT.clientSecret}`).toString('base64'));
  if (sim) {
    secrets.push(...sim.linkTokens.keys(), ...sim.accessTokens.keys());
    for (const r of sim.requests) {
      const auth = r.headers.authorization;
      if (typeof auth === 'string' && auth.includes(' ')) secrets.push(auth, auth.slice(auth.indexOf(' ') + 1));
    }
  }
  return [...new Set(secrets.filter((s) => s.length >= 8))];
}

/**
 * Asserts that no secret shows in stdout before its ::add-mask:: line, and never in stderr
 * or the job summary.
 */
export function expectNoLeak(run: ActionRun, secrets: string[]): void {
  const lines = run.stdout.split('\n');
  for (const secret of secrets) {
    const maskLine = lines.findIndex((l) => l === `::add-mask::${secret}`);
    const firstUse = lines.findIndex((l) => l.includes(secret));
    if (firstUse >= 0) {
      expect(maskLine, `a secret appears on stdout line ${firstUse + 1} without ::add-mask:: first`).toBe(firstUse);
    }
    expect(run.stderr.includes(secret), 'a secret appears on stderr').toBe(false);
    expect(run.summary.includes(secret), 'a secret appears in the job summary').toBe(false);
  }
}

function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const re = /^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm;
  let m;
  while ((m = re.exec(text)) !== null) outputs[m[1]] = m[3];
  return outputs;
}

function annotations(stdout: string, kind: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith(`::${kind}`))
    .map((l) =>
      l
        .slice(l.indexOf('::', 2) + 2)
        .replace(/%0A/g, '\n')
        .replace(/%25/g, '%'),
    );
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  /** Secrets beyond the fixture's and the simulator's that must not leak. */
  secrets?: string[];
  node?: string;
  debug?: boolean;
}

/** Runs dist/index.js as the runner does, then checks it leaked nothing. */
export async function runAction(sim: Simulator | undefined, inputs: Record<string, string>, options: RunOptions = {}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'link-action-'));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...(options.debug === false ? {} : { RUNNER_DEBUG: '1' }),
    ...inputEnv(inputs),
  };
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const started = performance.now();
  const child = spawn(options.node ?? process.env.ACTION_NODE ?? process.execPath, [BUNDLE], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  const ms = performance.now() - started;
  const run: ActionRun = {
    code,
    stdout,
    stderr,
    ms,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: env.GITHUB_STEP_SUMMARY ? readFileSync(summaryFile, 'utf8') : '',
    errors: annotations(stdout, 'error'),
    warnings: annotations(stdout, 'warning'),
    notices: annotations(stdout, 'notice'),
  };
  rmSync(dir, { recursive: true, force: true });
  expectNoLeak(run, knownSecrets(sim, options.secrets));
  return run;
}
