/**
 * 64-bit keys of strings, and ids for distinct keys. A process that only
 * needs to tell terms apart and count them (the stories step counts the
 * story terms of every document of a run) takes the keys from the workers
 * instead of the strings: no string to parse, hash and compare per term.
 * Two of 10 million distinct terms share a key with a chance of about 3 in
 * a million (the birthday bound over 64 bits); a run's entity ids
 * (64 bits) and story ids (48) rest on the same kind of bound.
 */
import {grown} from './term-table.js'

/** Int32 values per key. */
export const keyLength = 2

/**
 * Write the key of a string: two 32-bit hashes of its UTF-16 code units,
 * of different kinds (MurmurHash3's rounds, one code unit a block, and
 * FNV-1a), each mixed by MurmurHash3's finaliser.
 *
 * @param text
 *   String.
 * @param target
 *   Array to write the key to.
 * @param at
 *   Index of its first value.
 * @returns
 *   Nothing.
 */
export function writeTermKey(text: string, target: Int32Array, at: number): void {
  let murmur = 0x9747_b28c
  let fnv = 0x81_1c_9d_c5
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    let block = Math.imul(code, 0xcc_9e_2d_51)
    block = Math.imul((block << 15) | (block >>> 17), 0x1b_87_35_93)
    murmur ^= block
    murmur = (Math.imul((murmur << 13) | (murmur >>> 19), 5) + 0xe6_54_6b_64) | 0
    fnv = Math.imul(fnv ^ code, 0x01_00_01_93)
  }
  target[at] = finalise(murmur ^ text.length)
  target[at + 1] = finalise(fnv)
}

/**
 * MurmurHash3's 32-bit finaliser.
 *
 * @param value
 *   Hash.
 * @returns
 *   Mixed hash (signed).
 */
function finalise(value: number): number {
  value ^= value >>> 16
  value = Math.imul(value, 0x85_eb_ca_6b)
  value ^= value >>> 13
  value = Math.imul(value, 0xc2_b2_ae_35)
  return value ^ (value >>> 16)
}

/** Distinct keys, each with an id: its rank of addition, from 0. */
export class KeyTable {
  #size = 0
  /** The key of each id, {@link keyLength} values each. */
  #keys = new Int32Array(1024 * keyLength)
  /** Open addressing: the id in each slot, `-1` when empty; at least twice as many slots as keys. */
  #slots = new Int32Array(2048).fill(-1)

  /** Number of keys. */
  get size(): number {
    return this.#size
  }

  /**
   * The id of a key.
   *
   * @param keys
   *   Array holding the key.
   * @param at
   *   Index of its first value.
   * @returns
   *   Its id, or `-1` when it was never added.
   */
  get(keys: Int32Array, at: number): number {
    return this.#slots[this.#find(keys[at] as number, keys[at + 1] as number)] as number
  }

  /**
   * The id of a key, added when new.
   *
   * @param keys
   *   Array holding the key.
   * @param at
   *   Index of its first value.
   * @returns
   *   Its id.
   */
  add(keys: Int32Array, at: number): number {
    const high = keys[at] as number
    const low = keys[at + 1] as number
    const slot = this.#find(high, low)
    const found = this.#slots[slot] as number
    if (found !== -1) return found
    const id = this.#size++
    if ((id + 1) * keyLength > this.#keys.length) this.#keys = grown(this.#keys, (id + 1) * keyLength)
    this.#keys[id * keyLength] = high
    this.#keys[id * keyLength + 1] = low
    if (this.#size * 2 > this.#slots.length) this.#rehash()
    else this.#slots[slot] = id
    return id
  }

  /**
   * The slot of a key, or the empty slot where it would go.
   *
   * @param high
   *   First value of the key.
   * @param low
   *   Second value.
   * @returns
   *   Slot.
   */
  #find(high: number, low: number): number {
    const mask = this.#slots.length - 1
    for (let slot = high & mask; ; slot = (slot + 1) & mask) {
      const id = this.#slots[slot] as number
      if (id === -1 || (this.#keys[id * keyLength] === high && this.#keys[id * keyLength + 1] === low)) return slot
    }
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
      let slot = (this.#keys[id * keyLength] as number) & mask
      while (slots[slot] !== -1) slot = (slot + 1) & mask
      slots[slot] = id
    }
    this.#slots = slots
  }
}
