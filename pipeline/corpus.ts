/**
 * Corpus-level analysis: what needs every document of the run at once
 * (line repetition across the drop, copies across documents, stories,
 * the entity index). Pure functions; a run feeds them the compact summaries
 * of its documents (`document-summary.ts`), the evaluations whole documents.
 * Persistent state is read and written by the caller in `run.ts`.
 */
import type {VFile} from 'vfile'
import {indexDocument, matchDrop, type DuplicateIndex, type DuplicateResult} from '../stages/near-duplicates.js'
import {groupStories, type Settings as StorySettings} from '../stages/stories.js'
import {TermTable} from '../stages/term-table.js'
import {compareText, decoded, lineKey, splitLines} from './record.js'
import type {Row} from './tables.js'
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
 * The distinct keys (see `lineKey`) of a text's non-empty lines, in order of
 * first occurrence.
 *
 * @param text
 *   Clean text.
 * @returns
 *   Line keys.
 */
export function distinctLineKeys(text: string): string[] {
  const keys = new Set<string>()
  for (const line of splitLines(text)) {
    if (line.start !== line.end) keys.add(lineKey(text.slice(line.start, line.end)))
  }
  return [...keys]
}

/**
 * A 53-bit hash of a line key, so that counting the lines of a large drop
 * holds numbers, not texts. Two FNV-1a-style 32-bit hashes of the UTF-16
 * code units with different seeds and primes; among the 1.5 million distinct
 * lines of 50,000 articles, a collision (two lines counted as one) has a
 * chance of about 1 in 8,000, and would at worst make one line look repeated.
 *
 * @param key
 *   Line key.
 * @returns
 *   Integer below 2^53.
 */
export function lineHash(key: string): number {
  let high = 0x811c9dc5
  let low = 0x01000193
  for (let index = 0; index < key.length; index++) {
    const code = key.charCodeAt(index)
    high = Math.imul(high ^ code, 0x01000193)
    low = Math.imul(low ^ code, 0x5bd1e995)
  }
  low ^= low >>> 15
  return (high >>> 0) * 0x200000 + (low >>> 11)
}

/**
 * The entities of a run, gathered document by document into
 * `entities_index.csv`. Ids and names are kept in {@link TermTable}s and the
 * counts in typed arrays: as a map of objects, 113,000 entities (50,000
 * documents) held 17 MB of the heap through the stages.
 */
export class EntityIndex {
  #ids = new TermTable()
  #names = new TermTable()
  readonly #types: string[] = []
  /** Per entity (by its id in `#ids`): its type (in `#types`), name (in `#names`), documents and mentions. */
  #typeOf = new Int32Array(1024)
  #nameOf = new Int32Array(1024)
  #documents = new Int32Array(1024)
  #mentions = new Float64Array(1024)

  /**
   * Add the entities of one document.
   *
   * @param entities
   *   Id, type, canonical name and mentions of each entity of the document.
   * @returns
   *   Nothing.
   */
  add(entities: ReadonlyArray<readonly [id: string, type: string, canonical: string, mentions: number]>): void {
    for (const [id, type, canonical, mentions] of entities) {
      const size = this.#ids.size
      const entity = this.#ids.add(id)
      if (entity === size) {
        if (entity === this.#documents.length) this.#grow()
        let typeId = this.#types.indexOf(type)
        if (typeId === -1) typeId = this.#types.push(type) - 1
        this.#typeOf[entity] = typeId
        this.#nameOf[entity] = this.#names.add(canonical)
      }
      this.#documents[entity] = (this.#documents[entity] as number) + 1
      this.#mentions[entity] = (this.#mentions[entity] as number) + mentions
    }
  }

  /**
   * Forget every entity (once the run has its rows).
   *
   * @returns
   *   Nothing.
   */
  clear(): void {
    this.#ids = new TermTable()
    this.#names = new TermTable()
    this.#types.length = 0
    this.#typeOf = new Int32Array(1024)
    this.#nameOf = new Int32Array(1024)
    this.#documents = new Int32Array(1024)
    this.#mentions = new Float64Array(1024)
  }

  /**
   * Rows of `entities_index.csv`: one per entity (type and canonical name)
   * with the number of documents and mentions.
   *
   * @returns
   *   Rows, by mentions (descending), then type and canonical name (then
   *   in order of addition), made one at a time.
   */
  *rows(): Generator<Row> {
    const mentions = this.#mentions
    const typeOf = this.#typeOf
    const nameOf = this.#nameOf
    const names = this.#names
    // Sorted by the rank of each type and by the names' bytes in their
    // table: an array of every name (113,000 at 50,000 documents) was held
    // while the rows were written.
    const typeOrder = this.#types.map((_, type) => type).sort((left, right) => compareText(this.#types[left] as string, this.#types[right] as string))
    const typeRank = new Int32Array(this.#types.length)
    for (const [rank, type] of typeOrder.entries()) typeRank[type] = rank
    const order = Int32Array.from({length: this.#ids.size}, (_, entity) => entity).sort(
      (left, right) =>
        (mentions[right] as number) - (mentions[left] as number) ||
        (typeRank[typeOf[left] as number] as number) - (typeRank[typeOf[right] as number] as number) ||
        names.compare(nameOf[left] as number, nameOf[right] as number) ||
        left - right
    )
    for (const entity of order) {
      yield {
        entity_id: this.#ids.text(entity),
        canonical: names.text(nameOf[entity] as number),
        type: this.#types[typeOf[entity] as number] as string,
        documents: this.#documents[entity] as number,
        mentions: mentions[entity] as number
      }
    }
  }

  /**
   * Make room for more entities in the per-entity arrays.
   *
   * @returns
   *   Nothing.
   */
  #grow(): void {
    const grow = <Values extends Int32Array | Float64Array>(values: Values): Values => {
      const larger = new (values.constructor as new (length: number) => Values)(values.length * 2)
      larger.set(values)
      return larger
    }
    this.#typeOf = grow(this.#typeOf)
    this.#nameOf = grow(this.#nameOf)
    this.#documents = grow(this.#documents)
    this.#mentions = grow(this.#mentions)
  }
}

/**
 * Rows of `duplicates.csv`: one per document of the run that is a copy of
 * another (the kept copy has no row; its `cluster_id` is in documents.csv).
 *
 * @param results
 *   Duplicate results by document id.
 * @returns
 *   Rows, by document id.
 */
export function duplicateRows(results: ReadonlyMap<string, DuplicateResult>): Row[] {
  return [...results]
    .filter(([, result]) => result.duplicateOf !== null)
    .sort(([left], [right]) => compareText(left, right))
    .map(([docId, result]) => ({
      doc_id: docId,
      cluster_id: result.clusterId,
      duplicate_of: result.duplicateOf,
      similarity: result.similarity,
      kind: result.kind
    }))
}
