// Prints the README's inputs and outputs tables from action.yml (test/metadata.test.ts checks
// that the README holds exactly these rows). Usage: node scripts/readme-tables.mjs
import { readFileSync } from 'node:fs';
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const tables = readmeTables(readFileSync(new URL('../action.yml', import.meta.url), 'utf8'));
  console.log(`${tables.inputs}\n\n${tables.outputs}`);
}
