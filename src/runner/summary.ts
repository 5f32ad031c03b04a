import type { Log } from './log.js';

export type StepResult = 'done' | 'skipped' | 'failed' | 'not attempted';

/** A part of the job summary. Every string in one is treated as text from outside. */
export type Section =
  | { kind: 'facts'; rows: Array<[string, string]> }
  | { kind: 'steps'; steps: Array<{ title: string; result: StepResult; note?: string }> }
  | { kind: 'table'; title: string; head: string[]; rows: string[][] }
  | { kind: 'list'; title: string; items: string[]; ordered?: boolean }
  | { kind: 'chart'; title: string; yLabel: string; points: ChartPoint[] };

/** One sample of a chart: `at` is an ISO 8601 UTC time, `value` a number. */
export interface ChartPoint {
  at: string;
  value: number;
}

export interface Summary {
  title: string;
  /** One line: what happened, or the error with its hint. */
  outcome: string;
  /** The mark before the outcome: ✅ done, ⏳ still going, ❌ failed. */
  mark: '✅' | '⏳' | '❌';
  sections: Section[];
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
 * The job summary: HTML with every cell escaped (a blank line would end an HTML block early, so
 * no cell holds a line break), and charts as Mermaid blocks whose every label is reduced to
 * characters that cannot close or open a block. Tables are cut to a row limit and the whole held
 * under SUMMARY_MAX_BYTES.
 */
export function renderSummary(summary: Summary, log: Log): string {
  const cell = (text: string) => escapeHtml(log.safe(text, CELL_MAX));
  let rowsMax = ROWS_MAX;
  for (;;) {
    const text = render(summary, cell, rowsMax);
    if (Buffer.byteLength(text) <= SUMMARY_MAX_BYTES || rowsMax <= 1) return text;
    rowsMax = Math.floor(rowsMax / 2);
  }
}

type Cell = (text: string) => string;

function render(summary: Summary, cell: Cell, rowsMax: number): string {
  const parts = [`<h2>${cell(summary.title)}</h2>`, `<p>${summary.mark} ${cell(summary.outcome)}</p>`];
  for (const section of summary.sections) parts.push(...renderSection(section, cell, rowsMax));
  return parts.join('\n') + '\n';
}

function renderSection(section: Section, cell: Cell, rowsMax: number): string[] {
  switch (section.kind) {
    case 'facts':
      return section.rows.length ? [table(['Item', 'Value'], section.rows, cell, rowsMax)] : [];
    case 'steps':
      if (!section.steps.length) return [];
      return [
        '<h3>Steps</h3>',
        table(
          ['Step', 'Result', 'Detail'],
          section.steps.map((s) => [s.title, RESULT_MARK[s.result], s.note ?? '']),
          cell,
          rowsMax,
        ),
      ];
    case 'table':
      return [`<h3>${cell(section.title)}</h3>`, section.rows.length ? table(section.head, section.rows, cell, rowsMax) : '<p>None.</p>'];
    case 'list': {
      if (!section.items.length) return [];
      const tag = section.ordered ? 'ol' : 'ul';
      return [`<h3>${cell(section.title)}</h3>`, `<${tag}>${items(section.items, cell, rowsMax)}</${tag}>`];
    }
    case 'chart':
      return chart(section, cell, rowsMax);
  }
}

/** Most points a chart shows; more are thinned evenly, keeping the first and the last. */
export const CHART_POINTS_MAX = 200;

/** A Mermaid line chart, then the same samples as a table for readers without Mermaid. */
function chart(section: Extract<Section, { kind: 'chart' }>, cell: Cell, rowsMax: number): string[] {
  const points = thin(
    section.points.filter((p) => Number.isFinite(p.value)),
    CHART_POINTS_MAX,
  );
  if (!points.length) return [];
  const label = (text: string) => `"${text.replace(/[^A-Za-z0-9 :.()/-]/g, '').slice(0, 60)}"`;
  // "14:30:05" when every point is of one day, else "12-04 14:30" (from "2026-12-04T14:30:05.000Z").
  const oneDay = points.every((p) => p.at.slice(0, 10) === points[0].at.slice(0, 10));
  const time = (at: string) => label(oneDay ? at.slice(11, 19) : at.slice(5, 16).replace('T', ' '));
  const mermaid = [
    '',
    '```mermaid',
    'xychart-beta',
    `  title ${label(section.title)}`,
    `  x-axis [${points.map((p) => time(p.at)).join(', ')}]`,
    `  y-axis ${label(section.yLabel)}`,
    `  line [${points.map((p) => String(p.value)).join(', ')}]`,
    '```',
    '',
  ].join('\n');
  return [
    `<h3>${cell(section.title)}</h3>`,
    mermaid,
    table(
      ['Time (UTC)', section.yLabel],
      points.map((p) => [p.at, String(p.value)]),
      cell,
      rowsMax,
    ),
  ];
}

/** At most `max` items, evenly spread over the list, the first and the last kept. */
export function thin<T>(list: readonly T[], max: number): T[] {
  if (list.length <= max) return [...list];
  if (max <= 1) return list.slice(-1);
  const step = (list.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => list[Math.round(i * step)]);
}

function items(list: string[], cell: Cell, rowsMax: number): string {
  const shown = list.slice(0, rowsMax).map((item) => `<li>${cell(item)}</li>`);
  if (list.length > rowsMax) shown.push(`<li>… and ${list.length - rowsMax} more</li>`);
  return shown.join('');
}

function table(head: string[], rows: readonly (readonly string[])[], cell: Cell, rowsMax: number): string {
  const shown = rows.slice(0, rowsMax);
  const body = shown.map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`);
  if (rows.length > shown.length) body.push(`<tr><td colspan="${head.length}">… and ${rows.length - shown.length} more</td></tr>`);
  return `<table><tr>${head.map((h) => `<th>${cell(h)}</th>`).join('')}</tr>${body.join('')}</table>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`|*_[\]\\]/g, (c) => `&#${c.charCodeAt(0)};`);
}
