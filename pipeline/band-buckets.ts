/**
 * LSH candidate buckets from band keys sorted on disk: the duplicates step's
 * bucket source for a run, which holds a chunk of keys at a time instead of
 * every document's signature (1 KB a document).
 *
 * Every band key of every searched document goes to one work file as a
 * float (the 32-bit key and a 21-bit position, exact in a double), in a
 * segment per band, written once as the signatures stream by. Each segment
 * is then sorted (`sorted-values.ts`: at once when it fits in a chunk, else
 * as sorted runs of a chunk each, merged). Equal keys are neighbours in the sorted stream, so a
 * bucket is a run of equal keys; the same buckets, in the same order, as the
 * in-memory sort of `stages/near-duplicates.ts`.
 */
import {closeSync, openSync, rmSync} from 'node:fs'
import {defaultChunk, sortedValues} from './sorted-values.js'
import {writeValues} from './typed-file.js'
import type {IndexEntries} from '../stages/index-entries.js'
import {bandKey, type Settings} from '../stages/near-duplicates.js'

/** Keys kept per band before they are appended to the work file. */
const writeBuffer = 1024

/** A key and a position in one float: the key times this, plus the position. */
const scale = 2 ** 21

/**
 * Buckets of documents that share a band key of either signature (see
 * `SignatureSource.buckets` in `stages/near-duplicates.ts`), band by band, by
 * key: positions ascending in each.
 *
 * @param entries
 *   Entries of the documents.
 * @param rows
 *   Row of the document at each position, the indexed ones that stay as they are first.
 * @param first
 *   Position of the first document to match.
 * @param searched
 *   `1` at the positions to search.
 * @param signature
 *   Signature of the document at a row, asked for in ascending order of position (the view may change at the next call).
 * @param settings
 *   Duplicate settings.
 * @param file
 *   Work file of the keys; removed when the buckets are done, also on failure.
 * @param chunk
 *   Keys sorted in memory at a time (default: `defaultChunk` of `sorted-values.ts`).
 * @returns
 *   Buckets of two or more whose last position is from `first` on.
 */
export function* bandBuckets(
  entries: IndexEntries,
  rows: Int32Array,
  first: number,
  searched: Uint8Array,
  signature: (row: number) => Uint32Array,
  settings: Settings,
  file: string,
  chunk = defaultChunk
): Generator<number[]> {
  if (rows.length >= scale) throw new RangeError('Expected fewer than ' + scale + ' indexed documents')
  if (!(Number.isInteger(chunk) && chunk > 0)) throw new TypeError('Expected `chunk` to be a positive integer, got `' + chunk + '`')
  const {bands} = settings
  // A signature of a document without shingles or immutables is all
  // 0xffffffff: it shares every band with its like, so it is in no bucket
  // of those bands.
  let withShingles = 0
  let withImmutables = 0
  for (const [position, row] of rows.entries()) {
    if (searched[position] === 0) continue
    if (entries.shingles(row) > 0) withShingles++
    if (entries.immutables(row) > 0) withImmutables++
  }
  const counts = Array.from({length: 2 * bands}, (_, band) => (band < bands ? withShingles : withImmutables))
  const starts: number[] = []
  let total = 0
  for (const count of counts) {
    starts.push(total)
    total += count
  }

  const descriptor = openSync(file, 'w+')
  try {
    writeKeys(descriptor)
    const sorted = new Float64Array(Math.min(chunk, Math.max(0, ...counts)))
    for (let band = 0; band < 2 * bands; band++) {
      const count = counts[band] as number
      if (count < 2) continue
      const start = starts[band] as number
      yield* bucketsOf(sortedValues(descriptor, start, start, count, sorted, 'the band keys'), first)
    }
  } finally {
    closeSync(descriptor)
    rmSync(file, {force: true})
  }

  /**
   * Write the keys of every band of every searched document to its band's
   * segment of the work file.
   *
   * @param descriptor
   *   Open work file.
   * @returns
   *   Nothing.
   */
  function writeKeys(descriptor: number): void {
    const pending = Array.from({length: 2 * bands}, () => new Float64Array(writeBuffer))
    const filled = new Int32Array(2 * bands)
    const written = new Float64Array(2 * bands)
    const flush = (band: number) => {
      const keys = (pending[band] as Float64Array).subarray(0, filled[band])
      writeValues(descriptor, keys, ((starts[band] as number) + (written[band] as number)) * 8)
      written[band] = (written[band] as number) + keys.length
      filled[band] = 0
    }
    for (const [position, row] of rows.entries()) {
      if (searched[position] === 0) continue
      const values = signature(row)
      for (let band = 0; band < 2 * bands; band++) {
        if ((band < bands ? entries.shingles(row) : entries.immutables(row)) === 0) continue
        const keys = pending[band] as Float64Array
        keys[filled[band] as number] = bandKey(values, band, settings.rows) * scale + position
        filled[band] = (filled[band] as number) + 1
        if (filled[band] === writeBuffer) flush(band)
      }
    }
    for (let band = 0; band < 2 * bands; band++) if ((filled[band] as number) > 0) flush(band)
  }
}

/**
 * Runs of equal keys in sorted keys: the buckets.
 *
 * @param keys
 *   Keys in ascending order.
 * @param first
 *   Position of the first document to match.
 * @returns
 *   Buckets of two or more whose last position is from `first` on.
 */
function* bucketsOf(keys: Iterable<number>, first: number): Generator<number[]> {
  let key = -1
  let bucket: number[] = []
  for (const value of keys) {
    const next = Math.floor(value / scale)
    if (next !== key) {
      // Positions ascend within a key, so a drop document comes last.
      if (bucket.length > 1 && (bucket[bucket.length - 1] as number) >= first) yield bucket
      bucket = []
      key = next
    }
    bucket.push(value % scale)
  }
  if (bucket.length > 1 && (bucket[bucket.length - 1] as number) >= first) yield bucket
}
