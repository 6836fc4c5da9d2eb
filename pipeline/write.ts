/**
 * Write the datasets into a staging folder and publish it in place of the
 * output folder.
 */
import {mkdir, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {stringify} from 'csv-stringify/sync'
import type {Row, Table} from './tables.js'

/**
 * Serialise rows as RFC 4180 CSV with a header row and CRLF record ends.
 *
 * @param table
 *   Table definition (columns in order).
 * @param rows
 *   Rows.
 * @returns
 *   CSV text.
 */
export function toCsv(table: Table, rows: readonly Row[]): string {
  const columns = table.columns.map((column) => column.name)
  return stringify(rows as Row[], {
    header: true,
    columns,
    record_delimiter: 'windows',
    cast: {boolean: (value) => (value ? 'true' : 'false')}
  }) || columns.join(',') + '\r\n'
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
