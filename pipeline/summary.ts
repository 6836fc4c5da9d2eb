/**
 * A Markdown summary of a run, for `$GITHUB_STEP_SUMMARY` in CI.
 */
import type {RunReport} from './run.js'

/** Most rows of a list shown in the summary (the job summary is capped at 1 MiB). */
const maximumListed = 50

/**
 * Render a run report as Markdown.
 *
 * @param report
 *   Run report.
 * @returns
 *   Markdown text.
 */
export function runSummary(report: RunReport): string {
  const rejects = report.rejected
  const lines = [
    '## newsdrop run',
    '',
    `${report.documents} documents processed, ${report.rejects} rejected, in ${report.seconds} s (newsdrop ${report.newsdrop_version}, schema ${report.schema_version}).`,
    '',
    '| output | rows |',
    '| --- | ---: |',
    ...Object.entries(report.rows).map(([file, rows]) => `| ${file} | ${rows} |`),
    '',
    '| stage | ms |',
    '| --- | ---: |',
    ...Object.entries(report.stage_milliseconds).map(([stage, milliseconds]) => `| ${stage} | ${milliseconds} |`)
  ]
  if (rejects.length > 0) {
    lines.push('', '### Rejected inputs', '', '| file | reason | detail |', '| --- | --- | --- |')
    for (const reject of rejects.slice(0, maximumListed)) {
      lines.push(`| ${cell(reject.sourcePath)} | ${reject.reason} | ${cell(reject.detail)} |`)
    }
    if (rejects.length > maximumListed) lines.push('', `… and ${rejects.length - maximumListed} more: see rejects.csv.`)
  }
  return lines.join('\n') + '\n'
}

/**
 * Escape a value for a Markdown table cell.
 *
 * @param value
 *   Text.
 * @returns
 *   Text without pipes or line breaks.
 */
function cell(value: string): string {
  return value.replaceAll('|', '\\|').replace(/\s+/g, ' ')
}
