/**
 * Per-document result cache for incremental runs.
 *
 * A document's main-phase result depends on its raw bytes, its manifest
 * metadata, the stage options, the code and model of newsdrop, and (through
 * boilerplate's repetition feature) how often each of its own lines occurs
 * in the drop; not on the size of the drop, so adding a drop keeps the
 * entries of documents that share no line with it. The cache key hashes all of these, so a hit gives the same bytes a
 * cold run would. Entries live in `<state>/cache/<aa>/<key>.json`, one file
 * per document, written atomically.
 */
import {createHash} from 'node:crypto'
import {mkdir, readdir, readFile, rename, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {VFileMessage} from 'vfile-message'
import type {VFile} from 'vfile'
import {decoded, lineKey, splitLines} from './record.js'
import './document.js'

/** `file.data` keys the pipeline recomputes on every run instead of caching. */
const transientKeys: ReadonlySet<string> = new Set(['absolutePath', 'dropLineCounts', 'dropSize', 'offsets', 'raw', 'timings'])

/** Temporary files made by this process, for unique names. */
let temporaryCount = 0

/** A processed document's state as plain JSON: what a cache entry or a worker thread carries. */
export interface DocumentSnapshot {
  readonly value: string
  readonly offsets: string
  readonly data: Record<string, unknown>
  readonly messages: ReadonlyArray<Record<string, unknown>>
}

/**
 * Fingerprint of the code and data files newsdrop runs with: every compiled
 * module of `pipeline/` and `stages/` and every data file next to the stages.
 *
 * @param root
 *   Project root (holding `dist/` and `stages/`).
 * @returns
 *   Hex digest.
 */
export async function codeFingerprint(root: string): Promise<string> {
  const hash = createHash('sha256')
  for (const folder of ['dist/pipeline', 'dist/stages', 'stages']) {
    const names = (await readdir(path.join(root, folder)).catch(() => [] as string[])).sort()
    for (const name of names) {
      if (folder === 'stages' && name.endsWith('.ts')) continue
      if (folder !== 'stages' && !name.endsWith('.js')) continue
      hash.update(folder + '/' + name + '\0')
      hash.update(await readFile(path.join(root, folder, name)))
    }
  }
  return hash.digest('hex')
}

/**
 * Cache key of a document after the clean phase.
 *
 * @param file
 *   Clean document with `dropLineCounts`.
 * @param context
 *   Digest of code, version and options, the same for the whole run.
 * @returns
 *   Hex digest.
 */
export function cacheKey(file: VFile, context: string): string {
  const hash = createHash('sha256')
  hash.update(context + '\0' + file.data.sha256 + '\0' + JSON.stringify(file.data.metadata ?? {}) + '\0')
  const {text} = decoded(file)
  const counts = file.data.dropLineCounts
  for (const line of splitLines(text)) {
    if (line.start === line.end) continue
    hash.update(String(counts?.get(lineKey(text.slice(line.start, line.end))) ?? 0) + ',')
  }
  return hash.digest('hex')
}

/**
 * Restore a cached main-phase result into a clean document.
 *
 * @param folder
 *   State folder.
 * @param key
 *   Cache key.
 * @param file
 *   Clean document.
 * @returns
 *   Whether the cache had the document.
 */
export async function restoreCached(folder: string, key: string, file: VFile): Promise<boolean> {
  let entry: DocumentSnapshot
  try {
    entry = JSON.parse(await readFile(entryPath(folder, key), 'utf8')) as DocumentSnapshot
  } catch {
    return false
  }
  restoreDocument(file, entry)
  return true
}

/**
 * Put a snapshot's state into a document.
 *
 * @param file
 *   Document (its pipeline fields such as `docId` are kept).
 * @param entry
 *   Snapshot.
 * @returns
 *   Nothing.
 */
export function restoreDocument(file: VFile, entry: DocumentSnapshot): void {
  file.value = entry.value
  const bytes = Buffer.from(entry.offsets, 'base64')
  file.data.offsets = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4).slice()
  Object.assign(file.data, entry.data)
  file.messages = entry.messages.map(function (fields) {
    const message = new VFileMessage(String(fields.reason), {
      ruleId: fields.ruleId as string | undefined,
      source: fields.source as string | undefined,
      place: fields.line === undefined ? undefined : {line: fields.line as number, column: fields.column as number}
    })
    message.file = file.path
    message.fatal = fields.fatal as boolean | null | undefined
    if (fields.actual !== undefined) message.actual = fields.actual as string
    if (fields.expected !== undefined) message.expected = fields.expected as string[]
    return message
  })
}

/**
 * Store the main-phase result of a processed document.
 *
 * @param folder
 *   State folder.
 * @param key
 *   Cache key.
 * @param file
 *   Processed document.
 * @returns
 *   Nothing.
 */
export async function storeCached(folder: string, key: string, file: VFile): Promise<void> {
  const entry = snapshotDocument(file)
  const target = entryPath(folder, key)

  // Two documents with the same bytes share a key and may be stored at once.
  const temporary = target + '.' + process.pid + '-' + temporaryCount++ + '.tmp'
  const content = JSON.stringify(entry)
  try {
    await writeFile(temporary, content)
  } catch (error) {
    // Make the folder only when it is missing: one `mkdir` per folder, not per entry.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    await mkdir(path.dirname(target), {recursive: true})
    await writeFile(temporary, content)
  }
  await rename(temporary, target)
}

/**
 * Take a processed document's state as plain JSON.
 *
 * @param file
 *   Processed document.
 * @returns
 *   Snapshot.
 */
export function snapshotDocument(file: VFile): DocumentSnapshot {
  const {text, offsets} = decoded(file)
  const data: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(file.data)) {
    if (!transientKeys.has(name)) data[name] = value
  }
  return {
    value: text,
    offsets: Buffer.from(offsets.buffer, offsets.byteOffset, offsets.byteLength).toString('base64'),
    data,
    messages: file.messages.map((message) => ({
      reason: message.reason,
      ruleId: message.ruleId ?? undefined,
      source: message.source ?? undefined,
      line: message.line ?? undefined,
      column: message.column ?? undefined,
      fatal: message.fatal,
      actual: message.actual,
      expected: message.expected
    }))
  }
}

/**
 * Path of a cache entry.
 *
 * @param folder
 *   State folder.
 * @param key
 *   Cache key.
 * @returns
 *   File path.
 */
function entryPath(folder: string, key: string): string {
  return path.join(folder, 'cache', key.slice(0, 2), key + '.json')
}
