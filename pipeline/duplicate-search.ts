/**
 * The duplicates step of a run with its signatures on disk: the drop's
 * documents are matched against the duplicate index of the state folder and
 * each other (`matchDocuments` in `stages/near-duplicates.ts`), with the LSH
 * buckets from band keys sorted in a work file (`band-buckets.ts`) and the
 * signatures read back by row only to compare candidates and to write the
 * new index. What stays in memory is an entry per document in columns
 * (`stages/index-entries.ts`: its id's bytes and a few integers), not its
 * 1 KB signature.
 */
import path from 'node:path'
import {bandBuckets} from './band-buckets.js'
import {type DropSignatures, prepareIndexFiles, readIndexEntries} from './duplicate-index.js'
import {SignatureFile} from './signature-file.js'
import {defaultChunk} from './sorted-values.js'
import {matchDocuments, type DuplicateResult, type Settings} from '../stages/near-duplicates.js'

/** Signatures read in ascending order of row at a time (64 KB). */
const sequentialRows = 64

/** Signatures kept to compare candidates (1 MB); a document is compared with many in a bucket. */
const comparedCache = 1024

/**
 * Match the documents of a run against the duplicate index of the state
 * folder and each other, and write the new index to `duplicates.pending/`
 * (swapped in once the run has published).
 *
 * @param state
 *   State folder.
 * @param settings
 *   Duplicate settings.
 * @param drop
 *   Signatures of the run's documents.
 * @param work
 *   Work folder of the run (for the band keys, removed when done).
 * @param chunk
 *   Band keys sorted in memory at a time (default: `defaultChunk` of `sorted-values.ts`).
 * @returns
 *   Result of every document of the run that has a copy, by id.
 */
export async function findCopies(
  state: string,
  settings: Settings,
  drop: DropSignatures,
  work: string,
  chunk = defaultChunk
): Promise<Map<string, DuplicateResult>> {
  const {entries, signatures} = await readIndexEntries(state, settings)
  const indexRows = entries.length
  await drop.addTo(entries)
  const length = 2 * settings.bands * settings.rows
  const files: SignatureFile[] = []
  const open = (file: string | undefined, rows: number, blockRows: number) => {
    if (file === undefined) return undefined
    const opened = new SignatureFile(file, length, blockRows)
    files.push(opened)
    if (opened.rows !== rows) throw new Error('Expected ' + rows + ' signatures in `' + file + '`, got ' + opened.rows)
    return opened
  }
  try {
    // Two readers per file: one for rows in ascending order (the band keys,
    // the new index), one for candidates at random.
    const reader = (blockRows: number) => {
      const indexFile = open(signatures, indexRows, blockRows)
      const dropFile = open(drop.signatures, entries.length - indexRows, blockRows) as SignatureFile
      return (row: number) => (row < indexRows ? (indexFile as SignatureFile).read(row) : dropFile.read(row - indexRows))
    }
    const sequential = reader(sequentialRows)
    const random = reader(1)
    const compared = new Map<number, Uint32Array>()
    const {results, rows} = matchDocuments(
      entries,
      indexRows,
      {
        signature(row) {
          let signature = compared.get(row)
          if (signature === undefined) {
            if (compared.size === comparedCache) compared.clear()
            signature = random(row).slice()
            compared.set(row, signature)
          }
          return signature
        },
        buckets: (entries, rows, first, searched) =>
          bandBuckets(entries, rows, first, searched, sequential, settings, path.join(work, 'band-keys'), chunk)
      },
      settings
    )
    compared.clear()
    // The index is written in id order: ascending rows of each file.
    await prepareIndexFiles(state, settings, entries, rows, sequential)
    return results
  } finally {
    for (const file of files) file.close()
  }
}
