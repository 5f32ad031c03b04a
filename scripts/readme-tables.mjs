// The README's inputs and outputs tables, made from action.yml (test/metadata.test.ts checks
// that the README holds exactly these rows). `node scripts/readme-tables.mjs` prints them;
// with --write it replaces them in README.md (run Prettier after).
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

export function readmeTables(actionYml) {
  const action = parse(actionYml);
  const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const inputs = Object.entries(action.inputs).map(
    ([name, i]) =>
      `| \`${name}\` | ${i.required ? 'yes' : 'no'} | ${i.default === undefined || i.default === '' ? '' : `\`${i.default}\``} | ${cell(i.description)} |`,
  );
  const outputs = Object.entries(action.outputs).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`);
  return {
    inputs: ['| Input | Required | Default | Description |', '| --- | --- | --- | --- |', ...inputs].join('\n'),
    outputs: ['| Output | Description |', '| --- | --- |', ...outputs].join('\n'),
  };
}

function replaceTable(markdown, header, table) {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.replace(/\s+/g, ' ').startsWith(header));
  if (start < 0) throw new Error(`README.md has no table starting ${header}`);
  let end = start;
  while (end < lines.length && lines[end].startsWith('|')) end += 1;
  return [...lines.slice(0, start), table, ...lines.slice(end)].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const tables = readmeTables(readFileSync(new URL('../action.yml', import.meta.url), 'utf8'));
  if (process.argv.includes('--write')) {
    const readmeUrl = new URL('../README.md', import.meta.url);
    let readme = readFileSync(readmeUrl, 'utf8');
    readme = replaceTable(readme, '| Input | Required |', tables.inputs);
    readme = replaceTable(readme, '| Output | Description |', tables.outputs);
    writeFileSync(readmeUrl, readme);
  } else {
    console.log(`${tables.inputs}\n\n${tables.outputs}`);
  }
}
