/**
 * Turn processed documents into output rows (pure: no I/O).
 */
import type {VFile} from 'vfile'
import {codePointLength, decoded, rawPlace, sourcePlace} from './record.js'
import type {Row, TableName} from './tables.js'
import './document.js'

/** Manifest columns that have their own column in `documents.csv`, so `metadata.csv` leaves them out. */
const documentColumns: ReadonlySet<string> = new Set(['outlet', 'published_date', 'title', 'url'])

/** A document as one line of `documents.jsonl`. */
export interface DocumentObject {
  readonly [key: string]: unknown
}

/**
 * The JSON object of a processed document (keys in a fixed order).
 *
 * @param file
 *   Processed document.
 * @returns
 *   Object for `documents.jsonl`.
 */
export function documentObject(file: VFile): DocumentObject {
  const {text} = decoded(file)
  const metadata = file.data.metadata ?? {}
  return {
    doc_id: file.data.docId,
    source_path: file.data.sourcePath,
    sha256: file.data.sha256,
    bytes: file.data.bytes,
    encoding: file.data.encoding,
    title: metadata.title ?? null,
    published_date: metadata.published_date ?? null,
    metadata,
    text,
    lines: file.data.segments?.lines ?? null,
    paragraphs: file.data.segments?.paragraphs ?? null,
    characters: codePointLength(text),
    warnings: messageRows(file).map(({doc_id: _, ...message}) => message)
  }
}

/**
 * Rows of every table for one processed document.
 *
 * @param file
 *   Processed document.
 * @returns
 *   Rows by table name (tables without rows for it are absent).
 */
export function documentRows(file: VFile): Partial<Record<TableName, Row[]>> {
  const object = documentObject(file)
  const docId = file.data.docId
  const metadata = file.data.metadata ?? {}
  const edits = editRows(file)
  const messages = messageRows(file)
  return {
    documents: [
      {
        doc_id: docId,
        source_path: file.data.sourcePath,
        sha256: file.data.sha256,
        bytes: file.data.bytes,
        encoding: file.data.encoding,
        title: object.title as string | null,
        published_date: object.published_date as string | null,
        url: metadata.url,
        outlet: metadata.outlet,
        lines: object.lines as number,
        paragraphs: object.paragraphs as number,
        characters: object.characters as number,
        edits: edits.length,
        warnings: messages.length
      }
    ],
    metadata: Object.entries(metadata)
      .filter(([key]) => !documentColumns.has(key))
      .map(([key, value]) => ({doc_id: docId, key, value})),
    edits,
    messages
  }
}

/**
 * Rows of `edits.csv` for one document.
 *
 * @param file
 *   Processed document.
 * @returns
 *   Rows in the order the edits were made.
 */
function editRows(file: VFile): Row[] {
  const {raw} = decoded(file)
  return (file.data.edits ?? []).map(function (edit) {
    const place = rawPlace(raw, edit.rawStart)
    return {
      doc_id: file.data.docId,
      stage: edit.stage,
      rule: edit.rule,
      action: edit.action,
      source_line: place.line,
      source_column: place.column,
      before: edit.before,
      after: edit.after
    }
  })
}

/**
 * Rows of `messages.csv`: the non-fatal messages stages recorded.
 *
 * @param file
 *   Processed document.
 * @returns
 *   Rows.
 */
function messageRows(file: VFile): Row[] {
  return file.messages
    .filter((message) => !message.fatal)
    .map((message) => ({
      doc_id: file.data.docId,
      stage: message.source ?? '',
      rule: message.ruleId ?? '',
      severity: message.fatal === false ? 'warning' : 'info',
      source_line: message.line ?? undefined,
      source_column: message.column ?? undefined,
      message: message.reason
    }))
}

/**
 * Raw line and column of a working-text span start, as row fields.
 *
 * @param file
 *   Processed document.
 * @param start
 *   UTF-16 offset into the working text.
 * @returns
 *   `source_line` and `source_column`, plus `start`/`end` in code points.
 */
export function spanFields(file: VFile, start: number, end: number): Row {
  const {text} = decoded(file)
  const place = sourcePlace(file, start)
  const codeStart = codePointLength(text, 0, start)
  return {
    start: codeStart,
    end: codeStart + codePointLength(text, start, end),
    source_line: place.line,
    source_column: place.column
  }
}
