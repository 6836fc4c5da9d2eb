/**
 * Keep the duplicate index between runs, in `<state>/duplicates/`:
 *
 * * `settings.json`: the settings the signatures were made with, and the
 *   number of documents;
 * * `documents.jsonl`: one indexed document a line (id, exact hash, date,
 *   shingle counts, cluster), sorted by id;
 * * `signatures.bin`: the MinHash signatures of those documents in the same
 *   order, unsigned 32-bit little-endian integers.
 *
 * A new drop is matched against this index without re-reading earlier
 * drops; a run reads the entries into columns (`stages/index-entries.ts`)
 * and leaves the signatures in their file, read by row
 * (`duplicate-search.ts`). A run writes `duplicates.pending/` once its duplicates step is done
 * (readers ignore it), renames it to `duplicates.new/` once its outputs are
 * published and then swaps that in with two more renames (the old folder
 * goes to `duplicates.old/` first); when a crash
 * between them leaves no `duplicates/`, the next run reads the complete
 * `duplicates.new/` (or else `duplicates.old/`) instead of starting empty.
 * Delete these folders to reset the index (the next run starts from an
 * empty index).
 */
import {createReadStream} from 'node:fs'
import {mkdir, open, readFile, rename, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {createInterface} from 'node:readline'
import type {SignatureSummary} from './document-summary.js'
import {UsageError} from './inputs.js'
import {chunkedFile, type ChunkedFile} from './write.js'
import {IndexEntries} from '../stages/index-entries.js'
import {emptyIndex, type DuplicateIndex, type IndexedDocument, type Settings} from '../stages/near-duplicates.js'

/** Version of the files; a change means old indexes must be rebuilt. */
const formatVersion = 1

/** Settings that shape the stored signatures (thresholds may change freely). */
const signatureSettings = ['shingleSize', 'immutableShingleSize', 'bands', 'rows'] as const

/** Line of `documents.jsonl`. */
interface StoredDocument {
  readonly id: string
  readonly exact: string
  readonly date: string | null
  readonly shingles: number
  readonly immutables: number
  readonly cluster: string
}

/**
 * Folder of the duplicate index inside a state folder.
 *
 * @param state
 *   State folder.
 * @returns
 *   Index folder.
 */
function duplicateIndexFolder(state: string): string {
  return path.join(state, 'duplicates')
}

/** The entries of a stored index, without their signatures. */
export interface StoredIndex {
  /** Entries, in the order of the file (by id): the row of each is the row of its signature in `signatures`. */
  readonly entries: IndexEntries
  /** Its `signatures.bin` (as many rows as entries), or `undefined` when there is no index yet. */
  readonly signatures: string | undefined
}

/**
 * Read the index from a state folder; when its folder is missing, from the
 * complete `.new` folder or the `.old` one a crash in
 * {@link writeDuplicateIndex} left; an empty index when there is none.
 *
 * @param state
 *   State folder.
 * @param settings
 *   Current settings; the stored signatures must have been made with the same
 *   shingle sizes, bands and rows.
 * @returns
 *   Index.
 */
export async function readDuplicateIndex(state: string, settings: Settings): Promise<DuplicateIndex> {
  const {entries, signatures} = await readIndexEntries(state, settings)
  if (signatures === undefined) return emptyIndex(settings)
  const length = 2 * settings.bands * settings.rows
  const bytes = await readFile(signatures)
  // Copy into an aligned buffer once; each document gets a view of it.
  const values = new Uint32Array(entries.length * length)
  new Uint8Array(values.buffer).set(bytes)
  const documents: IndexedDocument[] = []
  for (let row = 0; row < entries.length; row++) {
    documents.push({...entries.entry(row), signature: values.subarray(row * length, (row + 1) * length)})
  }
  return {settings, documents}
}

/**
 * Read the entries of the index in a state folder (see
 * {@link readDuplicateIndex}) without their signatures, which stay in
 * their file, read by row.
 *
 * @param state
 *   State folder.
 * @param settings
 *   Current settings.
 * @returns
 *   Entries, in the order of the file (by id), and the file of their signatures.
 */
export async function readIndexEntries(state: string, settings: Settings): Promise<StoredIndex> {
  const main = duplicateIndexFolder(state)
  let folder = main
  let stored: Record<string, unknown> | undefined
  // `settings.json` is written last, so a folder that has it is complete.
  for (folder of [main, main + '.new', main + '.old']) {
    try {
      stored = JSON.parse(await readFile(path.join(folder, 'settings.json'), 'utf8')) as Record<string, unknown>
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  const entries = new IndexEntries()
  if (!stored) return {entries, signatures: undefined}
  const length = 2 * settings.bands * settings.rows
  const mismatch = [...signatureSettings].filter((name) => stored[name] !== settings[name])
  if (stored.version !== formatVersion || mismatch.length > 0) {
    throw new UsageError(
      'Expected the duplicate index in `' + folder + '` to be made with the same ' +
        (mismatch.join(', ') || 'format version') + ', got `' + JSON.stringify(stored) +
        '`; delete that folder to rebuild the index'
    )
  }

  const lines = createInterface({input: createReadStream(path.join(folder, 'documents.jsonl'), {encoding: 'utf8'}), crlfDelay: Infinity})
  for await (const line of lines) {
    if (line !== '') entries.add(JSON.parse(line) as StoredDocument)
  }
  const signatures = path.join(folder, 'signatures.bin')
  if (entries.length !== stored.documents || (await stat(signatures)).size !== entries.length * length * 4) {
    throw new UsageError('Expected `' + folder + '` to hold ' + String(stored.documents) + ' complete documents; delete it to rebuild the index')
  }
  return {entries, signatures}
}

/**
 * Write the index to a state folder, replacing the old one only once the new
 * one is complete ({@link prepareDuplicateIndex}, then
 * {@link commitDuplicateIndex}).
 *
 * @param state
 *   State folder.
 * @param index
 *   Index.
 * @returns
 *   Nothing.
 */
export async function writeDuplicateIndex(state: string, index: DuplicateIndex): Promise<void> {
  await prepareDuplicateIndex(state, index)
  await commitDuplicateIndex(state)
}

/**
 * Write the index to `duplicates.pending/` in a state folder, where readers
 * do not look, so that a run can release the index as soon as its
 * duplicates step is done and swap it in only once its outputs are
 * published ({@link commitDuplicateIndex}).
 *
 * @param state
 *   State folder.
 * @param index
 *   Index.
 * @returns
 *   Nothing.
 */
export async function prepareDuplicateIndex(state: string, index: DuplicateIndex): Promise<void> {
  const entries = new IndexEntries()
  for (const document of index.documents) entries.add(document)
  const rows = Int32Array.from(index.documents.keys())
  await prepareIndexFiles(state, index.settings, entries, rows, (row) => (index.documents[row] as IndexedDocument).signature)
}

/**
 * {@link prepareDuplicateIndex} for entries in columns whose signatures are elsewhere.
 *
 * @param state
 *   State folder.
 * @param settings
 *   Settings the signatures were made with.
 * @param entries
 *   Entries.
 * @param rows
 *   Rows of the entries the index holds.
 * @param signature
 *   Signature of a row (a view that may change at the next call).
 * @returns
 *   Nothing.
 */
export async function prepareIndexFiles(
  state: string,
  settings: Settings,
  entries: IndexEntries,
  rows: Int32Array,
  signature: (row: number) => Uint32Array
): Promise<void> {
  const pending = duplicateIndexFolder(state) + '.pending'
  const length = 2 * settings.bands * settings.rows
  // A typed array's sort is stable: equal ids keep the order of `rows`.
  const documents = Int32Array.from(rows).sort((left, right) => entries.compareIds(left, right))
  await rm(pending, {recursive: true, force: true})
  await mkdir(pending, {recursive: true})
  const lines = await open(path.join(pending, 'documents.jsonl'), 'w')
  const signatures = await open(path.join(pending, 'signatures.bin'), 'w')
  try {
    // In slices: one copy of every signature at once would double what the
    // index holds (50 MB at 50,000 documents).
    const values = new Uint32Array(writeSlice * length)
    for (let start = 0; start < documents.length; start += writeSlice) {
      const slice = documents.subarray(start, start + writeSlice)
      let text = ''
      for (const [position, row] of slice.entries()) {
        values.set(signature(row), position * length)
        const entry = entries.entry(row)
        const stored: StoredDocument = {
          id: entry.id,
          exact: entry.exact,
          date: entry.date,
          shingles: entry.shingles,
          immutables: entry.immutables,
          cluster: entry.cluster
        }
        text += JSON.stringify(stored) + '\n'
      }
      await lines.write(text)
      await signatures.write(new Uint8Array(values.buffer, 0, slice.length * length * 4))
    }
  } finally {
    await lines.close()
    await signatures.close()
  }
  const header: Record<string, unknown> = {version: formatVersion, documents: documents.length}
  for (const name of signatureSettings) header[name] = settings[name]
  await writeFile(path.join(pending, 'settings.json'), JSON.stringify(header, null, 2) + '\n')
}

/**
 * Swap the index written by {@link prepareDuplicateIndex} in: `.pending`
 * becomes `.new` (complete), the current folder `.old`, then `.new` the
 * current folder.
 *
 * @param state
 *   State folder.
 * @returns
 *   Nothing.
 */
export async function commitDuplicateIndex(state: string): Promise<void> {
  const folder = duplicateIndexFolder(state)
  const staging = folder + '.new'
  const old = folder + '.old'
  await rm(staging, {recursive: true, force: true})
  await rename(folder + '.pending', staging)
  await rm(old, {recursive: true, force: true})
  try {
    await rename(folder, old)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  await rename(staging, folder)
  await rm(old, {recursive: true, force: true})
}

/**
 * Remove an index written by {@link prepareDuplicateIndex} (the run failed).
 *
 * @param state
 *   State folder.
 * @returns
 *   Nothing.
 */
export async function discardDuplicateIndex(state: string): Promise<void> {
  await rm(duplicateIndexFolder(state) + '.pending', {recursive: true, force: true})
}

/** Documents written to the index files at a time. */
const writeSlice = 1000

/**
 * The indexed documents of a run's drop, kept in two files from the stages
 * to the duplicates step, in the index's own form: `<file>.jsonl`, one line
 * of JSON per document (id, date, exact hash, shingle counts), and
 * `<file>.bin`, the signatures, which stay there through the duplicates
 * step too (`duplicate-search.ts`). Held in memory, they were the largest
 * thing a run kept through its stages (68 MB at 50,000 documents: each 1 KB
 * signature in a buffer of its own, and its objects).
 */
export class DropSignatures {
  readonly #path: string
  readonly #documents: ChunkedFile
  readonly #signatures: ChunkedFile
  #count = 0

  /**
   * Start the files.
   *
   * @param file
   *   Path of the files without extension (in the run's work folder).
   * @returns
   *   Writer.
   */
  static async create(file: string): Promise<DropSignatures> {
    return new DropSignatures(file, await chunkedFile(file + '.jsonl'), await chunkedFile(file + '.bin'))
  }

  /**
   * @param file
   *   Path of the files without extension.
   * @param documents
   *   The file of documents, open for writing.
   * @param signatures
   *   The file of signatures, open for writing.
   */
  private constructor(file: string, documents: ChunkedFile, signatures: ChunkedFile) {
    this.#path = file
    this.#documents = documents
    this.#signatures = signatures
  }

  /**
   * Add a document of the drop.
   *
   * @param id
   *   Document id.
   * @param date
   *   Publication date, or `null`.
   * @param summary
   *   Its signature summary.
   * @returns
   *   Nothing.
   */
  async add(id: string, date: string | null, summary: SignatureSummary): Promise<void> {
    this.#count++
    await this.#documents.write(JSON.stringify([id, date, summary.exact, summary.shingles, summary.immutables]) + '\n')
    await this.#signatures.write(Buffer.from(summary.signature, 'base64'))
  }

  /** The file of signatures, one row per document in the order added. */
  get signatures(): string {
    return this.#path + '.bin'
  }

  /**
   * Close the files and add the documents to entries without their
   * signatures, in the order they were added (each alone in its cluster):
   * the rows of their signatures in {@link signatures} follow the rows
   * already in `entries`.
   *
   * @param entries
   *   Entries (of the index the drop is matched against).
   * @returns
   *   Nothing.
   */
  async addTo(entries: IndexEntries): Promise<void> {
    await this.#documents.close()
    await this.#signatures.close()
    const before = entries.length
    const lines = createInterface({input: createReadStream(this.#path + '.jsonl', {encoding: 'utf8'}), crlfDelay: Infinity})
    for await (const line of lines) {
      const [id, date, exact, shingles, immutables] = JSON.parse(line) as [string, string | null, string, number, number]
      entries.add({id, exact, date, shingles, immutables, cluster: id})
    }
    if (entries.length - before !== this.#count) {
      throw new Error('Expected ' + this.#count + ' documents in `' + this.#path + '.jsonl`, got ' + (entries.length - before))
    }
  }
}
