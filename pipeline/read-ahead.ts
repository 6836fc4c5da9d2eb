/**
 * Read-ahead for the run's synchronous reading of its inputs. A file in the
 * page cache reads in microseconds, synchronously, without the four round
 * trips through libuv's thread pool that an asynchronous read costs; a file
 * that is not (a drop copied in hours ago, or the cache reclaimed) waits on
 * the disk one file at a time. Reading and hashing 50,000 files took 0.9 s
 * from the cache and 4.5 s from the disk; with the first byte of the next
 * 256 files read by libuv's threads meanwhile, 1.9 s from the disk
 * (docs/PERFORMANCE.md, session 13). The read-ahead only runs while the
 * process reads from the disk (its count of blocks read grows), so a drop
 * in the page cache costs nothing more.
 */
import {close, open, read} from 'node:fs'
import {setImmediate as nextTurn} from 'node:timers/promises'

/** Files read ahead at most at once. */
const depth = 256

/** Files between two checks of whether the process reads from the disk. */
const batchSize = 16

/** Read-ahead over a list of files, read in order. */
export class ReadAhead {
  readonly #path: (position: number) => string
  readonly #count: number
  readonly #blocks: () => number
  readonly #byte = Buffer.alloc(1)
  #queued = 0
  #inFlight = 0
  #blocksRead: number

  /**
   * @param path
   *   Absolute path of the file at a position.
   * @param count
   *   Files.
   * @param blocks
   *   Blocks the process has read from the disk so far (default: `fsRead`
   *   of `process.resourceUsage()`; always `0` where the system does not
   *   count them, so no read-ahead).
   */
  constructor(path: (position: number) => string, count: number, blocks = () => process.resourceUsage().fsRead) {
    this.#path = path
    this.#count = count
    this.#blocks = blocks
    this.#blocksRead = blocks()
  }

  /** Reads ahead not finished yet. */
  get inFlight(): number {
    return this.#inFlight
  }

  /**
   * Call before reading the file at `position`: every {@link batchSize}
   * files, if the process read blocks from the disk since the last check,
   * queue reads of the first byte of the files ahead (the kernel reads a
   * small file whole) and let their callbacks run.
   *
   * @param position
   *   Position of the file about to be read.
   * @returns
   *   Nothing.
   */
  async before(position: number): Promise<void> {
    if (position % batchSize !== 0) return
    const blocksRead = this.#blocks()
    if (blocksRead === this.#blocksRead) return
    this.#blocksRead = blocksRead
    this.#queue(position)
    await nextTurn()
  }

  /**
   * Queue reads ahead of `position`, up to {@link depth} at once. A file
   * that fails here is left to the synchronous read, which reports it.
   *
   * @param position
   *   Position of the file about to be read.
   * @returns
   *   Nothing.
   */
  #queue(position: number): void {
    this.#queued = Math.max(this.#queued, position)
    while (this.#queued < this.#count && this.#inFlight < depth) {
      const file = this.#path(this.#queued++)
      this.#inFlight++
      open(file, 'r', (error, descriptor) => {
        if (error) {
          this.#inFlight--
          return
        }
        read(descriptor, this.#byte, 0, 1, 0, () => {
          close(descriptor, () => {
            this.#inFlight--
          })
        })
      })
    }
  }
}
