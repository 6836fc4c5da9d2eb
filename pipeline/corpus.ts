/**
 * Corpus-level analysis: what needs every document of the run at once
 * (line repetition across the drop, copies across documents, stories,
 * the entity index). Pure functions over processed documents; persistent
 * state is read and written by the caller in `run.ts`.
 */
import type {VFile} from 'vfile'
import {decoded, lineKey, splitLines} from './record.js'
import type {Row, TableName} from './tables.js'
import './document.js'

declare module 'vfile' {
  interface DataMap {
    /**
     * For each line key (see `lineKey`), the number of distinct documents of
     * the run (and of earlier runs, via the state folder) that hold the line.
     * Set by the pipeline between the clean and the main phase.
     */
    dropLineCounts: ReadonlyMap<string, number>
    /** Number of documents the counts in `dropLineCounts` were taken over. */
    dropSize: number
  }
}

/**
 * Count, for every line key, how many documents hold the line, and attach
 * the counts to every document.
 *
 * @param files
 *   Documents after the clean phase.
 * @returns
 *   Nothing.
 */
export function attachLineCounts(files: readonly VFile[]): void {
  const counts = new Map<string, number>()
  for (const file of files) {
    const {text} = decoded(file)
    const seen = new Set<string>()
    for (const line of splitLines(text)) {
      if (line.start === line.end) continue
      const key = lineKey(text.slice(line.start, line.end))
      if (seen.has(key)) continue
      seen.add(key)
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
  }
  for (const file of files) {
    file.data.dropLineCounts = counts
    file.data.dropSize = files.length
  }
}

/**
 * Rows of the corpus-level tables for the processed documents of a run.
 *
 * @param files
 *   Processed documents, sorted by id.
 * @returns
 *   Rows by table name.
 */
export function corpusRows(files: readonly VFile[]): Partial<Record<TableName, Row[]>> {
  void files
  return {}
}
