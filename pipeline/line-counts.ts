/**
 * The clean phase's count of the documents of a drop that hold each line,
 * with the line hashes in a work file: a typed array per document (13 MB of
 * the heap at 50,000 documents) and a map of the repeated ones were what
 * grew with the drop through the clean phase.
 *
 * Each document's distinct line hashes are appended to the file as its scan
 * comes back. Counting sorts a copy of them on disk (`sorted-values.ts`);
 * equal hashes are then neighbours, and only the hashes held by more than
 * one document are kept, in ascending order, with their counts.
 */
import {closeSync, openSync, rmSync} from 'node:fs'
import {defaultChunk, sortedValues} from './sorted-values.js'
import {readValues, writeValues} from './typed-file.js'

/** Line hashes of the documents of a drop, and how many documents hold each. */
export class LineCounts {
  readonly #file: string
  readonly #descriptor: number
  #closed = false
  /** Where each document's hashes start in the file, in hashes. */
  readonly #starts: Float64Array
  /** Number of each document's hashes; `-1` for a document not added. */
  readonly #lengths: Int32Array
  #total = 0
  /** Hashes held by more than one document, ascending, and how many hold each. */
  #repeated = new Float64Array(0)
  #counts = new Uint32Array(0)

  /**
   * Open a work file for the line hashes of a drop.
   *
   * @param file
   *   Work file; removed by {@link LineCounts.close}.
   * @param documents
   *   Number of documents of the drop.
   */
  constructor(file: string, documents: number) {
    this.#file = file
    this.#descriptor = openSync(file, 'w+')
    this.#starts = new Float64Array(documents)
    this.#lengths = new Int32Array(documents).fill(-1)
  }

  /**
   * Add the distinct line hashes of a document.
   *
   * @param document
   *   Position of the document in the drop.
   * @param hashes
   *   Its line hashes.
   * @returns
   *   Nothing.
   */
  add(document: number, hashes: readonly number[]): void {
    writeValues(this.#descriptor, Float64Array.from(hashes), this.#total * 8)
    this.#starts[document] = this.#total
    this.#lengths[document] = hashes.length
    this.#total += hashes.length
  }

  /**
   * Whether a document's hashes were added (its scan did not fail).
   *
   * @param document
   *   Position of the document.
   * @returns
   *   Whether they were.
   */
  has(document: number): boolean {
    return (this.#lengths[document] as number) >= 0
  }

  /**
   * Count, for every hash, the documents that hold it; call once every
   * document is added.
   *
   * @param chunk
   *   Hashes sorted in memory at a time (default: `defaultChunk` of `sorted-values.ts`).
   * @returns
   *   Nothing.
   */
  count(chunk = defaultChunk): void {
    if (!(Number.isInteger(chunk) && chunk > 0)) throw new TypeError('Expected `chunk` to be a positive integer, got `' + chunk + '`')
    const scratch = new Float64Array(Math.min(chunk, this.#total))
    // The sorted runs go after the hashes: those stay in document order for `counts`.
    const sorted = sortedValues(this.#descriptor, 0, this.#total, this.#total, scratch, 'the line hashes')
    let repeated = new Float64Array(1024)
    let counts = new Uint32Array(1024)
    let size = 0
    let hash = -1
    let count = 0
    const note = () => {
      if (count < 2) return
      if (size === repeated.length) {
        repeated = grown(repeated)
        counts = grown(counts)
      }
      repeated[size] = hash
      counts[size] = count
      size++
    }
    for (const value of sorted) {
      if (value === hash) {
        count++
        continue
      }
      note()
      hash = value
      count = 1
    }
    note()
    this.#repeated = repeated.slice(0, size)
    this.#counts = counts.slice(0, size)
  }

  /**
   * For each of a document's lines, in the order of its hashes, the number
   * of documents of the drop that hold it.
   *
   * @param document
   *   Position of an added document.
   * @returns
   *   Counts.
   */
  counts(document: number): number[] {
    const hashes = new Float64Array(this.#lengths[document] as number)
    readValues(this.#descriptor, hashes, (this.#starts[document] as number) * 8, 'the line hashes')
    return Array.from(hashes, (hash) => this.#countOf(hash))
  }

  /**
   * Close and remove the work file (again: nothing).
   *
   * @returns
   *   Nothing.
   */
  close(): void {
    if (this.#closed) return
    this.#closed = true
    closeSync(this.#descriptor)
    rmSync(this.#file, {force: true})
  }

  /**
   * Documents holding a line, by binary search among the repeated ones (a
   * line not among them is held by one).
   *
   * @param hash
   *   Line hash.
   * @returns
   *   Count.
   */
  #countOf(hash: number): number {
    let low = 0
    let high = this.#repeated.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((this.#repeated[middle] as number) < hash) low = middle + 1
      else high = middle
    }
    return this.#repeated[low] === hash ? (this.#counts[low] as number) : 1
  }
}

/**
 * A copy of a typed array twice as long.
 *
 * @param array
 *   Array.
 * @returns
 *   Larger array, starting with the values of `array`.
 */
function grown<Array extends Float64Array | Uint32Array>(array: Array): Array {
  const larger = new (array.constructor as new (length: number) => Array)(array.length * 2)
  larger.set(array)
  return larger
}
