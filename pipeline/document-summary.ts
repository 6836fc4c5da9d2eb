/**
 * What a run keeps of a processed document (pure: no I/O): its output rows,
 * already serialised, and the compact facts the corpus steps need. The run
 * streams the rows to disk in `doc_id` order and holds only the facts, so its
 * memory does not grow with the size of the texts.
 */
import type {VFile} from 'vfile'
import {dateMonth, editLabel} from './report-html.js'
import {decoded} from './record.js'
import {documentObject, documentRows, entityId} from './rows.js'
import {tables, type Row, type TableName} from './tables.js'
import {indexDocument, type IndexedDocument, type Settings as DuplicateSettings} from '../stages/near-duplicates.js'
import {storyTermRecord, storyTerms} from '../stages/stories.js'
import './document.js'

/** Tables with rows per document (the others are built from every document at once). */
export const documentTables = ['documents', 'metadata', 'entities', 'dates', 'edits', 'messages'] as const satisfies readonly TableName[]

/** A table with rows per document. */
export type DocumentTable = (typeof documentTables)[number]

/** Columns of `documents.csv` and keys of `documents.jsonl` that the corpus steps fill in. */
export const corpusFields = {csv: ['story_id', 'cluster_id', 'duplicate_of'], json: ['story_id', 'duplicate']} as const

/** What the duplicate index keeps of a document, as plain JSON. */
export interface SignatureSummary {
  readonly exact: string
  readonly shingles: number
  readonly immutables: number
  /** MinHash signature: the bytes of a `Uint32Array` (little-endian) in base64. */
  readonly signature: string
}

/** A processed document as the run keeps it. */
export interface DocumentSummary {
  readonly docId: string
  /** Publication date from the manifest, or `null`. */
  readonly date: string | null
  /** Rows of each per-document table: one JSON array of cells (in column order) per line. */
  readonly rows: Partial<Record<DocumentTable, string>>
  /** Line of `documents.jsonl` (without its line end). */
  readonly object: string
  readonly signature: SignatureSummary
  /**
   * Story terms: the bytes of the document's `storyTermRecord` (an
   * `Int32Array`, little-endian) in base64. The run passes them on to the
   * stories step, which counts them only once the entity index is let go, so
   * the two vocabularies are never held together. As keys, not strings: the
   * stories step no longer parses, hashes and compares the text of every
   * term (about 5.4 million at 50,000 documents).
   */
  readonly storyTerms: string
  /** Entities: id, type, canonical name, mentions. */
  readonly entities: ReadonlyArray<readonly [id: string, type: string, canonical: string, mentions: number]>
  /** What `report.html` counts. */
  readonly report: {
    readonly outlet: string
    readonly spinScore: number | null
    readonly months: ReadonlyArray<readonly [string, number]>
    readonly edits: ReadonlyArray<readonly [string, number]>
  }
  /** Milliseconds per stage. */
  readonly timings: Readonly<Record<string, number>>
  /** Audited edits per stage. */
  readonly editsPerStage: Readonly<Record<string, number>>
  /** Warnings to print (legacy encodings). */
  readonly warnings: readonly string[]
}

/**
 * Summarise a processed document.
 *
 * @param file
 *   Processed document.
 * @param duplicates
 *   Settings of the duplicate signature.
 * @returns
 *   Summary.
 */
export function summariseDocument(file: VFile, duplicates: DuplicateSettings): DocumentSummary {
  const docId = file.data.docId ?? file.path
  const date = file.data.metadata?.published_date || null
  const object = documentObject(file)
  const tableRows = documentRows(file, object)
  const rows: Partial<Record<DocumentTable, string>> = {}
  for (const name of documentTables) {
    const list = tableRows[name] ?? []
    if (list.length > 0) rows[name] = list.map((row) => rowLine(name, row)).join('\n')
  }
  const {text} = decoded(file)
  const indexed = indexDocument({id: docId, text, date}, duplicates)
  const entities = new Map<string, [string, string, string, number]>()
  for (const entity of file.data.entities ?? []) {
    const id = entityId(entity.type, entity.canonical)
    const entry = entities.get(id)
    if (entry) entry[3]++
    else entities.set(id, [id, entity.type, entity.canonical, 1])
  }
  const editsPerStage: Record<string, number> = {}
  for (const edit of file.data.edits ?? []) editsPerStage[edit.stage] = (editsPerStage[edit.stage] ?? 0) + 1
  const documentRow = tableRows.documents?.[0] ?? {}
  return {
    docId,
    date,
    rows,
    object: JSON.stringify(object),
    signature: signatureSummary(indexed),
    storyTerms: base64(storyTermRecord(storyTerms({text, entities: file.data.entities?.map((entity) => entity.canonical)}))),
    entities: [...entities.values()],
    report: {
      outlet: String(documentRow.outlet ?? ''),
      spinScore: typeof documentRow.spin_score === 'number' ? documentRow.spin_score : null,
      months: tally((tableRows.dates ?? []).map((row) => dateMonth(row))),
      edits: tally((tableRows.edits ?? []).map((row) => editLabel(row)))
    },
    timings: file.data.timings ?? {},
    editsPerStage,
    warnings: file.messages.filter((message) => message.ruleId === 'legacy-encoding').map((message) => message.reason)
  }
}

/**
 * A summary as text, the form the workers answer with and the cache keeps:
 * one line of JSON with the compact fields and the lengths of the texts,
 * then the texts as they are (the `documents.jsonl` line, the story terms,
 * then the rows of each table). The texts are JSON or base64 already:
 * escaped once more inside a JSON string, they cost the worker an escape and
 * the run process an unescape of every row (5,000 summaries, 43 MB: parsed
 * in 145–175 ms instead of 165–250 ms). The story terms, the larger part of
 * what was the header, are not decoded while the stages run (see
 * {@link DocumentSummary.storyTerms}).
 *
 * @param summary
 *   Summary.
 * @returns
 *   Text.
 */
export function serialiseSummary(summary: DocumentSummary): string {
  const {rows, object, storyTerms: terms, ...compact} = summary
  const texts = [object, terms, ...documentTables.map((name) => rows[name] ?? '')]
  // JSON text never holds a raw line feed, so the first one ends the header.
  return JSON.stringify({...compact, lengths: texts.map((text) => text.length)}) + '\n' + texts.join('')
}

/**
 * Read a summary back from its text (see {@link serialiseSummary}).
 *
 * @param text
 *   Text.
 * @returns
 *   Summary.
 */
export function parseSummary(text: string): DocumentSummary {
  const end = text.indexOf('\n')
  const {lengths, ...compact} = JSON.parse(text.slice(0, end)) as Omit<DocumentSummary, 'rows' | 'object' | 'storyTerms'> & {lengths: number[]}
  let at = end + 1
  const texts = lengths.map((length) => text.slice(at, (at += length)))
  if (at !== text.length || texts.length !== documentTables.length + 2) {
    throw new Error('Expected a document summary of ' + at + ' characters and ' + (documentTables.length + 2) + ' texts, got ' + text.length + ' and ' + texts.length)
  }
  const rows: Partial<Record<DocumentTable, string>> = {}
  for (const [index, name] of documentTables.entries()) {
    const lines = texts[index + 2] as string
    if (lines !== '') rows[name] = lines
  }
  return {...compact, object: texts[0] as string, storyTerms: texts[1] as string, rows}
}

/**
 * A row as one line of cells in column order (JSON: `undefined` becomes `null`).
 *
 * @param name
 *   Table.
 * @param row
 *   Row.
 * @returns
 *   JSON array text.
 */
export function rowLine(name: TableName, row: Row): string {
  return JSON.stringify(tables[name].columns.map((column) => row[column.name] ?? null))
}

/**
 * The plain-JSON form of a duplicate index entry.
 *
 * @param indexed
 *   Indexed document.
 * @returns
 *   Summary.
 */
function signatureSummary(indexed: IndexedDocument): SignatureSummary {
  const {signature} = indexed
  return {
    exact: indexed.exact,
    shingles: indexed.shingles,
    immutables: indexed.immutables,
    signature: base64(signature)
  }
}

/**
 * The bytes of a typed array in base64.
 *
 * @param values
 *   Values.
 * @returns
 *   Text.
 */
function base64(values: Uint32Array | Int32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64')
}

/**
 * Count labels, leaving out `undefined`.
 *
 * @param labels
 *   Labels.
 * @returns
 *   Label and count pairs, in order of first occurrence.
 */
function tally(labels: ReadonlyArray<string | undefined>): Array<[string, number]> {
  const counts = new Map<string, number>()
  for (const label of labels) if (label !== undefined) counts.set(label, (counts.get(label) ?? 0) + 1)
  return [...counts]
}
