/**
 * `report.html`: one self-contained page (inline CSS and SVG, no script, no
 * network) that shows what a run found, from the rows of the output tables.
 */
import type {RunReport} from './run.js'
import type {Row, TableName} from './tables.js'

/** Bars shown at most in one chart. */
const maximumBars = 20

/**
 * Render the run report page.
 *
 * @param report
 *   Run report.
 * @param rows
 *   Rows of every output table.
 * @returns
 *   HTML text.
 */
export function reportHtml(report: RunReport, rows: Partial<Record<TableName, Row[]>>): string {
  const documents = rows.documents ?? []
  const sections = [
    chart('Documents per drop', count(documents, (row) => dropOf(String(row.doc_id)))),
    chart('Documents per outlet', count(documents, (row) => text(row.outlet) || '(unknown)')),
    chart('Top entities (mentions)', count(rows.entities ?? [], (row) => text(row.canonical) + ' · ' + text(row.type))),
    chart('Mentioned dates per month', timeline(rows.dates ?? []), {sortByLabel: true}),
    chart('Removals and repairs by rule', count(rows.edits ?? [], (row) => text(row.stage) + ' / ' + text(row.rule))),
    chart('Spin score per document', spinScores(documents)),
    chart('Duplicate clusters (documents per cluster)', count(rows.duplicates ?? [], (row) => text(row.cluster_id)))
  ]
  const rejects = rows.rejects ?? []
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>newsdrop run report</title>',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<style>',
    'body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#1d2330;padding:0 1rem}',
    'h1{font-size:1.6rem}h2{font-size:1.1rem;margin-top:2rem}table{border-collapse:collapse}',
    'td,th{padding:.2rem .6rem;border-bottom:1px solid #dde;text-align:left}td.n{text-align:right}',
    'svg text{font:12px system-ui,sans-serif;fill:#1d2330}.empty{color:#778}',
    '</style></head><body>',
    '<h1>newsdrop run report</h1>',
    `<p>${report.documents} documents, ${report.rejects} rejected · ` +
      `newsdrop ${escape(report.newsdrop_version)} · schema ${escape(report.schema_version)}</p>`,
    '<h2>Outputs</h2><table><tr><th>file</th><th>rows</th></tr>',
    ...Object.entries(report.rows).map(([file, count]) => `<tr><td>${escape(file)}</td><td class="n">${count}</td></tr>`),
    '</table>',
    ...sections,
    '<h2>Rejected inputs</h2>',
    rejects.length === 0
      ? '<p class="empty">None.</p>'
      : '<table><tr><th>file</th><th>reason</th><th>detail</th></tr>' +
        rejects
          .slice(0, 200)
          .map((row) => `<tr><td>${escape(text(row.source_path))}</td><td>${escape(text(row.reason))}</td><td>${escape(text(row.detail))}</td></tr>`)
          .join('') +
        '</table>',
    '</body></html>',
    ''
  ].join('\n')
}

/**
 * Count rows by a label, most frequent first (ties by label).
 *
 * @param rows
 *   Rows.
 * @param label
 *   Label of a row.
 * @returns
 *   Label and count pairs.
 */
function count(rows: readonly Row[], label: (row: Row) => string): Array<[string, number]> {
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(label(row), (counts.get(label(row)) ?? 0) + 1)
  return [...counts].sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1))
}

/** Granularities coarser than a month, counted by year on the timeline. */
const yearly: ReadonlySet<string> = new Set(['century', 'decade', 'year'])

/**
 * Mentions of dates per month (`YYYY-MM`), or per year (`YYYY`) for
 * expressions that name a year or longer, from `iso_start` or the value.
 *
 * @param rows
 *   Rows of `dates.csv`.
 * @returns
 *   Period and count pairs.
 */
function timeline(rows: readonly Row[]): Array<[string, number]> {
  const start = (row: Row) => text(row.iso_start) || text(row.value)
  const dated = rows.filter((row) => /^\d{4}/.test(start(row)) && (yearly.has(text(row.granularity)) || /^\d{4}-\d{2}/.test(start(row))))
  return count(dated, (row) => start(row).slice(0, yearly.has(text(row.granularity)) ? 4 : 7))
}

/**
 * Spin scores of the documents that have one, highest first.
 *
 * @param rows
 *   Rows of `documents.csv`.
 * @returns
 *   Document and score pairs.
 */
function spinScores(rows: readonly Row[]): Array<[string, number]> {
  return rows
    .filter((row) => typeof row.spin_score === 'number' && row.spin_score > 0)
    .map((row) => [text(row.doc_id), Number(row.spin_score)] as [string, number])
    .sort((left, right) => right[1] - left[1])
}

/**
 * A titled horizontal bar chart as inline SVG.
 *
 * @param title
 *   Chart title.
 * @param data
 *   Label and value pairs, in display order.
 * @param options
 *   `sortByLabel` shows the last bars by label (a timeline).
 * @returns
 *   HTML.
 */
function chart(title: string, data: Array<[string, number]>, options?: {sortByLabel?: boolean}): string {
  if (data.length === 0) return `<h2>${escape(title)}</h2><p class="empty">Nothing to show.</p>`
  const shown = options?.sortByLabel
    ? [...data].sort((left, right) => (left[0] < right[0] ? -1 : 1)).slice(-maximumBars)
    : data.slice(0, maximumBars)
  const maximum = Math.max(...shown.map(([, value]) => value))
  const row = 22
  const labelWidth = 260
  const barWidth = 380
  const bars = shown.map(([label, value], index) => {
    const width = maximum > 0 ? Math.max(1, Math.round((value / maximum) * barWidth)) : 1
    const y = index * row
    return (
      `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${escape(truncate(label, 40))}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${width}" height="${row - 6}" fill="#3b6fd8"><title>${escape(label)}: ${value}</title></rect>` +
      `<text x="${labelWidth + width + 6}" y="${y + 15}">${Number.isInteger(value) ? value : value.toFixed(2)}</text>`
    )
  })
  const more = data.length > shown.length ? `<p class="empty">${data.length - shown.length} more not shown.</p>` : ''
  return (
    `<h2>${escape(title)}</h2>` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 60}" height="${shown.length * row}" role="img" aria-label="${escape(title)}">` +
    bars.join('') +
    '</svg>' +
    more
  )
}

/**
 * Drop of a document: the first folder of its id, or `(root)`.
 *
 * @param docId
 *   Document id.
 * @returns
 *   Drop name.
 */
function dropOf(docId: string): string {
  const slash = docId.indexOf('/')
  return slash === -1 ? '(root)' : docId.slice(0, slash)
}

/**
 * A cell as text.
 *
 * @param value
 *   Cell.
 * @returns
 *   Text (`''` for null).
 */
function text(value: Row[string]): string {
  return value === undefined || value === null ? '' : String(value)
}

/**
 * Shorten a label.
 *
 * @param value
 *   Label.
 * @param length
 *   Most characters.
 * @returns
 *   Label, with `…` when cut.
 */
function truncate(value: string, length: number): string {
  return value.length > length ? value.slice(0, length - 1) + '…' : value
}

/**
 * Escape text for HTML.
 *
 * @param value
 *   Text.
 * @returns
 *   Escaped text.
 */
function escape(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')
}
