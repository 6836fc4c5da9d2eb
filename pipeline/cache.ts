/**
 * Per-document result cache for incremental runs: a document's summary
 * (its output rows and what the corpus steps need, `document-summary.ts`).
 *
 * A document's result depends on its raw bytes, its manifest
 * metadata, the stage options, the code and model of newsdrop, and (through
 * boilerplate's repetition feature) how often each of its own lines occurs
 * in the drop; not on the size of the drop, so adding a drop keeps the
 * entries of documents that share no line with it. The cache key hashes all
 * of these and the document's id and path (its rows hold them), so a hit
 * gives the same bytes a cold run would. The cache holds the documents of the
 * last run that published: `<state>/cache/segment-*.summaries` (the summaries
 * one after another) and `<state>/cache/index.json` (where each key's summary
 * is: byte offset and length).
 */
import {createHash, hash} from 'node:crypto'
import {closeSync, openSync, readFileSync, readSync} from 'node:fs'
import {mkdir, readdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {chunkedFile, type ChunkedFile} from './write.js'

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
  const fingerprint = createHash('sha256')
  for (const folder of ['dist/pipeline', 'dist/stages', 'stages']) {
    const names = (await readdir(path.join(root, folder)).catch(() => [] as string[])).sort()
    for (const name of names) {
      if (folder === 'stages' && name.endsWith('.ts')) continue
      if (folder !== 'stages' && !name.endsWith('.js')) continue
      fingerprint.update(folder + '/' + name + '\0')
      fingerprint.update(await readFile(path.join(root, folder, name)))
    }
  }
  return fingerprint.digest('hex')
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
  return hash('sha256', [context, docId.docId, docId.sourcePath, sha256, JSON.stringify(metadata), lineCounts.join(',')].join('\0'), 'hex')
}

/** Where the last run's summaries are: its segment file and each entry's place in it. */
interface CacheIndex {
  readonly segment: string
  /** Byte offset and length of each entry, by cache key. */
  readonly entries: Readonly<Record<string, readonly [number, number]>>
}

/** Summaries of the last run, read by key. */
export class CacheReader {
  #handle: number | undefined
  readonly #entries: ReadonlyMap<string, readonly [number, number]>

  /**
   * Open the cache of a state folder (an empty cache when there is none).
   *
   * @param state
   *   State folder.
   * @returns
   *   Reader.
   */
  static open(state: string): CacheReader {
    try {
      const index = JSON.parse(readFileSync(path.join(state, 'cache', 'index.json'), 'utf8')) as CacheIndex
      return new CacheReader(openSync(path.join(state, 'cache', index.segment), 'r'), new Map(Object.entries(index.entries)))
    } catch {
      return new CacheReader(undefined, new Map())
    }
  }

  /**
   * @param handle
   *   File descriptor of the segment.
   * @param entries
   *   Places of the entries.
   */
  private constructor(handle: number | undefined, entries: ReadonlyMap<string, readonly [number, number]>) {
    this.#handle = handle
    this.#entries = entries
  }

  /**
   * The entry of a key, as JSON text.
   *
   * @param key
   *   Cache key.
   * @returns
   *   Summary JSON, or `undefined`.
   */
  read(key: string): string | undefined {
    const place = this.#entries.get(key)
    if (!place || this.#handle === undefined) return undefined
    const buffer = Buffer.alloc(place[1])
    return readSync(this.#handle, buffer, 0, place[1], place[0]) === place[1] ? buffer.toString('utf8') : undefined
  }

  /**
   * Close the segment.
   *
   * @returns
   *   Nothing.
   */
  close(): void {
    if (this.#handle !== undefined) closeSync(this.#handle)
    this.#handle = undefined
  }
}

/**
 * The summaries of a run, written as one segment file (one summary per
 * document, in the text form of `serialiseSummary`) and an index: one file append per document instead of a file
 * per document (creating a file cost about half a millisecond here, a fifth
 * of a run). Committed after the run published, it replaces the previous
 * run's cache; a run that fails leaves the previous cache in place.
 */
export class CacheWriter {
  readonly #folder: string
  readonly #segment: string
  readonly #file: ChunkedFile
  /**
   * The index, written as the summaries come (the text of a
   * {@link CacheIndex}): held as an object to the end of the run, its
   * entries were 10 MB at 50,000 documents.
   */
  readonly #index: ChunkedFile
  #offset = 0
  #entries = 0

  /**
   * Start the cache of a new run.
   *
   * @param state
   *   State folder.
   * @returns
   *   Writer.
   */
  static async create(state: string): Promise<CacheWriter> {
    const folder = path.join(state, 'cache')
    await mkdir(folder, {recursive: true})
    const segment = 'segment-' + Date.now().toString(36) + '-' + process.pid + '.summaries'
    const file = await chunkedFile(path.join(folder, segment + '.tmp'))
    const index = await chunkedFile(path.join(folder, segment + '.index.tmp'))
    await index.write('{"segment":' + JSON.stringify(segment) + ',"entries":{')
    return new CacheWriter(folder, segment, file, index)
  }

  /**
   * @param folder
   *   Cache folder.
   * @param segment
   *   Name of the segment file.
   * @param file
   *   The segment, open for writing under a temporary name.
   * @param index
   *   Its index, open for writing under a temporary name, its entries not closed yet.
   */
  private constructor(folder: string, segment: string, file: ChunkedFile, index: ChunkedFile) {
    this.#folder = folder
    this.#segment = segment
    this.#file = file
    this.#index = index
  }

  /**
   * Add a summary.
   *
   * @param key
   *   Cache key.
   * @param summary
   *   Summary as text (see `serialiseSummary`).
   * @returns
   *   Nothing.
   */
  async add(key: string, summary: string): Promise<void> {
    const length = Buffer.byteLength(summary)
    await this.#index.write((this.#entries++ === 0 ? '' : ',') + JSON.stringify(key) + ':[' + this.#offset + ',' + length + ']')
    this.#offset += length + 1
    await this.#file.write(summary + '\n')
  }

  /**
   * Make this run's summaries the cache and remove the previous ones.
   *
   * @returns
   *   Nothing.
   */
  async commit(): Promise<void> {
    await this.#file.close()
    await this.#index.write('}}')
    await this.#index.close()
    await rename(path.join(this.#folder, this.#segment + '.tmp'), path.join(this.#folder, this.#segment))
    await rename(path.join(this.#folder, this.#segment + '.index.tmp'), path.join(this.#folder, 'index.json'))
    for (const name of await readdir(this.#folder)) {
      if (name !== this.#segment && name !== 'index.json') await rm(path.join(this.#folder, name), {recursive: true, force: true})
    }
  }

  /**
   * Drop this run's summaries (the run failed).
   *
   * @returns
   *   Nothing.
   */
  async discard(): Promise<void> {
    await this.#file.close().catch(() => undefined)
    await this.#index.close().catch(() => undefined)
    await rm(path.join(this.#folder, this.#segment + '.tmp'), {force: true})
    await rm(path.join(this.#folder, this.#segment + '.index.tmp'), {force: true})
  }
}
