// The tables of docs/reference.md's root-action section, made from an action.yml (inputs, outputs)
// and what each command in src/commands/ declares (which inputs it reads): scripts/actions.mjs
// writes them. `node --import tsx scripts/input-tables.mjs` prints them.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { inputsTable } from '../src/commands/inputs-table.js';
import { COMMANDS } from '../src/commands/registry.js';
import { COMMON_INPUTS } from '../src/inputs/declarations.js';
import { isMain } from './is-main.mjs';

const SUPERSCRIPTS = ['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/** @param {string} actionYml @param {readonly import('../src/inputs/declarations.js').CommandInputs[]} [commands] */
export function inputTables(actionYml, commands = COMMANDS) {
  const action = parse(actionYml);
  const names = Object.keys(action.inputs).filter((name) => !COMMON_INPUTS.includes(name));
  const table = inputsTable(commands, names);
  const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const inputs = Object.entries(action.inputs).map(
    ([name, i]) => `| \`${name}\` | ${i.default === undefined || i.default === '' ? '' : `\`${i.default}\``} | ${cell(i.description)} |`,
  );
  const outputs = Object.entries(action.outputs).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`);
  const footnote = (input) => table.notes.findIndex((c) => c.inputs.includes(input));
  const use = (command, input) => {
    const how = table.uses[command][input];
    if (!how) return '—';
    return how === 'conditional' ? `if ${SUPERSCRIPTS[footnote(input)]}` : how;
  };
  const usage = names.map((name) => `| \`${name}\` | ${table.commands.map((c) => use(c, name)).join(' | ')} |`);
  const notes = table.notes.map((c, i) => `${SUPERSCRIPTS[i]} ${c.text}`);
  return {
    inputs: ['| Input | Default | Description |', '| --- | --- | --- |', ...inputs].join('\n'),
    outputs: ['| Output | Description |', '| --- | --- |', ...outputs].join('\n'),
    usage: [
      `| Input | ${table.commands.map((c) => `\`${c}\``).join(' | ')} |`,
      `| --- | ${table.commands.map(() => '---').join(' | ')} |`,
      ...usage,
    ].join('\n'),
    usageNotes: notes.join('\\\n'),
  };
}

if (isMain(import.meta.url)) {
  const tables = inputTables(readFileSync(new URL('../action.yml', import.meta.url), 'utf8'));
  console.log(`${tables.usage}

${tables.usageNotes}

${tables.inputs}

${tables.outputs}`);
}
