/**
 * Find the documents of a drop and the metadata its manifests give them.
 *
 * An input root holds article files directly or one folder per drop
 * (`input/2025-08-08/…`). Any folder may hold a `manifest.csv` with a `file`
 * column (relative to that folder) and any of `published_date,url,outlet,title`
 * plus other columns, which are kept as document metadata.
 */
import {opendir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {parse} from 'csv-parse/sync'
import {compareText} from './record.js'

/** File name of a drop manifest. */
export const manifestName = 'manifest.csv'

/** File extensions read as plain-text articles. */
export const textExtensions: ReadonlySet<string> = new Set(['.text', '.txt'])

/**
 * An input file to process: its path and its metadata, nothing derived (its
 * id: {@link docIdOf}; its place on disk: {@link absolutePathOf}). With both
 * derived fields and the metadata as an object, the list of 50,000 documents
 * held 30 MB, and the run process reached 150 MB while reading them (116 MB
 * as they are now).
 */
export interface InputDocument {
  /** Path relative to the input root, `/`-separated. */
  readonly sourcePath: string
  /**
   * Manifest columns for this file (without `file`), in the manifest's
   * column order, as `JSON.stringify` gives them (`{}` when none).
   */
  readonly metadataText: string
}

/** An input that cannot be processed, with a reason (a row of `rejects.csv`). */
export interface Reject {
  readonly sourcePath: string
  readonly reason: string
  readonly detail: string
}

/** What a drop holds. */
export interface Inputs {
  /** Documents in `doc_id` order. */
  readonly documents: InputDocument[]
  readonly rejects: Reject[]
  /** Problems with manifests that do not stop the run. */
  readonly warnings: string[]
}

/** A configuration problem that stops the run (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError'
}

/**
 * List the documents under `root`, in `doc_id` order, with manifest metadata.
 *
 * @param root
 *   Input folder.
 * @returns
 *   Documents, files that cannot be read as documents, and warnings.
 */
export async function findInputs(root: string): Promise<Inputs> {
  const files = await listFiles(root)
  const documents: InputDocument[] = []
  const rejects: Reject[] = []
  const warnings: string[] = []
  const metadata = new Map<string, string>()

  for (const file of files.filter((file) => path.posix.basename(file) === manifestName)) {
    const folder = path.posix.dirname(file)
    for (const [name, row] of await readManifest(root, file, warnings)) {
      const sourcePath = folder === '.' ? name : folder + '/' + name
      metadata.set(sourcePath, row)
    }
  }

  for (const sourcePath of files) {
    if (path.posix.basename(sourcePath) === manifestName) continue
    const extension = path.posix.extname(sourcePath).toLowerCase()
    if (!textExtensions.has(extension)) {
      rejects.push({
        sourcePath,
        reason: 'unsupported-format',
        detail: 'Unexpected file type `' + (extension || '(none)') + '`, expected one of ' + [...textExtensions].join(', ')
      })
      continue
    }
    documents.push({sourcePath, metadataText: metadata.get(sourcePath) ?? noMetadata})
    metadata.delete(sourcePath)
  }

  for (const sourcePath of [...metadata.keys()].sort()) {
    rejects.push({sourcePath, reason: 'missing-file', detail: 'Listed in a manifest, but there is no such file'})
  }
  const ids = documents.map((document) => docIdOf(document.sourcePath))
  const order = Array.from(ids.keys()).sort((left, right) => compareText(ids[left] as string, ids[right] as string) || left - right)
  return {documents: order.map((position) => documents[position] as InputDocument), rejects, warnings}
}

/**
 * The id of a document: its path without its extension.
 *
 * @param sourcePath
 *   Path relative to the input folder, `/`-separated.
 * @returns
 *   Document id.
 */
export function docIdOf(sourcePath: string): string {
  return sourcePath.slice(0, -path.posix.extname(sourcePath).length || undefined)
}

/**
 * The path on disk of a document.
 *
 * @param root
 *   Input folder.
 * @param sourcePath
 *   Path relative to it, `/`-separated.
 * @returns
 *   Absolute path.
 */
export function absolutePathOf(root: string, sourcePath: string): string {
  return path.join(root, ...sourcePath.split('/'))
}

/** Metadata of a document no manifest row gives any. */
const noMetadata = '{}'

/**
 * Read a manifest into rows keyed by their `file` column, a row at a time:
 * as one array of records, a manifest of 50,000 rows held 17 MB.
 *
 * @param root
 *   Input folder.
 * @param manifest
 *   Manifest path relative to `root`.
 * @param warnings
 *   List to add problems to.
 * @returns
 *   Metadata as JSON text (see {@link InputDocument.metadataText}) by file
 *   name relative to the manifest's folder.
 */
async function readManifest(root: string, manifest: string, warnings: string[]): Promise<Map<string, string>> {
  const result = new Map<string, string>()
  let header: string[] | undefined
  let fileColumn = -1
  let rowNumber = 1
  const takeRow = (row: string[]): undefined => {
    if (header === undefined) {
      header = row
      fileColumn = row.indexOf('file')
      return undefined
    }
    // Without a `file` column the rows are skipped, not the parse: a
    // malformed row further down is still the error reported.
    if (fileColumn === -1) return undefined
    rowNumber++
    const name = (row[fileColumn] ?? '').replaceAll('\\', '/').replace(/^\.\//, '')
    if (name === '' || name.startsWith('../') || path.posix.isAbsolute(name)) {
      warnings.push(manifest + ':' + rowNumber + ': ignored row: expected a file inside the drop, got `' + name + '`')
      return undefined
    }
    const metadata: Record<string, string> = {}
    let empty = true
    for (const [column, key] of header.entries()) {
      const value = row[column] ?? ''
      if (column === fileColumn || key === '' || value === '') continue
      metadata[key] = value
      empty = false
    }
    if (metadata.published_date !== undefined && !isIsoDate(metadata.published_date)) {
      warnings.push(
        manifest + ':' + rowNumber + ': ignored `published_date`: expected an ISO 8601 date (YYYY-MM-DD), got `' +
          metadata.published_date + '`'
      )
      delete metadata.published_date
      empty = Object.keys(metadata).length === 0
    }
    if (result.has(name)) warnings.push(manifest + ':' + rowNumber + ': `' + name + '` is listed twice; the last row wins')
    result.set(name, empty ? noMetadata : JSON.stringify(metadata))
    return undefined
  }
  try {
    // `on_record` takes each record and returns nothing, so none is kept.
    parse(await readFile(path.join(root, manifest)), {bom: true, skip_empty_lines: true, trim: true, on_record: takeRow})
  } catch (error) {
    throw new UsageError('Cannot read manifest `' + manifest + '`: ' + (error as Error).message)
  }
  if (fileColumn === -1) {
    throw new UsageError('Expected manifest `' + manifest + '` to have a `file` column, got `' + (header ?? []).join(',') + '`')
  }
  return result
}

/**
 * Whether a value is an ISO 8601 calendar date, optionally with a time.
 *
 * @param value
 *   Manifest value.
 * @returns
 *   Whether it is a real date.
 */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/**
 * List every file below `root` (hidden ones skipped), sorted, `/`-separated.
 *
 * @param root
 *   Folder.
 * @returns
 *   Relative paths.
 */
async function listFiles(root: string): Promise<string[]> {
  const files: string[] = []
  // A stream of entries, not an array of all of them (11 MB at 50,000
  // files); each folder's relative path is made once.
  let folder = ''
  let prefix = ''
  let hidden = false
  for await (const entry of await opendir(root, {recursive: true})) {
    if (entry.isDirectory()) continue
    if (entry.parentPath !== folder) {
      folder = entry.parentPath
      const relative = path.relative(root, folder).split(path.sep).join('/')
      prefix = relative === '' ? '' : relative + '/'
      hidden = relative.split('/').some((part) => part.startsWith('.'))
    }
    if (hidden || entry.name.startsWith('.')) continue
    files.push(prefix + entry.name)
  }
  return files.sort()
}
