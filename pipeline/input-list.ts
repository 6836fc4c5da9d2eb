/**
 * The inputs of a run after reading, in columns: an object per document
 * (its paths, id, digest and metadata as strings, 600 bytes) held 30 MB of
 * the heap at 50,000 documents from the read to the last task, and the heap
 * V8 sized for it held the process 80 MB above its 5,000-document figure
 * through the stages. Here a document costs its path's characters, its
 * digest's 32 bytes and a few numbers, outside the heap; its id and absolute
 * path are derived from its path, and equal metadata is kept once.
 */
import {absolutePathOf, docIdOf, type InputDocument} from './inputs.js'
import {TermTable} from '../stages/term-table.js'

/** The fields of an input that its tasks carry. */
export interface ListedInput {
  readonly absolutePath: string
  readonly docId: string
  readonly sourcePath: string
  readonly sha256: string
  readonly metadata: Readonly<Record<string, string>>
}

/** Inputs read from a drop, by position, in the order they were added. */
export class InputList {
  readonly #root: string
  readonly #paths = new TermTable()
  /** Metadata as JSON, each distinct text once (most drops give many documents the same). */
  readonly #metadata = new TermTable()
  readonly #metadataOf: Int32Array
  readonly #digests: Uint8Array
  readonly #bytes: Float64Array

  /**
   * Make an empty list.
   *
   * @param root
   *   Input folder the paths are relative to.
   * @param capacity
   *   Most inputs that will be added.
   */
  constructor(root: string, capacity: number) {
    this.#root = root
    this.#metadataOf = new Int32Array(capacity)
    this.#digests = new Uint8Array(capacity * 32)
    this.#bytes = new Float64Array(capacity)
  }

  /** Number of inputs. */
  get length(): number {
    return this.#paths.size
  }

  /**
   * Add an input.
   *
   * @param document
   *   Input as found in the drop.
   * @param sha256
   *   Hex digest of its bytes.
   * @param bytes
   *   Its size in bytes.
   * @returns
   *   Nothing.
   */
  add(document: InputDocument, sha256: string, bytes: number): void {
    const position = this.#paths.size
    if (position === this.#bytes.length) throw new RangeError('Expected at most ' + this.#bytes.length + ' inputs')
    if (this.#paths.add(document.sourcePath) !== position) throw new Error('Unexpected input `' + document.sourcePath + '` listed twice')
    this.#metadataOf[position] = this.#metadata.add(document.metadataText)
    this.#digests.set(Buffer.from(sha256, 'hex'), position * 32)
    this.#bytes[position] = bytes
  }

  /**
   * Path of an input relative to the input folder.
   *
   * @param position
   *   Position.
   * @returns
   *   Path.
   */
  sourcePath(position: number): string {
    return this.#paths.text(position)
  }

  /**
   * Size of an input in bytes.
   *
   * @param position
   *   Position.
   * @returns
   *   Bytes.
   */
  bytes(position: number): number {
    return this.#bytes[position] as number
  }

  /**
   * Hex digest of an input.
   *
   * @param position
   *   Position.
   * @returns
   *   SHA-256 digest.
   */
  sha256(position: number): string {
    return Buffer.from(this.#digests.buffer, position * 32, 32).toString('hex')
  }

  /**
   * Metadata of an input as JSON text (`JSON.stringify` of its manifest row).
   *
   * @param position
   *   Position.
   * @returns
   *   JSON text.
   */
  metadataText(position: number): string {
    return this.#metadata.text(this.#metadataOf[position] as number)
  }

  /**
   * The fields of an input that its tasks carry.
   *
   * @param position
   *   Position.
   * @returns
   *   Fields.
   */
  input(position: number): ListedInput {
    const sourcePath = this.sourcePath(position)
    return {
      absolutePath: absolutePathOf(this.#root, sourcePath),
      docId: docIdOf(sourcePath),
      sourcePath,
      sha256: this.sha256(position),
      metadata: JSON.parse(this.metadataText(position)) as Record<string, string>
    }
  }
}
