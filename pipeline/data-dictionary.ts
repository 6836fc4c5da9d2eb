/**
 * `docs/DATA.md`, the data dictionary, generated from the contract in
 * `tables.ts` so the two never drift (`make docs` rewrites it; a test checks it).
 */
import {schemaVersion, tables, type Table} from './tables.js'

/**
 * Render the data dictionary as Markdown.
 *
 * @returns
 *   Markdown text.
 */
export function dataDictionary(): string {
  const lines = [
    '# Data dictionary',
    '',
    '<!-- Generated from pipeline/tables.ts by `make docs`; do not edit by hand. -->',
    '',
    `Output contract version ${schemaVersion}. Every table is written to the output folder as CSV (RFC 4180:`,
    'header row, CRLF record ends, UTF-8 with a byte order mark unless `--no-bom`, an empty cell for null, text',
    "cells starting with `=`, `+`, `-`, `@`, tab or CR prefixed with `'` so spreadsheets do not run them) and",
    'described in `datapackage.json` (Frictionless Data Package v2: types, primary and foreign keys). Rows are',
    'sorted by `doc_id`; the same input gives the same bytes (only `run.json` carries timings). Within a major',
    'version columns are only ever added at the end of a table, never renamed, retyped or reordered.',
    '',
    'Offsets: `start`/`end` count Unicode code points in the document\'s clean `text` (end exclusive).',
    '`source_line`/`source_column` are 1-based and count code points in the raw input line (after decoding;',
    'a byte order mark is not counted; `\\r\\n`, `\\n` and a lone `\\r` end a line).',
    '',
    '## documents.jsonl',
    '',
    'One JSON object per line and per document, sorted by `doc_id`: every column of `documents.csv` plus',
    '`text` (the clean text after all stages), `metadata` (all manifest columns) and `warnings` (the',
    "document's rows of `messages.csv`), and the per-stage results as objects.",
    ''
  ]
  for (const table of Object.values(tables) as Table[]) {
    lines.push('## ' + table.file, '', table.description + '.', '')
    if (table.primaryKey) lines.push('Primary key: ' + table.primaryKey.map((name) => '`' + name + '`').join(', ') + '.', '')
    lines.push('| column | type | meaning |', '| --- | --- | --- |')
    for (const column of table.columns) {
      lines.push('| `' + column.name + '` | ' + column.type + ' | ' + column.description.replaceAll('|', '\\|') + ' |')
    }
    lines.push('')
  }
  lines.push(
    '## run.json',
    '',
    'What a run did: `newsdrop_version`, `schema_version`, `node_version`, `input`, counts of `documents` and',
    '`rejects`, `cached` (documents taken from the cache), `rows` per output file, input `bytes`, wall-clock',
    '`seconds`, `stage_milliseconds` (time per stage summed over documents), `step_milliseconds` (wall clock of reading, the clean phase, the stages, the corpus steps',
    'and writing), `edits_per_stage`, `peak_memory_mb` (peak resident memory of the run\'s process and of its largest worker process), `cpu_seconds` (CPU time of the run\'s process and of all its worker processes), `options_sha256`, `input_fingerprint` (code, options and inputs: a run',
    'with the same fingerprint as the current output is a no-op, `status` `unchanged`) and `rejected`.',
    ''
  )
  return lines.join('\n')
}
