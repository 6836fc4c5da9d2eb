import {readFileSync} from 'node:fs'
import test from 'ava'
import {assemble, projectPath} from '../bench/assemble-wasm.js'
import {minhash} from '../stages/minhash.js'

/**
 * The scalar MinHash the WebAssembly module replaced, as the reference.
 *
 * @param hashes
 *   Hashes.
 * @param seeds
 *   Seed per slot.
 * @returns
 *   Signature.
 */
function scalarMinhash(hashes: Uint32Array, seeds: Uint32Array): Uint32Array {
  const signature = new Uint32Array(seeds.length).fill(0xff_ff_ff_ff)
  for (const hash of hashes) {
    for (const [slot, seed] of seeds.entries()) {
      let value = hash ^ seed
      value ^= value >>> 16
      value = Math.imul(value, 0x85_eb_ca_6b)
      value ^= value >>> 13
      value = Math.imul(value, 0xc2_b2_ae_35)
      value ^= value >>> 16
      if (value >>> 0 < (signature[slot] as number)) signature[slot] = value >>> 0
    }
  }
  return signature
}

/**
 * Deterministic pseudo-random 32-bit values (xorshift).
 *
 * @param count
 *   Values.
 * @param seed
 *   Start state (not 0).
 * @returns
 *   Values, unsigned.
 */
function randomValues(count: number, seed: number): number[] {
  const values: number[] = []
  let state = seed
  for (let index = 0; index < count; index++) {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    values.push(state >>> 0)
  }
  return values
}

test('minhash gives the scalar loop’s signature for every count of slots and hashes, growing its memory for large sets', function (t) {
  const slotCounts = [1, 3, 4, 5, 126, 130]
  // 40,000 hashes do not fit the module's first 64 KB page.
  const hashCounts = [0, 1, 2, 7, 250, 40_000]
  for (const slots of slotCounts) {
    const seeds = Uint32Array.from(randomValues(slots, 0x2545_f491 + slots))
    for (const count of hashCounts) {
      const hashes = Uint32Array.from(randomValues(count, 0x9e37 + count))
      const signature = new Uint32Array(slots)
      minhash(hashes, seeds, signature)
      t.deepEqual(signature, scalarMinhash(hashes, seeds), slots + ' slots, ' + count + ' hashes')
    }
  }
})

test('minhash fills a view into a larger signature and leaves the rest alone', function (t) {
  const seeds = Uint32Array.from(randomValues(6, 77))
  const hashes = Uint32Array.from(randomValues(30, 5))
  const signature = new Uint32Array(10).fill(7)
  minhash(hashes, seeds, signature.subarray(2, 8))
  t.deepEqual([...signature.subarray(0, 2), ...signature.subarray(8)], [7, 7, 7, 7])
  t.deepEqual(signature.subarray(2, 8), scalarMinhash(hashes, seeds))
})

test('minhash wants one seed per slot', function (t) {
  t.throws(() => minhash(Uint32Array.of(1), new Uint32Array(3), new Uint32Array(4)), {message: 'Expected a seed per slot, not 3 for 4'})
})

test('stages/minhash.wasm is what stages/minhash.wat assembles to (`make wasm`)', async function (t) {
  t.deepEqual(new Uint8Array(readFileSync(projectPath('stages/minhash.wasm'))), await assemble('stages/minhash.wat'))
})
