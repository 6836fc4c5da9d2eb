/**
 * The story vectors of a run in two work files (term ids, weights), so the
 * stories step holds where each document's vector starts, not the vectors
 * (600 bytes a document: 30 MB at 50,000 documents). Linking reads them back
 * in order, a block at a time, and the few others it compares one by one.
 */
import {closeSync, openSync, rmSync} from 'node:fs'
import {readValues, writeValues} from './typed-file.js'
import {StoryDocumentList, type StoryVector, type StoryVectorSource} from '../stages/stories.js'

/** Terms of vectors written or read at a time (64 KB of ids, 128 KB of weights). */
const blockTerms = 16_384

/** Story vectors written to files as they are made, then read back by position. */
export class StoryVectorFile implements StoryVectorSource {
  /** Ids and dates of the documents, in the order added. */
  readonly documents = new StoryDocumentList()
  readonly #file: string
  readonly #termsDescriptor: number
  readonly #weightsDescriptor: number
  /** Where the terms of each document start, then where the last one ends. */
  #offsets = new Int32Array(1024)
  /** Most terms of one vector. */
  #longest = 0
  /** Terms and weights not written yet, or the block last read. */
  #terms = new Int32Array(blockTerms)
  #weights = new Float64Array(blockTerms)
  /** Terms of the pending block; once written, `-1`. */
  #pending = 0
  /** First and last position (exclusive) whose vectors are in the block. */
  #blockStart = 0
  #blockEnd = 0
  /** The vector read by {@link StoryVectorFile.other}. */
  #otherTerms = new Int32Array(0)
  #otherWeights = new Float64Array(0)

  /**
   * Start the files.
   *
   * @param file
   *   Path of the files without extension (in the run's work folder).
   */
  constructor(file: string) {
    this.#file = file
    this.#termsDescriptor = openSync(file + '.terms', 'w+')
    try {
      this.#weightsDescriptor = openSync(file + '.weights', 'w+')
    } catch (error) {
      this.close()
      throw error
    }
  }

  /**
   * Add a document.
   *
   * @param id
   *   Document id.
   * @param date
   *   Publication date, or `null`.
   * @param vector
   *   Its vector.
   * @returns
   *   Nothing.
   */
  add(id: string, date: string | null, vector: StoryVector): void {
    if (this.#pending < 0) throw new Error('Expected no vector to be added once they are read')
    const position = this.documents.length
    if (position + 2 > this.#offsets.length) {
      const larger = new Int32Array(this.#offsets.length * 2)
      larger.set(this.#offsets)
      this.#offsets = larger
    }
    const length = vector.terms.length
    if (this.#pending + length > this.#terms.length) this.#flush()
    if (length > this.#terms.length) {
      this.#terms = new Int32Array(length)
      this.#weights = new Float64Array(length)
    }
    this.#terms.set(vector.terms, this.#pending)
    this.#weights.set(vector.weights, this.#pending)
    this.#pending += length
    this.#offsets[position + 1] = (this.#offsets[position] as number) + length
    this.#longest = Math.max(this.#longest, length)
    this.documents.add(id, date)
  }

  /**
   * Vector of a document (see `StoryVectorSource`): read with the vectors
   * after it, as many as fit in a block.
   *
   * @param position
   *   Position of the document, in the order added.
   * @returns
   *   Views of its terms and weights.
   */
  vector(position: number): StoryVector {
    this.#finish()
    if (position < this.#blockStart || position >= this.#blockEnd) {
      const start = this.#offsets[position] as number
      let end = position + 1
      while (end < this.documents.length && (this.#offsets[end + 1] as number) - start <= this.#terms.length) end++
      this.#read(start, (this.#offsets[end] as number) - start, this.#terms, this.#weights)
      this.#blockStart = position
      this.#blockEnd = end
    }
    const blockOffset = this.#offsets[this.#blockStart] as number
    const start = (this.#offsets[position] as number) - blockOffset
    const end = (this.#offsets[position + 1] as number) - blockOffset
    return {terms: this.#terms.subarray(start, end), weights: this.#weights.subarray(start, end)}
  }

  /**
   * Vector of a second document (see `StoryVectorSource`), read alone.
   *
   * @param position
   *   Position of the document.
   * @returns
   *   Views of its terms and weights.
   */
  other(position: number): StoryVector {
    this.#finish()
    const start = this.#offsets[position] as number
    const length = (this.#offsets[position + 1] as number) - start
    this.#read(start, length, this.#otherTerms, this.#otherWeights)
    return {terms: this.#otherTerms.subarray(0, length), weights: this.#otherWeights.subarray(0, length)}
  }

  /**
   * Close and remove the files.
   *
   * @returns
   *   Nothing.
   */
  close(): void {
    for (const descriptor of [this.#termsDescriptor, this.#weightsDescriptor]) {
      if (descriptor !== undefined) closeSync(descriptor)
    }
    rmSync(this.#file + '.terms', {force: true})
    rmSync(this.#file + '.weights', {force: true})
  }

  /**
   * Write the pending terms and weights.
   *
   * @returns
   *   Nothing.
   */
  #flush(): void {
    const written = (this.#offsets[this.documents.length] as number) - this.#pending
    writeValues(this.#termsDescriptor, this.#terms.subarray(0, this.#pending), written * 4)
    writeValues(this.#weightsDescriptor, this.#weights.subarray(0, this.#pending), written * 8)
    this.#pending = 0
  }

  /**
   * Write what is pending before the first read.
   *
   * @returns
   *   Nothing.
   */
  #finish(): void {
    if (this.#pending < 0) return
    this.#flush()
    this.#pending = -1
    this.#otherTerms = new Int32Array(this.#longest)
    this.#otherWeights = new Float64Array(this.#longest)
  }

  /**
   * Read terms and weights.
   *
   * @param start
   *   First term.
   * @param length
   *   Terms.
   * @param terms
   *   Array to fill from 0.
   * @param weights
   *   Array to fill from 0.
   * @returns
   *   Nothing.
   */
  #read(start: number, length: number, terms: Int32Array, weights: Float64Array): void {
    readValues(this.#termsDescriptor, terms.subarray(0, length), start * 4, 'the story vectors')
    readValues(this.#weightsDescriptor, weights.subarray(0, length), start * 8, 'the story vectors')
  }
}
