// @ts-check
// Runs dist/index.js the way the GitHub runner does, and reads what it produced the way the runner
// reads it. Used by the tests, `npm run demo` and `npm run bench`.
//
// runAction(inputs, { env?, node?, debug = true, bundle? }) spawns `node dist/index.js` with only
// PATH, HOME, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY (fresh temporary files), RUNNER_DEBUG=1 unless
// debug is false, the INPUT_* variables, and `env` (a value undefined removes a variable).
//
// Stdout is parsed as actions/runner does (ActionCommandManager, ActionCommand): lines split on
// \r\n, \r and \n; a line whose text, trimmed at the start, begins with `::` and names a
// registered command is a workflow command `::name key=value,key=value::data`; failing that, a
// line containing `##[name key=value;…]data` with a registered name is a legacy command. Unknown
// names are plain text. `::stop-commands::TOKEN` pauses processing until a `::TOKEN::` line.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputEnv } from '../simulator/fixture.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLE = join(ROOT, 'dist', 'index.js');

/** The command names the runner registers (commands are matched case-insensitively). */
const REGISTERED = [
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning',
];

/** @typedef {{ name: string, properties: Record<string, string>, data: string, form: 'workflow' | 'legacy', line: number }} RunnerCommand */
/** @typedef {{ message: string, properties: Record<string, string> }} Annotation */
/**
 * @typedef {{ lines: string[], commands: RunnerCommand[], legacyCommands: RunnerCommand[], errors: Annotation[],
 *   warnings: Annotation[], notices: Annotation[], masks: string[] }} ParsedStdout
 */
/**
 * @typedef {ParsedStdout & { code: number, stdout: string, stderr: string, ms: number, outputs: Record<string, string>, summary: string,
 *   msAfterSignal?: number }} ActionRun
 */
/**
 * A signal sent to the running action as the runner sends it to cancel a step, once `when()` holds
 * (checked every 10 ms: for instance once the simulator has seen the Nth request of a route).
 * @typedef {{ signal: 'SIGINT' | 'SIGTERM', when: () => boolean, again?: boolean }} Interrupt
 */
/** @typedef {{ env?: Record<string, string | undefined>, node?: string, debug?: boolean, bundle?: string, timeoutMs?: number, interrupt?: Interrupt }} RunOptions */

/** @param {string} text @param {[string, string][]} pairs replacement → token, applied in this order */
const unescape = (text, pairs) => pairs.reduce((s, [from, to]) => s.split(from).join(to), text);
/** @type {[string, string][]} */ const DATA = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%25', '%'],
];
/** @type {[string, string][]} */ const PROPERTY = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%3A', ':'],
  ['%2C', ','],
  ['%25', '%'],
];
/** @type {[string, string][]} */ const LEGACY = [
  ['%3B', ';'],
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%5D', ']'],
  ['%25', '%'],
];
/** .NET's String.TrimStart() whitespace. */
const LEADING_SPACE = /^[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** `key=value` as .NET's Split('=', 2, RemoveEmptyEntries) reads it. @param {string} pair @returns {[string, string] | null} */
function keyValue(pair) {
  const s = pair.replace(/^=+/, '');
  const i = s.indexOf('=');
  return i > 0 && i < s.length - 1 ? [s.slice(0, i), s.slice(i + 1)] : null;
}

/** @param {string} info name and properties @param {string} separator @param {[string, string][]} escapes @param {Set<string>} names */
function nameAndProperties(info, separator, escapes, names) {
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (!names.has(name.toLowerCase())) return null;
  /** @type {Record<string, string>} */
  const properties = {};
  const text = space < 0 ? '' : info.slice(space + 1);
  for (const part of (separator === ',' ? text.trim() : text).split(separator).filter(Boolean)) {
    const kv = keyValue(part);
    if (kv) properties[kv[0]] = unescape(kv[1], escapes);
  }
  return { name, properties };
}

/** ActionCommand.TryParseV2, then ActionCommand.TryParse. @param {string} line @param {Set<string>} names */
function parseCommand(line, names) {
  const trimmed = line.replace(LEADING_SPACE, '');
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2);
    const head = end < 0 ? null : nameAndProperties(trimmed.slice(2, end), ',', PROPERTY, names);
    if (head) return { ...head, data: unescape(trimmed.slice(end + 2), DATA), form: /** @type {const} */ ('workflow') };
  }
  const start = line.indexOf('##[');
  const close = start < 0 ? -1 : line.indexOf(']', start);
  const head = close < 0 ? null : nameAndProperties(line.slice(start + 3, close), ';', LEGACY, names);
  return head && { ...head, data: unescape(line.slice(close + 1), LEGACY), form: /** @type {const} */ ('legacy') };
}

/** Reads stdout as the runner does. @param {string} text @returns {ParsedStdout} */
export function parseRunnerStdout(text) {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  const names = new Set(REGISTERED);
  /** @type {string | null} */
  let stopToken = null;
  /** @type {ParsedStdout} */
  const out = { lines, commands: [], legacyCommands: [], errors: [], warnings: [], notices: [], masks: [] };
  lines.forEach((line, index) => {
    const parsed = parseCommand(line, names);
    if (!parsed) return;
    const name = parsed.name.toLowerCase();
    if (stopToken !== null) {
      if (stopToken !== '' && name === stopToken.toLowerCase()) {
        names.delete(name);
        stopToken = null;
      }
      return;
    }
    /** @type {RunnerCommand} */
    const command = { ...parsed, name, line: index + 1 };
    out.commands.push(command);
    if (command.form === 'legacy') out.legacyCommands.push(command);
    if (name === 'stop-commands') {
      stopToken = command.data; // an empty token never resumes, as in the runner
      if (stopToken) names.add(stopToken.toLowerCase());
    } else if (name === 'add-mask') {
      if (command.data.trim() !== '') out.masks.push(command.data);
      else out.warnings.push({ message: "Can't add secret mask for empty string in ##[add-mask] command.", properties: {} });
    } else if (name === 'error' || name === 'warning' || name === 'notice') {
      out[name === 'error' ? 'errors' : name === 'warning' ? 'warnings' : 'notices'].push({
        message: command.data,
        properties: command.properties,
      });
    }
  });
  return out;
}

/** Reads a GITHUB_OUTPUT file as the runner does (`name=value` and `name<<DELIM` heredocs); throws on what it refuses. @param {string} text */
export function parseOutputFile(text) {
  /** @type {Record<string, string>} */
  const outputs = {};
  let index = 0;
  const readLine = () => {
    if (index >= text.length) return null;
    const lf = text.indexOf('\n', index);
    const end = lf < 0 ? text.length : lf;
    const line = text.slice(index, end);
    index = lf < 0 ? text.length : lf + 1;
    return { line, newline: lf < 0 ? null : '\n' }; // a CR stays in the line, as on Linux and macOS runners
  };
  for (let next = readLine(); next; next = readLine()) {
    const { line } = next;
    if (line === '') continue;
    const eq = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
      if (eq === 0) throw new Error(`GITHUB_OUTPUT: invalid format '${line}'; name must not be empty.`);
      outputs[line.slice(0, eq)] = line.slice(eq + 1);
      continue;
    }
    if (heredoc < 0) throw new Error(`GITHUB_OUTPUT: invalid format '${line}'.`);
    const [name, delimiter] = [line.slice(0, heredoc), line.slice(heredoc + 2)];
    if (!name || !delimiter) throw new Error(`GITHUB_OUTPUT: invalid format '${line}'; name and delimiter must not be empty.`);
    const start = index;
    let end = index;
    for (let value = readLine(); !value || value.line !== delimiter; value = readLine()) {
      if (!value) throw new Error(`GITHUB_OUTPUT: matching delimiter not found '${delimiter}'.`);
      if (!value.newline) throw new Error('GITHUB_OUTPUT: EOF marker missing new line.');
      end = index - value.newline.length;
    }
    outputs[name] = end > start ? text.slice(start, end) : '';
  }
  return outputs;
}

/** @param {Record<string, string>} inputs @param {RunOptions} [options] @returns {Promise<ActionRun>} */
export async function runAction(inputs, { env = {}, node, debug = true, bundle = BUNDLE, timeoutMs = 30_000, interrupt } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'action-run-'));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  /** @type {Record<string, string>} */
  const childEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...(debug ? { RUNNER_DEBUG: '1' } : {}),
    ...inputEnv(inputs),
  };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete childEnv[k];
    else childEnv[k] = v;
  }
  try {
    const started = performance.now();
    // A run that hangs is killed, so that it fails its test rather than outlive it.
    const child = spawn(node ?? process.env.ACTION_NODE ?? process.execPath, [bundle], {
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    /** @type {number | undefined} */
    let signalledAt;
    const watch =
      interrupt &&
      setInterval(() => {
        if (signalledAt !== undefined || !interrupt.when()) return;
        signalledAt = performance.now();
        child.kill(interrupt.signal);
        if (interrupt.again) child.kill(interrupt.signal);
      }, 10);
    const code = await new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (c, signal) =>
        signal === 'SIGKILL' ? reject(new Error(`the action was still running after ${timeoutMs} ms and was killed`)) : resolve(c ?? -1),
      );
    });
    if (watch) clearInterval(watch);
    const ended = performance.now();
    const ms = ended - started;
    const msAfterSignal = signalledAt === undefined ? undefined : ended - signalledAt;
    const outputs = childEnv.GITHUB_OUTPUT === outputFile ? parseOutputFile(readFileSync(outputFile, 'utf8')) : {};
    const summary = childEnv.GITHUB_STEP_SUMMARY === summaryFile ? readFileSync(summaryFile, 'utf8') : '';
    return { code, stdout, stderr, ms, msAfterSignal, outputs, summary, ...parseRunnerStdout(stdout) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
