/**
 * Corpus-level analysis: what needs every document of the run at once
 * (line repetition across the drop, copies across documents, stories,
 * the entity index). Pure functions over processed documents; persistent
 * state is read and written by the caller in `run.ts`.
 */
import type {VFile} from 'vfile'
import {indexDocument, matchDrop, type DuplicateIndex, type DuplicateResult} from '../stages/near-duplicates.js'
import {groupStories, type Settings as StorySettings} from '../stages/stories.js'
import {compareText, decoded, lineKey, splitLines} from './record.js'
import {entityId} from './rows.js'
import type {Row, TableName} from './tables.js'
import './document.js'

declare module 'vfile' {
  interface DataMap {
    /**
     * For each line key (see `lineKey`), the number of distinct documents of
     * the run that hold the line.
     * Set by the pipeline between the clean and the main phase.
     */
    dropLineCounts: ReadonlyMap<string, number>
    /** Number of documents the counts in `dropLineCounts` were taken over. */
    dropSize: number
    /** How the document relates to its copies, when it has any; set by `attachDuplicates`. */
    duplicate: DuplicateResult
    /** Story (group of articles about one event) of the document; set by `attachStories`. */
    storyId: string
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
  return {duplicates: duplicateRows(files), entities_index: entityIndexRows(files)}
}

/**
 * Rows of `entities_index.csv`: one per entity (type and canonical name)
 * with the number of documents and mentions, most mentioned first.
 *
 * @param files
 *   Processed documents.
 * @returns
 *   Rows, by mentions (descending), then type and canonical name.
 */
export function entityIndexRows(files: readonly VFile[]): Row[] {
  const index = new Map<string, {canonical: string; type: string; documents: Set<string>; mentions: number}>()
  for (const file of files) {
    for (const entity of file.data.entities ?? []) {
      const id = entityId(entity.type, entity.canonical)
      let entry = index.get(id)
      if (!entry) index.set(id, (entry = {canonical: entity.canonical, type: entity.type, documents: new Set(), mentions: 0}))
      entry.documents.add(file.data.docId ?? file.path)
      entry.mentions++
    }
  }
  return [...index]
    .sort(
      ([, left], [, right]) =>
        right.mentions - left.mentions || compareText(left.type, right.type) || compareText(left.canonical, right.canonical)
    )
    .map(([id, entry]) => ({
      entity_id: id,
      canonical: entry.canonical,
      type: entry.type,
      documents: entry.documents.size,
      mentions: entry.mentions
    }))
}

/**
 * Match the documents of the run against the duplicate index and each
 * other, add them to the index, and attach the result to each document that
 * has a copy (`file.data.duplicate`).
 *
 * @param files
 *   Processed documents.
 * @param index
 *   Duplicate index of earlier runs; changed in place.
 * @returns
 *   Nothing.
 */
export function attachDuplicates(files: readonly VFile[], index: DuplicateIndex): void {
  const drop = files.map((file) =>
    indexDocument({id: file.data.docId ?? file.path, text: decoded(file).text, date: publishedDate(file)}, index.settings)
  )
  const results = matchDrop(index, drop)
  for (const file of files) {
    const result = results.get(file.data.docId ?? file.path)
    if (result) file.data.duplicate = result
  }
}

/**
 * Group the documents of the run into stories (`file.data.storyId`), from
 * their entities when an entity stage ran, else from capitalised names.
 *
 * @param files
 *   Processed documents.
 * @param settings
 *   Story settings.
 * @returns
 *   Nothing.
 */
export function attachStories(files: readonly VFile[], settings: StorySettings): void {
  const stories = groupStories(
    files.map((file) => ({
      id: file.data.docId ?? file.path,
      text: decoded(file).text,
      date: publishedDate(file),
      entities: file.data.entities?.map((entity) => entity.canonical)
    })),
    settings
  )
  for (const file of files) file.data.storyId = stories.get(file.data.docId ?? file.path) as string
}

/**
 * Rows of `duplicates.csv`: one per document of the run that is a copy of
 * another (the kept copy has no row; its `cluster_id` is in documents.csv).
 *
 * @param files
 *   Processed documents, sorted by id.
 * @returns
 *   Rows.
 */
function duplicateRows(files: readonly VFile[]): Row[] {
  const rows: Row[] = []
  for (const file of files) {
    const duplicate = file.data.duplicate
    if (!duplicate || duplicate.duplicateOf === null) continue
    rows.push({
      doc_id: file.data.docId,
      cluster_id: duplicate.clusterId,
      duplicate_of: duplicate.duplicateOf,
      similarity: duplicate.similarity,
      kind: duplicate.kind
    })
  }
  return rows
}

/**
 * Publication date of a document from its manifest, or `null`.
 *
 * @param file
 *   Document.
 * @returns
 *   Date text.
 */
function publishedDate(file: VFile): string | null {
  return file.data.metadata?.published_date || null
}

/**
 * The drop counts of a clean document's own lines, to send to a worker.
 *
 * @param file
 *   Clean document with `dropLineCounts`.
 * @returns
 *   Line key and count pairs.
 */
export function ownLineCounts(file: VFile): Array<[string, number]> {
  const {text} = decoded(file)
  const counts = file.data.dropLineCounts
  const pairs = new Map<string, number>()
  for (const line of splitLines(text)) {
    if (line.start === line.end) continue
    const key = lineKey(text.slice(line.start, line.end))
    pairs.set(key, counts?.get(key) ?? 0)
  }
  return [...pairs]
}
