// What the runner sees of every command is what it saw before the runner protocol moved to
// @actions/core: stdout line by line (as the runner reads it), the outputs and the job summary,
// compared with test/golden/before/ (recorded from the bundle of d7839cb). RECORD_GOLDEN=1
// records them again instead.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { normalize, SCENARIOS, scenarioSimulator } from '../golden/scenarios.js';
import { ROOT, runAction } from '../helpers/run-action.js';
import { closeChecked } from '../helpers/scripts.js';
import type { Simulator } from '../simulator/index.js';
import { INTENDED_18 } from '../golden/intended-18.js';

const DIR = join(ROOT, 'test', 'golden', 'before');
const RECORD = process.env.RECORD_GOLDEN === '1';

interface Seen {
  code: number;
  stdout: string[];
  outputs: Record<string, string>;
  summary: string;
}

/**
 * What changed on purpose since the record, each applied to the recorded run before comparing.
 * Anything else that differs fails the test.
 */
/** The timeline section of issue 19: known events only, each at a UTC ISO 8601 time. */
const TIMELINE = new RegExp(
  '<h3>Timeline \\(UTC\\)</h3>\n<table><tr><th>Event</th><th>Time \\(UTC, ISO 8601\\)</th></tr>' +
    '(?:<tr><td>(?:Validation started|Validation finished: [A-Z]+|Migration created|First seen ready for cutover|Cutover requested|Seen COMPLETE)</td>' +
    '<td>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z</td></tr>)+</table>\n',
);

const NEXT_RENAMED: Array<[string, string]> = [
  ["run this action with command: 'migrate',", 'run the migrate action with'],
  ["run this action with command: 'link'.", 'run the link action.'],
  ["run command: 'migrate'", 'run the migrate action'],
  ["run command: 'cutover'", 'run the cutover action'],
  ["watch it with command: 'migration-status',", 'watch it with the migration-status action,'],
];

const INTENDED: Array<{ why: string; change(before: Seen, seen: Seen): Seen }> = [
  {
    why: "A skipped step's detail no longer repeats 'skipped:' beside its ⏭️ skipped result.",
    change: (before) => ({ ...before, summary: before.summary.split('<td>⏭️ skipped</td><td>skipped: ').join('<td>⏭️ skipped</td><td>') }),
  },
  {
    why: 'The digest nonce comes from a GET MongoDB defines (the project), not from a GET to the POST-only validate or create URL.',
    change: (before) => ({
      ...before,
      stdout: before.stdout.map((line) =>
        line.replace(
          /^(::debug::Atlas: GET (?:<URL>)?\/api\/atlas\/v2\/groups\/[0-9a-f]{24})\/liveMigrations(?:\/validate)?(?= answered|$)/,
          '$1',
        ),
      ),
    }),
  },
  ...INTENDED_18,
  {
    why:
      "Migration summaries show when the run's events happened (issue 19): a 'Timeline (UTC)' table before the Next list, " +
      'its times those of this run (so taken from it, in the strict form above).',
    change: (before, seen) => {
      const timeline = seen.summary.match(TIMELINE)?.[0];
      return timeline ? { ...before, summary: before.summary.replace('<h3>Next</h3>', `${timeline}<h3>Next</h3>`) } : before;
    },
  },
  {
    why: "Next steps name the per-command action (issue 24: `…/cutover@v1`), not the root action's `command: 'cutover'`.",
    change: (before) => {
      const renamed = (text: string) =>
        NEXT_RENAMED.reduce((t, [was, now]) => t.split(was).join(now).split(was.replace(/'/g, '&#39;')).join(now), text);
      return { ...before, stdout: before.stdout.map(renamed), summary: renamed(before.summary) };
    },
  },
];

let sim: Simulator;
afterEach(() => closeChecked(sim));

describe('what the runner sees is unchanged', () => {
  for (const scenario of SCENARIOS) {
    it(scenario.name, async () => {
      sim = scenarioSimulator();
      const url = await sim.listen();
      const run = await runAction(sim, scenario.arrange(sim, url));
      const n = (text: string) => normalize(text, url, [...sim.secretsIssued(), ...run.masks]);
      const seen: Seen = {
        code: run.code,
        stdout: n(run.stdout).split('\n'),
        outputs: Object.fromEntries(Object.entries(run.outputs).map(([k, v]) => [k, n(v)])),
        summary: n(run.summary),
      };
      const file = join(DIR, `${scenario.name}.json`);
      if (RECORD) {
        mkdirSync(DIR, { recursive: true });
        writeFileSync(file, `${JSON.stringify(seen, null, 2)}\n`);
        return;
      }
      const before = INTENDED.reduce((was, intended) => intended.change(was, seen), JSON.parse(readFileSync(file, 'utf8')) as Seen);
      // Each secret is now masked in each of its encodings too: every mask given before is still given.
      const masks = (run: Seen) => run.stdout.filter((l) => l.startsWith('::add-mask::'));
      expect(masks(seen)).toEqual(expect.arrayContaining(masks(before)));
      const unmasked = (run: Seen) => ({ ...run, stdout: run.stdout.filter((l) => !l.startsWith('::add-mask::')) });
      expect(unmasked(seen)).toEqual(unmasked(before));
    });
  }
});
