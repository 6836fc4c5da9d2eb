/**
 * `report.html`: one self-contained page (inline CSS and SVG, no script, no
 * network) that shows what a run found, from counts of the output rows.
 */
import type {RunReport} from './run.js'
import type {Row, TableName} from './tables.js'

/** Bars shown at most in one chart. */
const maximumBars = 20

/** The counts `report.html` charts, gathered while the rows stream out. */
export class ReportTally {
  readonly drops = new Map<string, number>()
  readonly outlets = new Map<string, number>()
  readonly entities = new Map<string, number>()
  /** Distinct entity labels, when `entities` holds only those its chart shows (see {@link ChartCounts}). */
  entityLabels: number | undefined = undefined
  readonly months = new Map<string, number>()
  readonly edits = new Map<string, number>()
  readonly clusters = new Map<string, number>()
  /** Documents with a spin score above 0, and the score. */
  readonly spinScores: Array<[string, number]> = []

  /**
   * Count a document.
   *
   * @param docId
   *   Document id.
   * @param outlet
   *   Its outlet, or `''`.
   * @param spinScore
   *   Its spin score, or `null`.
   * @returns
   *   Nothing.
   */
  addDocument(docId: string, outlet: string, spinScore: number | null): void {
    add(this.drops, dropOf(docId))
    add(this.outlets, outlet || '(unknown)')
    if (spinScore !== null && spinScore > 0) this.spinScores.push([docId, spinScore])
  }
}

/**
 * Tally the rows of the output tables (a run tallies as it goes instead).
 *
 * @param rows
 *   Rows by table.
 * @returns
 *   Tally.
 */
export function tallyRows(rows: Partial<Record<TableName, Row[]>>): ReportTally {
  const tally = new ReportTally()
  for (const row of rows.documents ?? []) {
    tally.addDocument(text(row.doc_id), text(row.outlet), typeof row.spin_score === 'number' ? row.spin_score : null)
  }
  for (const row of rows.entities ?? []) add(tally.entities, entityLabel(text(row.canonical), text(row.type)))
  for (const row of rows.dates ?? []) add(tally.months, dateMonth(row))
  for (const row of rows.edits ?? []) add(tally.edits, editLabel(row))
  for (const row of rows.duplicates ?? []) add(tally.clusters, text(row.cluster_id))
  return tally
}

/**
 * Render the run report page.
 *
 * @param report
 *   Run report.
 * @param tally
 *   Counts of the output rows.
 * @returns
 *   HTML text.
 */
export function reportHtml(report: RunReport, tally: ReportTally): string {
  const sections = [
    chart('Documents per drop', sorted(tally.drops)),
    chart('Documents per outlet', sorted(tally.outlets)),
    chart('Top entities (mentions)', sorted(tally.entities), {total: tally.entityLabels}),
    chart('Mentioned dates per month', sorted(tally.months), {sortByLabel: true}),
    chart('Removals and repairs by rule', sorted(tally.edits)),
    chart('Spin score per document', [...tally.spinScores].sort((left, right) => right[1] - left[1])),
    chart('Duplicate clusters (documents per cluster)', sorted(tally.clusters))
  ]
  const rejects = report.rejected
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
          .map((row) => `<tr><td>${escape(row.sourcePath)}</td><td>${escape(row.reason)}</td><td>${escape(row.detail)}</td></tr>`)
          .join('') +
        '</table>',
    '</body></html>',
    ''
  ].join('\n')
}

/**
 * Label of an entity in the entity chart.
 *
 * @param canonical
 *   Canonical name.
 * @param type
 *   Entity type.
 * @returns
 *   Label.
 */
export function entityLabel(canonical: string, type: string): string {
  return canonical + ' · ' + type
}

/**
 * Label of an edit in the edit chart: stage and rule.
 *
 * @param row
 *   Row of `edits.csv`.
 * @returns
 *   Label.
 */
export function editLabel(row: Row): string {
  return text(row.stage) + ' / ' + text(row.rule)
}

/** Granularities coarser than a month, counted by year on the timeline. */
const yearly: ReadonlySet<string> = new Set(['century', 'decade', 'year'])

/**
 * Period of a date mention on the timeline: its month (`YYYY-MM`), or its
 * year (`YYYY`) for expressions that name a year or longer, from `iso_start`
 * or the value; `undefined` when it has none.
 *
 * @param row
 *   Row of `dates.csv`.
 * @returns
 *   Period, or `undefined`.
 */
export function dateMonth(row: Row): string | undefined {
  const start = text(row.iso_start) || text(row.value)
  if (!/^\d{4}/.test(start)) return undefined
  if (yearly.has(text(row.granularity))) return start.slice(0, 4)
  return /^\d{4}-\d{2}/.test(start) ? start.slice(0, 7) : undefined
}

/**
 * Add to a count.
 *
 * @param counts
 *   Counts by label; changed in place.
 * @param label
 *   Label, or `undefined` (not counted).
 * @param amount
 *   How much (default: `1`).
 * @returns
 *   Nothing.
 */
export function add(counts: Map<string, number>, label: string | undefined, amount = 1): void {
  if (label !== undefined) counts.set(label, (counts.get(label) ?? 0) + amount)
}

/**
 * The counts a bar chart shows, the largest, as many as it has bars (ties
 * by label), taken one label at a time: it keeps those, not every label.
 */
export class ChartCounts {
  #labels = 0
  readonly #largest: Array<[string, number]> = []

  /** Labels seen. */
  get labels(): number {
    return this.#labels
  }

  /**
   * Count a label seen for the first time.
   *
   * @param label
   *   Label, not given before.
   * @param count
   *   Its count.
   * @returns
   *   Nothing.
   */
  add(label: string, count: number): void {
    this.#labels++
    const largest = this.#largest
    let place = largest.length
    while (place > 0 && countOrder(largest[place - 1] as [string, number], [label, count]) > 0) place--
    if (place === maximumBars) return
    largest.splice(place, 0, [label, count])
    if (largest.length > maximumBars) largest.pop()
  }

  /**
   * The counts the chart shows.
   *
   * @returns
   *   Counts by label, most frequent first.
   */
  counts(): Map<string, number> {
    return new Map(this.#largest)
  }
}

/**
 * Counts, most frequent first (ties by label).
 *
 * @param counts
 *   Counts by label.
 * @returns
 *   Label and count pairs.
 */
function sorted(counts: ReadonlyMap<string, number>): Array<[string, number]> {
  return [...counts].sort(countOrder)
}

/**
 * Order of two counts in a chart: the larger first, ties by label.
 *
 * @param left
 *   Label and count.
 * @param right
 *   Label and count.
 * @returns
 *   Sort order.
 */
function countOrder(left: readonly [string, number], right: readonly [string, number]): number {
  return right[1] - left[1] || (left[0] < right[0] ? -1 : 1)
}

/**
 * A titled horizontal bar chart as inline SVG.
 *
 * @param title
 *   Chart title.
 * @param data
 *   Label and value pairs, in display order.
 * @param options
 *   `sortByLabel` shows the last bars by label (a timeline); `total` is
 *   how many labels there are when `data` holds only the largest.
 * @returns
 *   HTML.
 */
function chart(title: string, data: Array<[string, number]>, options?: {sortByLabel?: boolean; total?: number | undefined}): string {
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
  const total = options?.total ?? data.length
  const more = total > shown.length ? `<p class="empty">${total - shown.length} more not shown.</p>` : ''
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
