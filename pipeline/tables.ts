/**
 * The output contract: every table newsdrop writes, its columns in order,
 * and what each column means. Later versions add columns at the end and
 * never rename, retype or reorder one.
 */

/** Version of the output contract (SemVer: a new column bumps the minor version, a breaking change the major). */
export const schemaVersion = '1.0.0'

/** A column of a CSV table. */
export interface Column {
  readonly name: string
  readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'date'
  readonly description: string
}

/** A CSV table of the contract. */
export interface Table {
  /** File name in the output folder. */
  readonly file: string
  readonly description: string
  readonly columns: readonly Column[]
  /** Columns that identify a row. */
  readonly primaryKey?: readonly string[]
}

const docId: Column = {name: 'doc_id', type: 'string', description: 'Document id: input path relative to the input root, without extension'}
const sourceLine: Column = {name: 'source_line', type: 'integer', description: '1-based line in the raw input file'}
const sourceColumn: Column = {name: 'source_column', type: 'integer', description: '1-based column in the raw input line, in Unicode code points'}

/** Every CSV table, by name. */
export const tables = {
  documents: {
    file: 'documents.csv',
    description: 'One row per processed document (the text itself is in documents.jsonl)',
    primaryKey: ['doc_id'],
    columns: [
      docId,
      {name: 'source_path', type: 'string', description: 'Input path relative to the input root'},
      {name: 'sha256', type: 'string', description: 'SHA-256 of the raw input bytes'},
      {name: 'bytes', type: 'integer', description: 'Size of the raw input in bytes'},
      {name: 'encoding', type: 'string', description: 'Encoding the input was decoded from'},
      {name: 'title', type: 'string', description: 'Headline: manifest `title`, else the headline line of the text (see `title_source`)'},
      {name: 'published_date', type: 'date', description: 'Publication date from the manifest'},
      {name: 'url', type: 'string', description: 'Article URL from the manifest'},
      {name: 'outlet', type: 'string', description: 'Outlet: manifest `outlet`, else as the text states it (see `outlet_source`)'},
      {name: 'lines', type: 'integer', description: 'Lines of the clean text'},
      {name: 'paragraphs', type: 'integer', description: 'Paragraphs of the clean text'},
      {name: 'characters', type: 'integer', description: 'Length of the clean text in code points'},
      {name: 'edits', type: 'integer', description: 'Rows of this document in edits.csv'},
      {name: 'warnings', type: 'integer', description: 'Rows of this document in messages.csv'},
      {name: 'story_id', type: 'string', description: 'Story: articles about the same event share it (not a copy relation)'},
      {name: 'cluster_id', type: 'string', description: 'Cluster of copies of the same article (empty when the document has no copy)'},
      {name: 'duplicate_of', type: 'string', description: 'doc_id of the copy its cluster keeps; empty for the kept copy and for documents without a copy'},
      {name: 'spin_score', type: 'number', description: 'Density of synonym-spinner artifacts as a score from 0 to 1 (0.5 at the `despin` threshold)'},
      {name: 'spun', type: 'boolean', description: 'Whether the text was taken as spun, so that class B spin repairs were applied'},
      {name: 'anchor_date', type: 'date', description: 'Date relative dates were resolved against; empty when there is none or only its year is known (`anchor_source` says which)'},
      {name: 'anchor_source', type: 'string', description: 'Where the anchor comes from: `manifest`, `dateline`, `text`, `copyright` or `none`'},
      {name: 'agency', type: 'string', description: 'News agency: manifest `agency`, else as a sign-off, byline, copyright line or dateline states it'},
      {name: 'byline', type: 'string', description: 'Author or desk: manifest `byline`, else from a byline or signature line'},
      {name: 'photo_credits', type: 'string', description: 'Photo credits removed from the text, in order, joined with ` | `'},
      {name: 'copyright_year', type: 'integer', description: 'Year of the copyright line'},
      {name: 'title_source', type: 'string', description: 'Where `title` comes from: `manifest` or `headline`'},
      {name: 'outlet_source', type: 'string', description: 'Where `outlet` comes from: `manifest`, `copyright-line` or `contact-domain`'},
      {name: 'agency_source', type: 'string', description: 'Where `agency` comes from: `manifest`, `signature-line`, `byline-line`, `copyright-line`, `sign-off` or `dateline`'},
      {name: 'byline_source', type: 'string', description: 'Where `byline` comes from: `manifest`, `byline-line` or `signature-line`'},
      {name: 'boilerplate_lines', type: 'integer', description: 'Lines the `boilerplate` stage removed'}
    ]
  },
  metadata: {
    file: 'metadata.csv',
    description: 'Manifest columns without a column of their own in documents.csv, one row per column (long format)',
    primaryKey: ['doc_id', 'key'],
    columns: [
      docId,
      {name: 'key', type: 'string', description: 'Manifest column name'},
      {name: 'value', type: 'string', description: 'Manifest value'}
    ]
  },
  entities: {
    file: 'entities.csv',
    description: 'Named-entity mentions',
    columns: [
      docId,
      {name: 'text', type: 'string', description: 'Mention as it reads in the clean text'},
      {name: 'type', type: 'string', description: 'PERSON, ORG, GPE, LOC, NORP, FAC, EVENT or WORK_OF_LAW'},
      {name: 'canonical', type: 'string', description: 'Canonical name of the entity'},
      {name: 'start', type: 'integer', description: 'Start offset in the clean text (code points)'},
      {name: 'end', type: 'integer', description: 'End offset in the clean text (code points, exclusive)'},
      sourceLine,
      sourceColumn,
      {name: 'entity_id', type: 'string', description: 'Id of the entity, the same across the whole output: a hash of type and canonical name (see entities_index.csv)'}
    ]
  },
  entities_index: {
    file: 'entities_index.csv',
    description: 'One row per entity (type and canonical name) over the documents of the run',
    primaryKey: ['entity_id'],
    columns: [
      {name: 'entity_id', type: 'string', description: 'Id of the entity (as in entities.csv)'},
      {name: 'canonical', type: 'string', description: 'Canonical name of the entity'},
      {name: 'type', type: 'string', description: 'PERSON, ORG, GPE, LOC, NORP, FAC, EVENT or WORK_OF_LAW'},
      {name: 'documents', type: 'integer', description: 'Documents that mention the entity'},
      {name: 'mentions', type: 'integer', description: 'Mentions of the entity'}
    ]
  },
  dates: {
    file: 'dates.csv',
    description: 'Temporal expressions with TIMEX3 values',
    columns: [
      docId,
      {name: 'text', type: 'string', description: 'Expression as it reads in the clean text'},
      {name: 'type', type: 'string', description: 'DATE, TIME, DURATION or SET'},
      {name: 'value', type: 'string', description: 'TIMEX3 value'},
      {name: 'start', type: 'integer', description: 'Start offset in the clean text (code points)'},
      {name: 'end', type: 'integer', description: 'End offset in the clean text (code points, exclusive)'},
      sourceLine,
      sourceColumn,
      {name: 'granularity', type: 'string', description: 'Size of the period named (day, week, month, quarter, season, year, decade, century, time-of-day, …) or the unit of a duration'},
      {name: 'iso_start', type: 'date', description: 'First day of the period named, for a resolved date; empty for durations, sets and underspecified values'},
      {name: 'iso_end', type: 'date', description: 'Last day of the period named, for a resolved date; empty for durations, sets and underspecified values'},
      {name: 'anchor', type: 'date', description: 'Date a relative expression was resolved against; empty for absolute expressions and when the document has no anchor date (`anchor_source` `none` in documents.csv)'},
      {name: 'mod', type: 'string', description: 'TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, LESS_THAN, EQUAL_OR_MORE, EQUAL_OR_LESS'}
    ]
  },
  edits: {
    file: 'edits.csv',
    description: 'Every change made to the text, with its rule and raw place',
    columns: [
      docId,
      {name: 'stage', type: 'string', description: 'Stage that made the change'},
      {name: 'rule', type: 'string', description: 'Rule id within the stage'},
      {name: 'action', type: 'string', description: '`remove` or `replace`'},
      sourceLine,
      sourceColumn,
      {name: 'before', type: 'string', description: 'Text before the change'},
      {name: 'after', type: 'string', description: 'Text after the change (empty for a removal)'}
    ]
  },
  duplicates: {
    file: 'duplicates.csv',
    description: 'Copies of the same article across documents',
    columns: [
      docId,
      {name: 'cluster_id', type: 'string', description: 'Id of the cluster of copies'},
      {name: 'duplicate_of', type: 'string', description: 'doc_id of the copy the cluster keeps'},
      {name: 'similarity', type: 'number', description: 'Similarity to `duplicate_of`, 0 to 1'},
      {name: 'kind', type: 'string', description: '`exact` or `near`'}
    ]
  },
  messages: {
    file: 'messages.csv',
    description: 'Warnings and notes stages recorded about documents',
    columns: [
      docId,
      {name: 'stage', type: 'string', description: 'Stage that recorded the message'},
      {name: 'rule', type: 'string', description: 'Rule id of the finding'},
      {name: 'severity', type: 'string', description: '`warning` or `info`'},
      sourceLine,
      sourceColumn,
      {name: 'message', type: 'string', description: 'What was found'}
    ]
  },
  rejects: {
    file: 'rejects.csv',
    description: 'Inputs that could not be processed',
    primaryKey: ['source_path'],
    columns: [
      {name: 'source_path', type: 'string', description: 'Input path relative to the input root'},
      {name: 'reason', type: 'string', description: 'Stable reason id'},
      {name: 'detail', type: 'string', description: 'What went wrong'}
    ]
  }
} as const satisfies Record<string, Table>

/** Name of a table of the contract. */
export type TableName = keyof typeof tables

/** A row of a table: values by column name (`undefined`/`null` is an empty cell). */
export type Row = Record<string, string | number | boolean | null | undefined>
