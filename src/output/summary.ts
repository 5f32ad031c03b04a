import type { Log } from './log.js';

export type StepResult = 'done' | 'skipped' | 'failed' | 'not attempted';

export interface SummaryTable {
  title: string;
  head: string[];
  rows: string[][];
}

/** What a job summary says: every string in it is treated as text from outside. */
export interface SummaryContent {
  title: string;
  /** One line: what happened, or the error with its hint. */
  outcome: string;
  failed: boolean;
  facts: Array<[string, string]>;
  steps: Array<{ title: string; result: StepResult; note?: string }>;
  tables: SummaryTable[];
  /** What to do next. */
  next: string[];
  /** A dry run's plan, one line a call. */
  plan?: string[];
}

const CELL_MAX = 300;
const ROWS_MAX = 100;
/** GitHub refuses a step summary over 1 MiB; stay well under it. */
export const SUMMARY_MAX_BYTES = 512 * 1024;

const RESULT_MARK: Record<StepResult, string> = {
  done: '✅ done',
  skipped: '⏭️ skipped',
  failed: '❌ failed',
  'not attempted': '⏹️ not attempted',
};

/**
 * The job summary as HTML: every cell escaped, no Markdown from a server (a blank line would
 * end an HTML block early, so no cell holds a line break), tables cut to a row limit and the
 * whole held under SUMMARY_MAX_BYTES.
 */
export function renderSummary(content: SummaryContent, log: Log): string {
  const cell = (text: string) => escapeHtml(log.safe(text, CELL_MAX));
  let rowsMax = ROWS_MAX;
  for (;;) {
    const html = render(content, cell, rowsMax);
    if (Buffer.byteLength(html) <= SUMMARY_MAX_BYTES || rowsMax <= 1) return html;
    rowsMax = Math.floor(rowsMax / 2);
  }
}

function render(content: SummaryContent, cell: (text: string) => string, rowsMax: number): string {
  const parts: string[] = [`<h2>${cell(content.title)}</h2>`, `<p>${content.failed ? '❌' : '✅'} ${cell(content.outcome)}</p>`];
  if (content.facts.length) parts.push(table(['Item', 'Value'], content.facts, cell, rowsMax));
  if (content.steps.length) {
    parts.push('<h3>Steps</h3>');
    parts.push(
      table(
        ['Step', 'Result', 'Detail'],
        content.steps.map((s) => [s.title, RESULT_MARK[s.result], s.note ?? '']),
        cell,
        rowsMax,
      ),
    );
  }
  for (const t of content.tables) {
    parts.push(`<h3>${cell(t.title)}</h3>`);
    parts.push(t.rows.length ? table(t.head, t.rows, cell, rowsMax) : '<p>None.</p>');
  }
  if (content.next.length) parts.push('<h3>Next</h3>', `<ul>${items(content.next, cell, rowsMax)}</ul>`);
  if (content.plan) parts.push('<h3>Planned calls (nothing was sent)</h3>', `<ol>${items(content.plan, cell, rowsMax)}</ol>`);
  return parts.join('\n') + '\n';
}

function items(list: string[], cell: (text: string) => string, rowsMax: number): string {
  const shown = list.slice(0, rowsMax).map((item) => `<li>${cell(item)}</li>`);
  if (list.length > rowsMax) shown.push(`<li>… and ${list.length - rowsMax} more</li>`);
  return shown.join('');
}

function table(head: string[], rows: readonly (readonly string[])[], cell: (text: string) => string, rowsMax: number): string {
  const shown = rows.slice(0, rowsMax);
  const body = shown.map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`);
  if (rows.length > shown.length) body.push(`<tr><td colspan="${head.length}">… and ${rows.length - shown.length} more</td></tr>`);
  return `<table><tr>${head.map((h) => `<th>${cell(h)}</th>`).join('')}</tr>${body.join('')}</table>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`|*_[\]\\]/g, (c) => `&#${c.charCodeAt(0)};`);
}
