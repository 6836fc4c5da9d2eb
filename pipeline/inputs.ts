/**
 * Find the documents of a drop and the metadata its manifests give them.
 *
 * An input root holds article files directly or one folder per drop
 * (`input/2025-08-08/…`). Any folder may hold a `manifest.csv` with a `file`
 * column (relative to that folder) and any of `published_date,url,outlet,title`
 * plus other columns, which are kept as document metadata.
 */
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {parse} from 'csv-parse/sync'

/** File name of a drop manifest. */
export const manifestName = 'manifest.csv'

/** File extensions read as plain-text articles. */
export const textExtensions: ReadonlySet<string> = new Set(['.text', '.txt'])

/** An input file to process. */
export interface InputDocument {
  /** Path relative to the input root, `/`-separated. */
  readonly sourcePath: string
  /** `sourcePath` without its extension. */
  readonly docId: string
  /** Absolute path on disk. */
  readonly absolutePath: string
  /** Manifest columns for this file (without `file`), in the manifest's column order. */
  readonly metadata: Readonly<Record<string, string>>
}

/** An input that cannot be processed, with a reason (a row of `rejects.csv`). */
export interface Reject {
  readonly sourcePath: string
  readonly reason: string
  readonly detail: string
}

/** What a drop holds. */
export interface Inputs {
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
 * List the documents under `root`, sorted by path, with manifest metadata.
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
  const metadata = new Map<string, Record<string, string>>()

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
    documents.push({
      sourcePath,
      docId: docIdOf(sourcePath),
      absolutePath: absolutePathOf(root, sourcePath),
      metadata: metadata.get(sourcePath) ?? {}
    })
    metadata.delete(sourcePath)
  }

  for (const sourcePath of [...metadata.keys()].sort()) {
    rejects.push({sourcePath, reason: 'missing-file', detail: 'Listed in a manifest, but there is no such file'})
  }
  return {documents, rejects, warnings}
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

/**
 * Read a manifest into rows keyed by their `file` column.
 *
 * @param root
 *   Input folder.
 * @param manifest
 *   Manifest path relative to `root`.
 * @param warnings
 *   List to add problems to.
 * @returns
 *   Metadata by file name relative to the manifest's folder.
 */
async function readManifest(root: string, manifest: string, warnings: string[]): Promise<Map<string, Record<string, string>>> {
  let records: string[][]
  try {
    records = parse(await readFile(path.join(root, manifest)), {bom: true, skip_empty_lines: true, trim: true}) as string[][]
  } catch (error) {
    throw new UsageError('Cannot read manifest `' + manifest + '`: ' + (error as Error).message)
  }
  const [header, ...rows] = records
  const fileColumn = header ? header.indexOf('file') : -1
  if (!header || fileColumn === -1) {
    throw new UsageError('Expected manifest `' + manifest + '` to have a `file` column, got `' + (header ?? []).join(',') + '`')
  }

  const result = new Map<string, Record<string, string>>()
  for (const [index, row] of rows.entries()) {
    const name = (row[fileColumn] ?? '').replaceAll('\\', '/').replace(/^\.\//, '')
    if (name === '' || name.startsWith('../') || path.posix.isAbsolute(name)) {
      warnings.push(manifest + ':' + (index + 2) + ': ignored row: expected a file inside the drop, got `' + name + '`')
      continue
    }
    const metadata: Record<string, string> = {}
    for (const [column, key] of header.entries()) {
      const value = row[column] ?? ''
      if (column !== fileColumn && key !== '' && value !== '') metadata[key] = value
    }
    if (metadata.published_date !== undefined && !isIsoDate(metadata.published_date)) {
      warnings.push(
        manifest + ':' + (index + 2) + ': ignored `published_date`: expected an ISO 8601 date (YYYY-MM-DD), got `' +
          metadata.published_date + '`'
      )
      delete metadata.published_date
    }
    if (result.has(name)) warnings.push(manifest + ':' + (index + 2) + ': `' + name + '` is listed twice; the last row wins')
    result.set(name, metadata)
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
  const entries = await readdir(root, {recursive: true, withFileTypes: true})
  const files: string[] = []
  for (const entry of entries) {
    if (entry.isDirectory()) continue
    const relative = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')
    if (relative.split('/').some((part) => part.startsWith('.'))) continue
    files.push(relative)
  }
  return files.sort()
}
