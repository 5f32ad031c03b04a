// The README's tables, made from action.yml (inputs, outputs) and what each command in
// src/commands/ declares (which inputs it reads); test/metadata.test.ts checks that the README
// holds exactly these rows. `node --import tsx scripts/readme-tables.mjs` prints them; with
// --write it replaces them in README.md (run Prettier after).
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { inputsTable } from '../src/commands/inputs-table.js';
import { COMMANDS } from '../src/commands/registry.js';
import { COMMON_INPUTS } from '../src/inputs/declarations.js';
import { isMain } from './is-main.mjs';

const SUPERSCRIPTS = ['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/** @param {string} actionYml @param {readonly import('../src/inputs/declarations.js').CommandInputs[]} [commands] */
export function readmeTables(actionYml, commands = COMMANDS) {
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

/** The lines [start, end) of the table whose first line starts with `header` (runs of spaces read as one). */
function findTable(lines, header) {
  const start = lines.findIndex((l) => l.replace(/\s+/g, ' ').startsWith(header));
  if (start < 0) throw new Error(`no table starting ${header}`);
  let end = start;
  while (end < lines.length && lines[end].startsWith('|')) end += 1;
  return { start, end };
}

/** The cells of that table's rows, trimmed, without the separator row: cells, not bytes, as Prettier may pad the columns. */
export function tableRows(markdown, header) {
  const lines = markdown.split('\n');
  const { start, end } = findTable(lines, header);
  return lines
    .slice(start, end)
    .map((line) =>
      line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((c) => c.trim()),
    )
    .filter((row) => !row.every((c) => /^-+$/.test(c)));
}

function replaceTable(markdown, header, table) {
  const lines = markdown.split('\n');
  const { start, end } = findTable(lines, header);
  return [...lines.slice(0, start), table, ...lines.slice(end)].join('\n');
}

function replaceBlock(markdown, first, block) {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith(first));
  if (start < 0) throw new Error(`README.md has no line starting ${first}`);
  let end = start;
  while (end < lines.length && lines[end].trim() !== '') end += 1;
  return [...lines.slice(0, start), block, ...lines.slice(end)].join('\n');
}

if (isMain(import.meta.url)) {
  const tables = readmeTables(readFileSync(new URL('../action.yml', import.meta.url), 'utf8'));
  if (process.argv.includes('--write')) {
    const readmeUrl = new URL('../README.md', import.meta.url);
    let readme = readFileSync(readmeUrl, 'utf8');
    readme = replaceTable(readme, '| Input | Default |', tables.inputs);
    readme = replaceTable(readme, '| Output | Description |', tables.outputs);
    readme = replaceTable(readme, '| Input | `link` |', tables.usage);
    readme = replaceBlock(readme, '¹ ', tables.usageNotes);
    writeFileSync(readmeUrl, readme);
  } else {
    console.log(`${tables.usage}\n\n${tables.usageNotes}\n\n${tables.inputs}\n\n${tables.outputs}`);
  }
}
