/**
 * Turn processed documents into output rows (pure: no I/O).
 */
import {hash} from 'node:crypto'
import type {VFile} from 'vfile'
import {codePointIndex, codePointLength, decoded, rawPlace, sourcePlace} from './record.js'
import type {Row, TableName} from './tables.js'
import './document.js'

/** Manifest columns that have their own column in `documents.csv`, so `metadata.csv` leaves them out. */
const documentColumns: ReadonlySet<string> = new Set(['agency', 'byline', 'outlet', 'published_date', 'title', 'url'])

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
    title: file.data.articleMetadata?.title?.value ?? metadata.title ?? null,
    published_date: metadata.published_date ?? null,
    metadata,
    text,
    lines: file.data.segments?.lines ?? null,
    paragraphs: file.data.segments?.paragraphs ?? null,
    characters: codePointLength(text),
    warnings: messageRows(file).map(({doc_id: _, ...message}) => message),
    story_id: file.data.storyId ?? null,
    duplicate: file.data.duplicate
      ? {
          cluster_id: file.data.duplicate.clusterId,
          duplicate_of: file.data.duplicate.duplicateOf,
          similarity: file.data.duplicate.similarity,
          kind: file.data.duplicate.kind
        }
      : null,
    spin: file.data.spin
      ? {
          score: file.data.spin.score,
          spun: file.data.spin.spun,
          per_1000_words: file.data.spin.per1000Words,
          evidence: file.data.spin.evidence
        }
      : null,
    anchor_date: file.data.anchor?.value ?? null,
    anchor_source: file.data.anchor?.source ?? null,
    ...articleFields(file)
  }
}

/**
 * Article metadata fields of a document (manifest values, else what the
 * text states; see the `boilerplate` stage), with where each came from.
 *
 * @param file
 *   Processed document.
 * @returns
 *   Fields for `documents.jsonl`.
 */
function articleFields(file: VFile) {
  const article = file.data.articleMetadata ?? {}
  const metadata = file.data.metadata ?? {}
  return {
    outlet: article.outlet?.value ?? metadata.outlet ?? null,
    agency: article.agency?.value ?? null,
    byline: article.byline?.value ?? null,
    photo_credits: article.photoCredits?.value ?? [],
    copyright_year: article.copyrightYear?.value ?? null,
    title_source: article.title?.source ?? (metadata.title ? 'manifest' : null),
    outlet_source: article.outlet?.source ?? (metadata.outlet ? 'manifest' : null),
    agency_source: article.agency?.source ?? null,
    byline_source: article.byline?.source ?? null,
    boilerplate_lines: file.data.boilerplate?.filter((finding) => finding.rule !== 'photo-credit-inline').length ?? 0
  }
}

/**
 * Rows of every table for one processed document.
 *
 * @param file
 *   Processed document.
 * @param object
 *   Its `documents.jsonl` object, when the caller built it already.
 * @returns
 *   Rows by table name (tables without rows for it are absent).
 */
export function documentRows(file: VFile, object: DocumentObject = documentObject(file)): Partial<Record<TableName, Row[]>> {
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
        outlet: object.outlet as string | null,
        lines: object.lines as number,
        paragraphs: object.paragraphs as number,
        characters: object.characters as number,
        edits: edits.length,
        warnings: messages.length,
        story_id: file.data.storyId,
        cluster_id: file.data.duplicate?.clusterId,
        duplicate_of: file.data.duplicate?.duplicateOf,
        spin_score: file.data.spin?.score,
        spun: file.data.spin?.spun,
        anchor_date: anchorDay(file.data.anchor?.value),
        anchor_source: file.data.anchor?.source,
        agency: object.agency as string | null,
        byline: object.byline as string | null,
        photo_credits: (object.photo_credits as string[]).join(' | '),
        copyright_year: object.copyright_year as number | null,
        title_source: object.title_source as string | null,
        outlet_source: object.outlet_source as string | null,
        agency_source: object.agency_source as string | null,
        byline_source: object.byline_source as string | null,
        boilerplate_lines: object.boilerplate_lines as number
      }
    ],
    entities: entityRows(file),
    dates: dateRows(file),
    metadata: Object.entries(metadata)
      .filter(([key]) => !documentColumns.has(key))
      .map(([key, value]) => ({doc_id: docId, key, value})),
    edits,
    messages
  }
}

/**
 * Rows of `entities.csv` for one document.
 *
 * @param file
 *   Processed document.
 * @returns
 *   Rows in text order.
 */
function entityRows(file: VFile): Row[] {
  const spanFields = spanMapper(file)
  return (file.data.entities ?? []).map((entity) => ({
    doc_id: file.data.docId,
    text: entity.text,
    type: entity.type,
    canonical: entity.canonical,
    ...spanFields(entity.start, entity.end),
    entity_id: entityId(entity.type, entity.canonical)
  }))
}

/**
 * Id of an entity, the same in every run and document: the first 16 hex
 * digits of the SHA-256 of its type and canonical name.
 *
 * @param type
 *   Entity type.
 * @param canonical
 *   Canonical name.
 * @returns
 *   Id.
 */
export function entityId(type: string, canonical: string): string {
  // A built key, not the canonical name itself: a name can be a slice of its
  // document's text, and a slice of 13 code units or more keeps the whole text
  // alive in V8 (as keys, 18 MB more at the peak of 5,000 documents; see
  // `docs/PERFORMANCE.md`, session 19).
  const key = type + '\t' + canonical
  let id = entityIds.get(key)
  if (id === undefined) {
    // A drop names the same entities again and again; a SHA-256 per
    // mention stood out in the profile of a run.
    if (entityIds.size >= entityIdCacheSize) entityIds.clear()
    id = hash('sha256', key, 'hex').slice(0, 16)
    entityIds.set(key, id)
  }
  return id
}

/** Entity ids computed lately, by type and canonical name. */
const entityIds = new Map<string, string>()

/** Entity ids kept at most before the cache starts again. */
const entityIdCacheSize = 50_000

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
 * The anchor if it is a whole date (a year-only anchor has no day to give).
 *
 * @param value
 *   Anchor value.
 * @returns
 *   ISO date, or `undefined`.
 */
function anchorDay(value: string | undefined): string | undefined {
  return value !== undefined && value.length === 10 ? value : undefined
}

/**
 * Rows of `dates.csv` for one document.
 *
 * @param file
 *   Processed document.
 * @returns
 *   Rows in text order.
 */
function dateRows(file: VFile): Row[] {
  const {text} = decoded(file)
  const anchor = anchorDay(file.data.anchor?.value)
  const spanFields = spanMapper(file)
  return (file.data.dates ?? []).map((mention) => ({
    doc_id: file.data.docId,
    text: text.slice(mention.start, mention.end),
    type: mention.type,
    value: mention.value,
    ...spanFields(mention.start, mention.end),
    granularity: mention.granularity,
    iso_start: mention.isoStart,
    iso_end: mention.isoEnd,
    anchor: mention.relative ? anchor : undefined,
    mod: mention.mod
  }))
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
 * Make the function that turns a working-text span of `file` into the
 * contract's position fields; the code-point index is built once per document.
 *
 * @param file
 *   Processed document.
 * @returns
 *   Function from UTF-16 `start`/`end` to `start`/`end` in code points and the
 *   raw `source_line`/`source_column` of the start.
 */
function spanMapper(file: VFile): (start: number, end: number) => Row {
  const {text} = decoded(file)
  const codePoints = codePointIndex(text)
  return function (start, end) {
    const place = sourcePlace(file, start)
    return {
      start: codePoints ? codePoints[start] : start,
      end: codePoints ? codePoints[end] : end,
      source_line: place.line,
      source_column: place.column
    }
  }
}
