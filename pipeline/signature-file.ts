/**
 * Read MinHash signatures from a file of them (`signatures.bin` of the
 * duplicate index, or a run's drop signatures) by row, so that the
 * duplicates step holds a few of them at a time instead of all.
 */
import {closeSync, fstatSync, openSync} from 'node:fs'
import {readValues} from './typed-file.js'

/** Signatures of a file, read a block of rows at a time (synchronously: the duplicates step runs alone). */
export class SignatureFile {
  /** Rows in the file. */
  readonly rows: number
  readonly #file: string
  readonly #descriptor: number
  readonly #length: number
  readonly #block: Uint32Array
  readonly #blockRows: number
  /** Row of the first signature in the block; `-1` before the first read. */
  #start = -1
  /** Rows in the block. */
  #filled = 0

  /**
   * Open a file of signatures.
   *
   * @param file
   *   Path.
   * @param length
   *   Values per signature (`2 * bands * rows`).
   * @param blockRows
   *   Rows read at a time: many when rows are read in ascending order, one when they are read at random.
   */
  constructor(file: string, length: number, blockRows: number) {
    this.#file = file
    this.#length = length
    this.#blockRows = blockRows
    this.#block = new Uint32Array(blockRows * length)
    this.#descriptor = openSync(file, 'r')
    const {size} = fstatSync(this.#descriptor)
    if (size % (length * 4) !== 0) {
      closeSync(this.#descriptor)
      throw new Error('Expected whole signatures of ' + length * 4 + ' bytes in `' + file + '`, got ' + size + ' bytes')
    }
    this.rows = size / (length * 4)
  }

  /**
   * The signature at a row.
   *
   * @param row
   *   Row, from 0.
   * @returns
   *   Its values: a view that the next read of this file may change.
   */
  read(row: number): Uint32Array {
    if (!(row >= this.#start && row < this.#start + this.#filled)) {
      if (!(Number.isInteger(row) && row >= 0 && row < this.rows)) {
        throw new RangeError('Expected a row of `' + this.#file + '` below ' + this.rows + ', got `' + row + '`')
      }
      const rows = Math.min(this.#blockRows, this.rows - row)
      readValues(this.#descriptor, this.#block.subarray(0, rows * this.#length), row * this.#length * 4, '`' + this.#file + '`')
      this.#start = row
      this.#filled = rows
    }
    const start = (row - this.#start) * this.#length
    return this.#block.subarray(start, start + this.#length)
  }

  /**
   * Close the file.
   *
   * @returns
   *   Nothing.
   */
  close(): void {
    closeSync(this.#descriptor)
  }
}
