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
 * drops. A run writes `duplicates.new/` and then swaps it in with two
 * renames (the old folder goes to `duplicates.old/` first); when a crash
 * between them leaves no `duplicates/`, the next run reads the complete
 * `duplicates.new/` (or else `duplicates.old/`) instead of starting empty.
 * Delete these folders to reset the index (the next run starts from an
 * empty index).
 */
import {mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {UsageError} from './inputs.js'
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
  if (!stored) return emptyIndex(settings)
  const length = 2 * settings.bands * settings.rows
  const mismatch = [...signatureSettings].filter((name) => stored[name] !== settings[name])
  if (stored.version !== formatVersion || mismatch.length > 0) {
    throw new UsageError(
      'Expected the duplicate index in `' + folder + '` to be made with the same ' +
        (mismatch.join(', ') || 'format version') + ', got `' + JSON.stringify(stored) +
        '`; delete that folder to rebuild the index'
    )
  }

  const lines = (await readFile(path.join(folder, 'documents.jsonl'), 'utf8')).split('\n').filter(Boolean)
  const bytes = await readFile(path.join(folder, 'signatures.bin'))
  if (lines.length !== stored.documents || bytes.byteLength !== lines.length * length * 4) {
    throw new UsageError('Expected `' + folder + '` to hold ' + String(stored.documents) + ' complete documents; delete it to rebuild the index')
  }
  // Copy into an aligned buffer once; each document gets a view of it.
  const values = new Uint32Array(lines.length * length)
  new Uint8Array(values.buffer).set(bytes)
  const documents: IndexedDocument[] = lines.map(function (line, position) {
    const document = JSON.parse(line) as StoredDocument
    return {...document, signature: values.subarray(position * length, (position + 1) * length)}
  })
  return {settings, documents}
}

/**
 * Write the index to a state folder, replacing the old one only once the new
 * one is complete.
 *
 * @param state
 *   State folder.
 * @param index
 *   Index.
 * @returns
 *   Nothing.
 */
export async function writeDuplicateIndex(state: string, index: DuplicateIndex): Promise<void> {
  const folder = duplicateIndexFolder(state)
  const staging = folder + '.new'
  const old = folder + '.old'
  const {settings} = index
  const length = 2 * settings.bands * settings.rows
  const documents = [...index.documents].sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0))

  const values = new Uint32Array(documents.length * length)
  const lines: string[] = []
  for (const [position, document] of documents.entries()) {
    values.set(document.signature, position * length)
    const stored: StoredDocument = {
      id: document.id,
      exact: document.exact,
      date: document.date,
      shingles: document.shingles,
      immutables: document.immutables,
      cluster: document.cluster
    }
    lines.push(JSON.stringify(stored) + '\n')
  }
  const header: Record<string, unknown> = {version: formatVersion, documents: documents.length}
  for (const name of signatureSettings) header[name] = settings[name]

  await rm(staging, {recursive: true, force: true})
  await mkdir(staging, {recursive: true})
  await writeFile(path.join(staging, 'documents.jsonl'), lines.join(''))
  await writeFile(path.join(staging, 'signatures.bin'), new Uint8Array(values.buffer))
  await writeFile(path.join(staging, 'settings.json'), JSON.stringify(header, null, 2) + '\n')
  await rm(old, {recursive: true, force: true})
  try {
    await rename(folder, old)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  await rename(staging, folder)
  await rm(old, {recursive: true, force: true})
}
