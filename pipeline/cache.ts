/**
 * Per-document result cache for incremental runs: a document's summary
 * (its output rows and what the corpus steps need, `document-summary.ts`).
 *
 * A document's result depends on its raw bytes, its manifest
 * metadata, the stage options, the code and model of newsdrop, and (through
 * boilerplate's repetition feature) how often each of its own lines occurs
 * in the drop; not on the size of the drop, so adding a drop keeps the
 * entries of documents that share no line with it. The cache key hashes all of these and the document's id and
 * path (its rows hold them), so a hit gives the same bytes a
 * cold run would. Entries live in `<state>/cache/<aa>/<key>.json`, one file
 * per document, written atomically.
 */
import {createHash} from 'node:crypto'
import {mkdir, readdir, readFile, rename, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {DocumentSummary} from './document-summary.js'

/** Temporary files made by this process, for unique names. */
let temporaryCount = 0

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
 * Cache key of a document.
 *
 * @param context
 *   Digest of code, version and options, the same for the whole run.
 * @param docId
 *   Document id and source path: the rows hold them, so two files with the
 *   same bytes have entries of their own.
 * @param sha256
 *   Digest of the raw bytes.
 * @param metadata
 *   Manifest metadata.
 * @param lineCounts
 *   Documents of the drop holding each distinct line of the document.
 * @returns
 *   Hex digest.
 */
export function cacheKey(
  context: string,
  docId: {readonly docId: string; readonly sourcePath: string},
  sha256: string,
  metadata: Readonly<Record<string, string>>,
  lineCounts: readonly number[]
): string {
  return createHash('sha256')
    .update([context, docId.docId, docId.sourcePath, sha256, JSON.stringify(metadata), lineCounts.join(',')].join('\0'))
    .digest('hex')
}

/**
 * A cached document summary.
 *
 * @param folder
 *   State folder.
 * @param key
 *   Cache key.
 * @returns
 *   Summary, or `undefined` when the cache does not have it.
 */
export async function readCached(folder: string, key: string): Promise<DocumentSummary | undefined> {
  try {
    return JSON.parse(await readFile(entryPath(folder, key), 'utf8')) as DocumentSummary
  } catch {
    return undefined
  }
}

/**
 * Store a document summary.
 *
 * @param folder
 *   State folder.
 * @param key
 *   Cache key.
 * @param summary
 *   Summary.
 * @returns
 *   Nothing.
 */
export async function storeCached(folder: string, key: string, summary: DocumentSummary): Promise<void> {
  const target = entryPath(folder, key)
  // Two documents with the same bytes share a key and may be stored at once.
  const temporary = target + '.' + process.pid + '-' + temporaryCount++ + '.tmp'
  const content = JSON.stringify(summary)
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
