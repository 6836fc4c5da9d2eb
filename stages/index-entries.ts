/**
 * What the duplicate index keeps of each document besides its signature
 * (see `IndexEntry` in `near-duplicates.ts`), in columns: as an object per
 * document with its strings, 50,000 entries held 12 MB of the heap in the
 * duplicates step, where a run peaked. Here an entry costs the bytes of its
 * id and a few integers, outside the heap; dates and cluster names, which
 * repeat, are kept once.
 */
import type {IndexEntry} from './near-duplicates.js'
import {grown, TermTable} from './term-table.js'

/** Integers of the exact hash (32 hexadecimal digits). */
const exactWords = 4

/** Entries of the duplicate index, a row each, in the order they are added. */
export class IndexEntries {
  #length = 0
  /** Ids and cluster names (the ids of kept copies), each once. */
  readonly #names = new TermTable()
  /** Dates, each once. */
  readonly #dates = new TermTable()
  /** Each row's id, as its number in `#names`. */
  #ids = new Int32Array(1024)
  /** Each row's cluster, as the number of its kept copy's id in `#names`. */
  #clusters = new Int32Array(1024)
  /** Each row's date, as its number in `#dates`; `-1` for none. */
  #dateIds = new Int32Array(1024)
  #shingles = new Int32Array(1024)
  #immutables = new Int32Array(1024)
  /** Each row's exact hash: the integers of its hexadecimal digits, eight at a time. */
  #exact = new Uint32Array(1024 * exactWords)

  /** Number of rows. */
  get length(): number {
    return this.#length
  }

  /** Number of distinct ids and cluster names: every {@link name} and {@link cluster} is below it. */
  get names(): number {
    return this.#names.size
  }

  /**
   * Add an entry.
   *
   * @param entry
   *   Entry; its `exact` is 32 lower-case hexadecimal digits.
   * @returns
   *   Its row.
   */
  add(entry: IndexEntry): number {
    if (!/^[\da-f]{32}$/.test(entry.exact)) {
      throw new TypeError('Expected `exact` to be 32 lower-case hexadecimal digits, got `' + entry.exact + '`')
    }
    const row = this.#length++
    if (row === this.#ids.length) {
      this.#ids = grown(this.#ids, row + 1)
      this.#clusters = grown(this.#clusters, row + 1)
      this.#dateIds = grown(this.#dateIds, row + 1)
      this.#shingles = grown(this.#shingles, row + 1)
      this.#immutables = grown(this.#immutables, row + 1)
      this.#exact = grown(this.#exact, (row + 1) * exactWords)
    }
    this.#ids[row] = this.#names.add(entry.id)
    this.#clusters[row] = this.#names.add(entry.cluster)
    this.#dateIds[row] = entry.date === null ? -1 : this.#dates.add(entry.date)
    this.#shingles[row] = entry.shingles
    this.#immutables[row] = entry.immutables
    for (let word = 0; word < exactWords; word++) {
      this.#exact[row * exactWords + word] = Number.parseInt(entry.exact.slice(word * 8, word * 8 + 8), 16)
    }
    return row
  }

  /**
   * The entry of a row, as it was added (with its cluster as it is now).
   *
   * @param row
   *   Row.
   * @returns
   *   Entry.
   */
  entry(row: number): IndexEntry {
    let exact = ''
    for (let word = 0; word < exactWords; word++) exact += (this.#exact[row * exactWords + word] as number).toString(16).padStart(8, '0')
    return {
      id: this.id(row),
      exact,
      date: this.date(row),
      shingles: this.shingles(row),
      immutables: this.immutables(row),
      cluster: this.#names.text(this.#clusters[row] as number)
    }
  }

  /**
   * Id of a row.
   *
   * @param row
   *   Row.
   * @returns
   *   Id.
   */
  id(row: number): string {
    return this.#names.text(this.#ids[row] as number)
  }

  /**
   * Date of a row.
   *
   * @param row
   *   Row.
   * @returns
   *   Date, or `null`.
   */
  date(row: number): string | null {
    const date = this.#dateIds[row] as number
    return date === -1 ? null : this.#dates.text(date)
  }

  /**
   * Distinct shingles of a row.
   *
   * @param row
   *   Row.
   * @returns
   *   Count.
   */
  shingles(row: number): number {
    return this.#shingles[row] as number
  }

  /**
   * Distinct immutable shingles of a row.
   *
   * @param row
   *   Row.
   * @returns
   *   Count.
   */
  immutables(row: number): number {
    return this.#immutables[row] as number
  }

  /**
   * Number of a row's id: rows with equal ids have equal numbers.
   *
   * @param row
   *   Row.
   * @returns
   *   Number below {@link names}.
   */
  name(row: number): number {
    return this.#ids[row] as number
  }

  /**
   * Number of the id of a row's kept copy: rows of one cluster have equal numbers.
   *
   * @param row
   *   Row.
   * @returns
   *   Number below {@link names}.
   */
  cluster(row: number): number {
    return this.#clusters[row] as number
  }

  /**
   * Put a row in the cluster of a kept copy.
   *
   * @param row
   *   Row.
   * @param kept
   *   Row of the kept copy (the row itself to leave it alone).
   * @returns
   *   Nothing.
   */
  setCluster(row: number, kept: number): void {
    this.#clusters[row] = this.#ids[kept] as number
  }

  /**
   * Whether two rows have equal normalised words (equal exact hashes).
   *
   * @param left
   *   Row.
   * @param right
   *   Row.
   * @returns
   *   Whether they do.
   */
  sameText(left: number, right: number): boolean {
    for (let word = 0; word < exactWords; word++) {
      if (this.#exact[left * exactWords + word] !== this.#exact[right * exactWords + word]) return false
    }
    return true
  }

  /**
   * The first 32 bits of a row's exact hash, to find equal texts in a hash table.
   *
   * @param row
   *   Row.
   * @returns
   *   Unsigned integer.
   */
  textHash(row: number): number {
    return this.#exact[row * exactWords] as number
  }

  /**
   * Order of two rows' ids, as `<` orders the strings.
   *
   * @param left
   *   Row.
   * @param right
   *   Row.
   * @returns
   *   Negative when the left id sorts first, positive when the right one does, `0` when they are equal.
   */
  compareIds(left: number, right: number): number {
    return this.#names.compare(this.#ids[left] as number, this.#ids[right] as number)
  }
}
