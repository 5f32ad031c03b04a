import { readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, relative, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export type PlanPath = ReadonlyArray<string | number>;

/** A plan file's text parsed once: its value as plain data, and where each part of it was written. */
export interface PlanSource {
  /** The path as given (relative to the workspace), for messages. */
  file: string;
  /** The file name without its extension: the state's `<name>.json` and the dashboard's `<name>.md`. */
  name: string;
  value: unknown;
  /** The 1-based line of a key (or, for an index, of the entry), when the parser kept one. */
  lineOf(path: PlanPath): number | undefined;
}

/** What the file could not be read or parsed as, located where the parser says. */
export interface SourceProblem {
  line?: number;
  message: string;
}

export class PlanSourceError extends Error {
  constructor(
    readonly file: string,
    readonly problems: SourceProblem[],
  ) {
    super(problems.map((p) => `${file}${p.line ? ` line ${p.line}` : ''}: ${p.message}`).join('\n'));
    this.name = 'PlanSourceError';
  }
}

const MAX_PLAN_BYTES = 1 << 20;
const EXTENSIONS = ['.yml', '.yaml', '.json'];
/** The name becomes a file name on the state branch: nothing that could be a path or hide there. */
const PLAN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * Reads the plan at `path` inside `workspace` (GITHUB_WORKSPACE): a regular file, no bigger than
 * 1 MiB, that neither the path nor a symlink takes out of the workspace.
 */
export async function readPlanSource(workspace: string, path: string): Promise<PlanSource> {
  return readPlanSourceSync(workspace, path);
}

/** The same, synchronously: the plan is read with the other inputs, before anything is sent. */
export function readPlanSourceSync(workspace: string, path: string): PlanSource {
  const fail = (message: string): never => {
    throw new PlanSourceError(path || '(empty)', [{ message }]);
  };
  if (!path) fail('no plan file given: set the input plan to a YAML or JSON file in the repository, such as migration/orders.yml');
  const extension = extname(path).toLowerCase();
  if (!EXTENSIONS.includes(extension)) fail(`expected a file ending in ${EXTENSIONS.join(', ')}`);
  let root = resolve(workspace);
  try {
    root = realpathSync(workspace);
  } catch {
    // A workspace that does not resolve: the plan's own path fails below.
  }
  const full = resolve(root, path);
  let real = full;
  try {
    real = realpathSync(full);
  } catch {
    fail('no such file in the workspace: check the path, and that the job checks out the repository (actions/checkout) first');
  }
  const inside = relative(root, real);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) fail('must be a file inside the workspace (GITHUB_WORKSPACE)');
  const info = statSync(real);
  if (!info.isFile()) fail('is not a regular file');
  if (info.size > MAX_PLAN_BYTES) fail(`is ${info.size} bytes; a plan may be at most ${MAX_PLAN_BYTES} bytes`);
  return parsePlanSource(readFileSync(real, 'utf8'), path);
}

/** Parses YAML (or JSON, which YAML 1.2 reads too): duplicate keys, aliases gone wild and syntax errors are refused with their line. */
export function parsePlanSource(text: string, file: string): PlanSource {
  const name = basename(file, extname(file));
  const problems: SourceProblem[] = [];
  if (!PLAN_NAME.test(name))
    problems.push({
      message: 'the file name (without extension) names the state file: use letters, digits, dots, hyphens and underscores',
    });
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  for (const err of doc.errors)
    problems.push({
      line: lines.linePos(err.pos[0]).line,
      message: `not valid YAML or JSON (${err.code.toLowerCase().replace(/_/g, ' ')})`,
    });
  if (problems.length) throw new PlanSourceError(file, problems);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch {
    throw new PlanSourceError(file, [{ message: 'not valid YAML: too many aliases' }]);
  }
  const lineOf = (path: PlanPath): number | undefined => {
    let node: unknown = doc.contents;
    let at: Node | undefined = doc.contents ?? undefined;
    for (const part of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === part);
        if (!pair) break;
        at = (pair.key as Node) ?? at;
        node = pair.value;
      } else if (isSeq(node) && typeof part === 'number') {
        node = node.items[part];
        at = (node as Node | undefined) ?? at;
      } else break;
    }
    const offset = at?.range?.[0];
    return offset === undefined ? undefined : lines.linePos(offset).line;
  };
  return { file, name, value, lineOf };
}
