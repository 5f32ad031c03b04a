import type { CommandInputs, InputUse } from '../inputs/declarations.js';

export interface InputsTable {
  commands: string[];
  /** How each command uses each input it reads. */
  uses: Record<string, Record<string, InputUse>>;
  /** The footnotes of `conditional` cells: inputs that share a text share a note. */
  notes: Array<{ inputs: string[]; text: string }>;
}

/** The commands × inputs table, from what each command declares (the README shows it). */
export function inputsTable(commands: readonly CommandInputs[], inputOrder: string[]): InputsTable {
  const notes: InputsTable['notes'] = [];
  for (const input of inputOrder) {
    const byText = new Map<string, string[]>();
    for (const c of commands) {
      if (c.inputs[input] !== 'conditional') continue;
      const text = c.conditions[input] ?? 'See the command.';
      byText.set(text, [...(byText.get(text) ?? []), c.name]);
    }
    if (!byText.size) continue;
    const text = [...byText].map(([t, names]) => `${names.join(', ')}: ${t}`).join(' ');
    const same = notes.find((n) => n.text === text);
    if (same) same.inputs.push(input);
    else notes.push({ inputs: [input], text });
  }
  return {
    commands: commands.map((c) => c.name),
    uses: Object.fromEntries(commands.map((c) => [c.name, c.inputs])),
    notes,
  };
}
