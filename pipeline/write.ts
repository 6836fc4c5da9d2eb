/**
 * Write the datasets into a staging folder and publish it in place of the
 * output folder.
 */
import {createReadStream} from 'node:fs'
import {access, chmod, lstat, mkdir, mkdtemp, open, readdir, rename, rm, symlink} from 'node:fs/promises'
import path from 'node:path'
import {createInterface} from 'node:readline'
import {stringify} from 'csv-stringify/sync'
import {fileWriter, ParquetWriter, parquetWriteBuffer} from 'hyparquet-writer'
import {schemaVersion, tables, type Column, type Row, type Table, type TableName} from './tables.js'
import {version} from './version.js'

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
  const header = table.columns.map((column) => column.name).join(',') + '\r\n'
  return ((options?.byteOrderMark ?? true) ? '\uFEFF' : '') + header + csvRecords(table, rows.map((row) => cellsOf(table, row)))
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

/** Parquet physical and converted types for each contract column type. */
const parquetTypes: Record<Column['type'], {type: 'BYTE_ARRAY' | 'INT64' | 'DOUBLE' | 'BOOLEAN' | 'INT32'; converted_type?: 'UTF8' | 'DATE'}> = {
  string: {type: 'BYTE_ARRAY', converted_type: 'UTF8'},
  integer: {type: 'INT64'},
  number: {type: 'DOUBLE'},
  boolean: {type: 'BOOLEAN'},
  date: {type: 'INT32', converted_type: 'DATE'}
}

/** A row as its cells, in column order. */
type Cells = Array<Row[string]>

/** Most rows per Parquet row group (and per CSV chunk) when a table is written from a rows file. */
const rowGroupRows = 20_000

/**
 * Most characters of row text per row group: encoding a group takes many
 * times its size (an array per column, pages, statistics), so wide rows make
 * smaller groups. Writing `documents` of 50,000 documents (rows of about 300
 * characters) took a process to 230 MB with groups of 20,000 rows, to 140 MB
 * with groups of a million characters, in the same time.
 */
const rowGroupCharacters = 1_000_000

/** Bytes of CSV or JSON text gathered before a write to disk. */
const chunkBytes = 1 << 20

/** Write one output table (CSV and Parquet), or `documents.jsonl`, from a rows file. */
export interface WriteTableTask {
  readonly kind: 'write'
  /** Table, or `documents.jsonl`. */
  readonly table: TableName | 'documents.jsonl'
  /** File of rows: one JSON array of cells in column order per line (`documents.jsonl`: one object per line); may be missing (no rows). */
  readonly rows: string
  /** Folder the files go to. */
  readonly folder: string
  /** Start the CSV file with a UTF-8 byte order mark. */
  readonly byteOrderMark: boolean
  /**
   * File of the corpus fields of each document (`documents` and
   * `documents.jsonl`): a line `[doc_id, fields]` (see {@link CorpusFields})
   * per document, in the order of the rows.
   */
  readonly corpusFields?: string | undefined
}

/** The corpus fields of a `documents.jsonl` line before the corpus steps ran. */
const corpusPlaceholder = '"story_id":null,"duplicate":null'

/** What the corpus steps found for a document: story, and copy cluster when it has copies. */
export interface CorpusFields {
  readonly story_id: string
  readonly duplicate: {cluster_id: string; duplicate_of: string | null; similarity: number; kind: string} | null
}

/**
 * Write a table from a rows file, streaming: CSV chunk by chunk, Parquet row
 * group by row group, so memory stays flat however many rows there are.
 * Rows of `documents` (and objects of `documents.jsonl`) get their corpus
 * fields filled in.
 *
 * @param task
 *   What to write.
 * @returns
 *   Rows written.
 */
export async function writeTable(task: WriteTableTask): Promise<{rows: number}> {
  const fields = task.corpusFields ? new CorpusFieldsReader(task.corpusFields) : undefined
  const opened: ChunkedFile[] = []
  try {
    return await writeRows(task, fields, opened)
  } catch (error) {
    // A task that fails leaves no file open in its worker process (the run
    // removes its staging folder).
    await fields?.close()
    await Promise.allSettled(opened.map((file) => file.close()))
    throw error
  }
}

/**
 * The work of {@link writeTable}.
 *
 * @param task
 *   What to write.
 * @param fields
 *   Corpus fields of the rows, if the table has them.
 * @param opened
 *   Files opened so far, added to as they are opened.
 * @returns
 *   Rows written.
 */
async function writeRows(task: WriteTableTask, fields: CorpusFieldsReader | undefined, opened: ChunkedFile[]): Promise<{rows: number}> {
  const lines = readLines(task.rows)
  if (task.table === 'documents.jsonl') {
    const output = await chunkedFile(path.join(task.folder, 'documents.jsonl'))
    opened.push(output)
    let count = 0
    for await (const line of lines) {
      const docId = JSON.parse(/^\{"doc_id":("(?:[^"\\]|\\.)*")/.exec(line)?.[1] ?? '""') as string
      const found = await fields?.next(docId)
      // Spliced, not parsed and serialised again: the line holds the whole
      // text. In JSON text every quote inside a string is escaped, so the
      // placeholder can only be the object's own keys.
      const at = found ? line.indexOf(corpusPlaceholder) : -1
      if (found && at === -1) throw new Error('Expected the corpus fields of `' + docId + '` in documents.jsonl')
      await output.write(
        (found
          ? line.slice(0, at) + '"story_id":' + JSON.stringify(found.story_id) + ',"duplicate":' + JSON.stringify(found.duplicate) + line.slice(at + corpusPlaceholder.length)
          : line) + '\n'
      )
      count++
    }
    await output.close()
    return {rows: count}
  }

  const table = tables[task.table]
  const csv = await chunkedFile(path.join(task.folder, table.file))
  opened.push(csv)
  await csv.write(((task.byteOrderMark ? '\uFEFF' : '') + table.columns.map((column) => column.name).join(',') + '\r\n'))
  const parquet = new ParquetWriter({writer: fileWriter(path.join(task.folder, table.file.replace(/\.csv$/, '.parquet'))), ...parquetOptions(table)})
  const column = (name: string) => table.columns.findIndex((each) => each.name === name)
  const corpusColumns = task.table === 'documents' ? {doc: column('doc_id'), story: column('story_id'), cluster: column('cluster_id'), of: column('duplicate_of')} : undefined
  // Rows stay arrays of cells in column order: no object per row.
  let group: Cells[] = []
  let groupCharacters = 0
  let count = 0
  const flush = async () => {
    if (group.length === 0) return
    await csv.write(csvRecords(table, group))
    await parquet.write({columnData: parquetColumns(table, group), rowGroupSize: group.length})
    count += group.length
    group = []
    groupCharacters = 0
  }
  for await (const line of lines) {
    const cells = JSON.parse(line) as Cells
    if (corpusColumns) {
      const found = await fields?.next(String(cells[corpusColumns.doc]))
      if (found) {
        cells[corpusColumns.story] = found.story_id
        cells[corpusColumns.cluster] = found.duplicate?.cluster_id ?? null
        cells[corpusColumns.of] = found.duplicate?.duplicate_of ?? null
      }
    }
    group.push(cells)
    groupCharacters += line.length
    if (group.length === rowGroupRows || groupCharacters >= rowGroupCharacters) await flush()
  }
  await flush()
  await parquet.finish()
  await csv.close()
  return {rows: count}
}

/**
 * The corpus fields of documents, read from their file a line at a time as
 * the rows ask for them: the fields of 50,000 documents as one object (and a
 * `Map` made from it) grew the heap of the worker writing `documents`.
 */
class CorpusFieldsReader {
  readonly #lines: AsyncGenerator<string>

  /**
   * @param file
   *   File of lines `[doc_id, fields]`, in the order of the rows.
   */
  constructor(file: string) {
    this.#lines = readLines(file)
  }

  /**
   * Fields of the next document, which must be the one asked for (every
   * processed document has a story, so each row has a line).
   *
   * @param docId
   *   Id of the row's document.
   * @returns
   *   Its fields.
   */
  async next(docId: string): Promise<CorpusFields> {
    const line = await this.#lines.next()
    const [id, fields] = line.done ? [undefined, undefined] : (JSON.parse(line.value) as [string, CorpusFields])
    if (id !== docId || fields === undefined) {
      throw new Error('Expected the corpus fields of `' + docId + '` next, got ' + (id === undefined ? 'none' : 'those of `' + id + '`'))
    }
    return fields
  }

  /**
   * Stop reading (and close the file) before the end.
   *
   * @returns
   *   Nothing.
   */
  async close(): Promise<void> {
    await this.#lines.return(undefined)
  }
}

/**
 * Lines of a text file, streamed; none when the file is missing.
 *
 * @param file
 *   File path.
 * @returns
 *   Lines (without line ends; empty lines skipped).
 */
export async function* readLines(file: string): AsyncGenerator<string> {
  try {
    await access(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  for await (const line of createInterface({input: createReadStream(file, {encoding: 'utf8'}), crlfDelay: Infinity})) {
    if (line !== '') yield line
  }
}

/** A file written in chunks (see {@link chunkedFile}). */
export interface ChunkedFile {
  /** Append text (as UTF-8) or bytes. */
  write(data: string | Uint8Array): Promise<void>
  close(): Promise<void>
}

/**
 * A file written in chunks of about a megabyte, flushed to disk when closed.
 *
 * Text is copied into the chunk as it comes, not kept as strings until the
 * chunk is full: a row sliced from a document's summary keeps the whole
 * summary alive, and a file of short rows (`edits`, about 100 bytes a
 * document) took tens of thousands of documents to fill a chunk, so the run
 * process held thousands of summaries it had already taken.
 *
 * @param file
 *   File path.
 * @returns
 *   Writer.
 */
export async function chunkedFile(file: string): Promise<ChunkedFile> {
  const handle = await open(file, 'w')
  let chunk = Buffer.allocUnsafe(chunkBytes)
  let used = 0
  const drain = async () => {
    for (let offset = 0; offset < used; ) offset += (await handle.write(chunk, offset, used - offset)).bytesWritten
    used = 0
  }
  return {
    async write(data) {
      const length = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength
      if (used + length > chunk.length) await drain()
      if (length > chunk.length) {
        const bytes = typeof data === 'string' ? Buffer.from(data) : data
        for (let offset = 0; offset < bytes.byteLength; ) offset += (await handle.write(bytes, offset, bytes.byteLength - offset)).bytesWritten
        return
      }
      if (typeof data === 'string') chunk.write(data, used)
      else chunk.set(data, used)
      used += length
    },
    async close() {
      try {
        await drain()
        await handle.sync()
      } finally {
        await handle.close()
        // A run keeps its closed files to its end (a dozen megabytes of chunks).
        chunk = Buffer.alloc(0)
      }
    }
  }
}

/**
 * CSV records of rows, without a header (see {@link toCsv}).
 *
 * @param table
 *   Table definition.
 * @param rows
 *   Rows.
 * @returns
 *   CSV text, one CRLF-ended record per row.
 */
function csvRecords(table: Table, rows: readonly Cells[]): string {
  const textColumns = new Set(table.columns.flatMap((column, index) => (column.type === 'string' ? [index] : [])))
  return stringify(rows as Cells[], {
    header: false,
    record_delimiter: 'windows',
    cast: {
      boolean: (value) => (value ? 'true' : 'false'),
      string: (value, context) => (typeof context.column === 'number' && textColumns.has(context.column) ? guardFormula(value) : value)
    }
  })
}

/**
 * Serialise rows as a Parquet file with the same columns as the CSV table,
 * typed, with `schema_version` in its key-value metadata. As in the CSV, an
 * empty text is null.
 *
 * @param table
 *   Table definition (columns in order).
 * @param rows
 *   Rows.
 * @returns
 *   Parquet bytes.
 */
export function toParquet(table: Table, rows: readonly Row[]): Uint8Array {
  const buffer = parquetWriteBuffer({columnData: parquetColumns(table, rows.map((row) => cellsOf(table, row))), ...parquetOptions(table)})
  return new Uint8Array(buffer)
}

/**
 * Schema and file metadata of a table's Parquet file.
 *
 * @param table
 *   Table definition.
 * @returns
 *   hyparquet-writer options.
 */
function parquetOptions(table: Table) {
  return {
    schema: [
      {name: 'root', num_children: table.columns.length},
      ...table.columns.map((column) => ({name: column.name, repetition_type: 'OPTIONAL' as const, ...parquetTypes[column.type]}))
    ],
    kvMetadata: [
      {key: 'schema_version', value: schemaVersion},
      {key: 'table', value: table.file}
    ],
    createdBy: 'newsdrop ' + version
  }
}

/**
 * Rows as hyparquet-writer column data.
 *
 * @param table
 *   Table definition.
 * @param rows
 *   Rows.
 * @returns
 *   One column of values per table column.
 */
function parquetColumns(table: Table, rows: readonly Cells[]) {
  return table.columns.map((column, index) => ({name: column.name, data: rows.map((cells) => parquetValue(column, cells[index]))}))
}

/**
 * The cells of a row in column order.
 *
 * @param table
 *   Table definition.
 * @param row
 *   Row.
 * @returns
 *   Cells.
 */
function cellsOf(table: Table, row: Row): Cells {
  return table.columns.map((column) => row[column.name])
}

/**
 * Convert a cell to the value hyparquet-writer expects for its column type.
 *
 * @param column
 *   Column definition.
 * @param value
 *   Cell value.
 * @returns
 *   Value, or `null`.
 */
function parquetValue(column: Column, value: Row[string]): string | bigint | number | boolean | Date | null {
  if (value === undefined || value === null || value === '') return null
  switch (column.type) {
    case 'integer':
      return BigInt(value as number)
    case 'number':
      return Number(value)
    case 'boolean':
      return Boolean(value)
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? new Date(String(value) + 'T00:00:00Z') : null
    default:
      return String(value)
  }
}

/** Releases kept beside the output (the current one and the one before). */
const keptReleases = 2

/**
 * Folder holding the releases of `output`: `.<name>.releases` beside it.
 *
 * @param output
 *   Output folder.
 * @returns
 *   Absolute path.
 */
export function releasesFolder(output: string): string {
  const target = path.resolve(output)
  return path.join(path.dirname(target), '.' + path.basename(target) + '.releases')
}

/**
 * Create a fresh staging folder for a new release of `output`.
 *
 * @param output
 *   Output folder.
 * @returns
 *   Path of the staging folder.
 */
export async function createStaging(output: string): Promise<string> {
  const releases = releasesFolder(output)
  await mkdir(releases, {recursive: true})
  return mkdtemp(path.join(releases, 'staging-' + process.pid + '-'))
}

/**
 * Write one file into the staging folder and flush it to disk.
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
export async function writeStaged(staging: string, name: string, content: string | Uint8Array): Promise<void> {
  const handle = await open(path.join(staging, name), 'w')
  try {
    await handle.writeFile(content)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Publish a complete staging folder as `output` atomically.
 *
 * `output` is a symbolic link to the current release; a new link is made
 * beside it and renamed over it, which replaces it in one step (rename(2)),
 * so a reader, or a run killed at any moment, always finds a complete
 * output. A real folder left by an older version is moved into the releases
 * first. Releases beyond the last two are removed.
 *
 * @param staging
 *   Complete staging folder.
 * @param output
 *   Output path.
 * @returns
 *   Nothing.
 */
export async function publish(staging: string, output: string): Promise<void> {
  const target = path.resolve(output)
  const releases = releasesFolder(output)
  const numbered = (names: string[]) => names.filter((name) => /^\d+$/.test(name)).sort()
  const last = numbered(await readdir(releases)).at(-1)
  const next = String(Number(last ?? 0) + 1).padStart(6, '0')
  await chmod(staging, 0o755)
  await rename(staging, path.join(releases, next))
  await syncFolder(releases)

  const existing = await lstat(target).catch(() => undefined)
  if (existing?.isDirectory()) await rename(target, path.join(releases, 'legacy-' + next))

  const link = path.join(releases, 'link-' + next)
  await rm(link, {force: true})
  await symlink(path.join(path.basename(releases), next), link)
  await rename(link, target)
  await syncFolder(path.dirname(target))

  const names = await readdir(releases)
  for (const name of numbered(names).slice(0, -keptReleases)) await rm(path.join(releases, name), {recursive: true, force: true})
  // Left behind by runs killed before they published.
  for (const name of names) {
    const owner = /^staging-(\d+)-/.exec(name)
    if ((owner && !running(Number(owner[1]))) || /^(legacy|link)-/.test(name)) {
      await rm(path.join(releases, name), {recursive: true, force: true})
    }
  }
}

/**
 * Whether a process is running.
 *
 * @param pid
 *   Process id.
 * @returns
 *   Whether it runs.
 */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Flush a folder's entries to disk, so a rename survives a power cut.
 *
 * @param folder
 *   Folder.
 * @returns
 *   Nothing.
 */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
