/**
 * Write the datasets into a staging folder and publish it in place of the
 * output folder.
 */
import {mkdir, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {stringify} from 'csv-stringify/sync'
import type {Row, Table} from './tables.js'

/** Options of {@link toCsv}. */
export interface CsvOptions {
  /** Start the file with a UTF-8 byte order mark, which Excel needs to read UTF-8 (default: `true`). */
  readonly byteOrderMark?: boolean | undefined
}

/**
 * Serialise rows as RFC 4180 CSV: header row, CRLF record ends, UTF-8 (with
 * a byte order mark unless turned off), empty cell for null, and text cells
 * that a spreadsheet would run as a formula guarded with a leading `'`.
 *
 * @param table
 *   Table definition (columns in order).
 * @param rows
 *   Rows.
 * @param options
 *   Configuration.
 * @returns
 *   CSV text.
 */
export function toCsv(table: Table, rows: readonly Row[], options?: CsvOptions): string {
  const columns = table.columns.map((column) => column.name)
  const textColumns = new Set(table.columns.filter((column) => column.type === 'string').map((column) => column.name))
  const body = stringify(rows as Row[], {
    header: true,
    columns,
    record_delimiter: 'windows',
    cast: {
      boolean: (value) => (value ? 'true' : 'false'),
      string: (value, context) => (context.column !== undefined && textColumns.has(String(context.column)) ? guardFormula(value) : value)
    }
  })
  return ((options?.byteOrderMark ?? true) ? '\uFEFF' : '') + (body || columns.join(',') + '\r\n')
}

/**
 * Guard a text cell that Excel, LibreOffice or Google Sheets would evaluate as
 * a formula (CWE-1236): `=`, `+`, `-`, `@`, tab or carriage return first.
 *
 * @param value
 *   Cell text.
 * @returns
 *   The text, with a leading `'` when it needs one.
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? "'" + value : value
}

/**
 * Serialise objects as JSON Lines.
 *
 * @param objects
 *   Objects.
 * @returns
 *   One JSON object per line, each line ending in `\n`.
 */
export function toJsonLines(objects: readonly unknown[]): string {
  return objects.map((object) => JSON.stringify(object) + '\n').join('')
}

/**
 * Create a fresh staging folder beside `output`.
 *
 * @param output
 *   Output folder.
 * @returns
 *   Path of the staging folder.
 */
export async function createStaging(output: string): Promise<string> {
  const staging = path.join(path.dirname(path.resolve(output)), '.' + path.basename(path.resolve(output)) + '.staging-' + process.pid)
  await rm(staging, {recursive: true, force: true})
  await mkdir(staging, {recursive: true})
  return staging
}

/**
 * Write one file into the staging folder.
 *
 * @param staging
 *   Staging folder.
 * @param name
 *   File name.
 * @param content
 *   Content.
 * @returns
 *   Nothing.
 */
export async function writeStaged(staging: string, name: string, content: string): Promise<void> {
  await writeFile(path.join(staging, name), content)
}

/**
 * Replace `output` by the staging folder: the previous output is moved aside
 * and removed only once the new one is in place.
 *
 * @param staging
 *   Complete staging folder.
 * @param output
 *   Output folder.
 * @returns
 *   Nothing.
 */
export async function publish(staging: string, output: string): Promise<void> {
  const target = path.resolve(output)
  const previous = staging.replace(/\.staging-/, '.previous-')
  await rm(previous, {recursive: true, force: true})
  let moved = false
  try {
    await rename(target, previous)
    moved = true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  await rename(staging, target)
  if (moved) await rm(previous, {recursive: true, force: true})
}
