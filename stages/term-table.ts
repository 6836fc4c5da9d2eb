/**
 * Ids for distinct strings, kept as bytes in typed arrays: a `Map` of
 * strings held a string object, a map entry and a number per term in the
 * JavaScript heap (18 MB for the 257,000 story terms of 50,000 documents),
 * which the garbage collector then lets grow to twice that. Here a term
 * costs its characters (a byte each when they are all below U+0100, else two)
 * and a few integers, outside the heap.
 */

/** Distinct strings, each with an id: its rank of addition, from 0. */
export class TermTable {
  #size = 0
  /** Every string, one after another: a byte per code unit, or two (little-endian) for a wide string. */
  #bytes = new Uint8Array(1 << 16)
  /** Where each string starts in `#bytes`, then where the last one ends. */
  #starts = new Int32Array(1025)
  /** `1` for each string with a code unit above `0xff`. */
  #wide = new Uint8Array(1024)
  /** Hash of each string. */
  #hashes = new Int32Array(1024)
  /** Open addressing: the id in each slot, `-1` when empty; at least twice as many slots as strings. */
  #slots = new Int32Array(2048).fill(-1)

  /** Number of strings. */
  get size(): number {
    return this.#size
  }

  /**
   * The id of a string.
   *
   * @param text
   *   String.
   * @returns
   *   Its id, or `-1` when it was never added.
   */
  get(text: string): number {
    return this.#slots[this.#find(text, hash(text))] as number
  }

  /**
   * The id of a string, added when new.
   *
   * @param text
   *   String.
   * @returns
   *   Its id.
   */
  add(text: string): number {
    const textHash = hash(text)
    const found = this.#slots[this.#find(text, textHash)] as number
    if (found !== -1) return found
    if ((this.#size + 1) * 2 > this.#slots.length) this.#rehash()
    const id = this.#size++
    if (id + 2 > this.#starts.length) this.#starts = grown(this.#starts, id + 2)
    if (id + 1 > this.#hashes.length) {
      this.#hashes = grown(this.#hashes, id + 1)
      this.#wide = grown(this.#wide, id + 1)
    }
    let wide = 0
    for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) > 0xff) wide = 1
    const start = this.#starts[id] as number
    const end = start + text.length * (1 + wide)
    if (end > this.#bytes.length) this.#bytes = grown(this.#bytes, end)
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index)
      if (wide === 0) {
        this.#bytes[start + index] = code
      } else {
        this.#bytes[start + 2 * index] = code & 0xff
        this.#bytes[start + 2 * index + 1] = code >>> 8
      }
    }
    this.#starts[id + 1] = end
    this.#wide[id] = wide
    this.#hashes[id] = textHash
    this.#slots[this.#find(text, textHash)] = id
    return id
  }

  /**
   * The string of an id.
   *
   * @param id
   *   Id.
   * @returns
   *   String.
   */
  text(id: number): string {
    const start = this.#starts[id] as number
    const width = 1 + (this.#wide[id] as number)
    const codes = new Array<number>(((this.#starts[id + 1] as number) - start) / width)
    for (let index = 0; index < codes.length; index++) {
      codes[index] = width === 1 ? (this.#bytes[start + index] as number) : (this.#bytes[start + 2 * index] as number) | ((this.#bytes[start + 2 * index + 1] as number) << 8)
    }
    let text = ''
    // In slices: `fromCharCode` takes its code units as arguments.
    for (let at = 0; at < codes.length; at += 4096) text += String.fromCharCode(...codes.slice(at, at + 4096))
    return text
  }

  /**
   * Order of the strings of two ids, by code unit, as `<` orders strings;
   * without making either string.
   *
   * @param left
   *   Id.
   * @param right
   *   Id.
   * @returns
   *   Negative when the left string sorts first, positive when the right one does, `0` when they are equal.
   */
  compare(left: number, right: number): number {
    const leftLength = this.#length(left)
    const rightLength = this.#length(right)
    for (let index = 0; index < Math.min(leftLength, rightLength); index++) {
      const difference = this.#code(left, index) - this.#code(right, index)
      if (difference !== 0) return difference
    }
    return leftLength - rightLength
  }

  /**
   * Number of code units of the string of an id.
   *
   * @param id
   *   Id.
   * @returns
   *   Length.
   */
  #length(id: number): number {
    return ((this.#starts[id + 1] as number) - (this.#starts[id] as number)) / (1 + (this.#wide[id] as number))
  }

  /**
   * A code unit of the string of an id.
   *
   * @param id
   *   Id.
   * @param index
   *   Position of the code unit.
   * @returns
   *   Code unit.
   */
  #code(id: number, index: number): number {
    const start = this.#starts[id] as number
    return this.#wide[id] === 0
      ? (this.#bytes[start + index] as number)
      : (this.#bytes[start + 2 * index] as number) | ((this.#bytes[start + 2 * index + 1] as number) << 8)
  }

  /**
   * The slot of a string: where it is, or the empty slot where it would go.
   *
   * @param text
   *   String.
   * @param textHash
   *   Its hash.
   * @returns
   *   Slot.
   */
  #find(text: string, textHash: number): number {
    const mask = this.#slots.length - 1
    for (let slot = textHash & mask; ; slot = (slot + 1) & mask) {
      const id = this.#slots[slot] as number
      if (id === -1 || (this.#hashes[id] === textHash && this.#matches(id, text))) return slot
    }
  }

  /**
   * Whether the string of an id is `text`.
   *
   * @param id
   *   Id.
   * @param text
   *   String.
   * @returns
   *   Whether it is.
   */
  #matches(id: number, text: string): boolean {
    const start = this.#starts[id] as number
    const width = 1 + (this.#wide[id] as number)
    if (((this.#starts[id + 1] as number) - start) / width !== text.length) return false
    for (let index = 0; index < text.length; index++) {
      const code = width === 1 ? (this.#bytes[start + index] as number) : (this.#bytes[start + 2 * index] as number) | ((this.#bytes[start + 2 * index + 1] as number) << 8)
      if (code !== text.charCodeAt(index)) return false
    }
    return true
  }

  /**
   * Double the slots and place every id again.
   *
   * @returns
   *   Nothing.
   */
  #rehash(): void {
    const slots = new Int32Array(this.#slots.length * 2).fill(-1)
    const mask = slots.length - 1
    for (let id = 0; id < this.#size; id++) {
      let slot = (this.#hashes[id] as number) & mask
      while (slots[slot] !== -1) slot = (slot + 1) & mask
      slots[slot] = id
    }
    this.#slots = slots
  }
}

/**
 * 32-bit FNV-1a hash of the code units of a string, then mixed (MurmurHash3's finaliser).
 *
 * @param text
 *   String.
 * @returns
 *   Hash (signed).
 */
function hash(text: string): number {
  let value = 0x81_1c_9d_c5
  for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01_00_01_93)
  value ^= value >>> 16
  value = Math.imul(value, 0x85_eb_ca_6b)
  value ^= value >>> 13
  value = Math.imul(value, 0xc2_b2_ae_35)
  return value ^ (value >>> 16)
}

/**
 * A copy of a typed array with room for at least `length` values: half as
 * much again, so that a large table wastes less than a doubled one.
 *
 * @param array
 *   Array.
 * @param length
 *   Values needed.
 * @returns
 *   Larger array, starting with the values of `array`.
 */
export function grown<Array extends Int32Array | Uint32Array | Uint8Array | Float64Array>(array: Array, length: number): Array {
  const larger = new (array.constructor as new (length: number) => Array)(Math.max(length, Math.ceil(array.length * 1.5)))
  larger.set(array)
  return larger
}
