import {readFileSync} from 'node:fs'

// Node's WebAssembly global; TypeScript declares it only in its DOM library.
declare const WebAssembly: {
  readonly Module: new (bytes: Uint8Array) => object
  readonly Instance: new (module: object) => {readonly exports: object}
}

/** What `minhash.wasm` exports (see `minhash.wat`). */
interface MinHashExports {
  readonly memory: {readonly buffer: ArrayBuffer; grow(pages: number): number}
  readonly minhash: (seeds: number, slots: number, hashes: number, count: number, out: number) => void
}

// Built from `minhash.wat` by `make wasm`. Four slots per instruction: the
// scalar loop took 2.3 ns a hash and slot, about 4 % of a run's CPU.
const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(new URL('../../stages/minhash.wasm', import.meta.url))))
const wasm = instance.exports as unknown as MinHashExports

const pageBytes = 65_536

/**
 * Fill `signature` with the MinHash of `hashes`: per slot, the least
 * `fmix32(hash ^ seed)` (MurmurHash3's finaliser) over every hash, as an
 * unsigned number; `0xffffffff` in every slot when there is no hash.
 *
 * @param hashes
 *   Hashes.
 * @param seeds
 *   One seed per slot.
 * @param signature
 *   Slots to fill (as many as `seeds`).
 * @returns
 *   Nothing.
 */
export function minhash(hashes: Uint32Array, seeds: Uint32Array, signature: Uint32Array): void {
  if (seeds.length !== signature.length) throw new Error('Expected a seed per slot, not ' + seeds.length + ' for ' + signature.length)
  // Seeds, then the least values, then the hashes; each starts on 16 bytes.
  const slots = (signature.length + 3) & ~3
  const out = slots * 4
  const start = out * 2
  const needed = start + hashes.length * 4
  const have = wasm.memory.buffer.byteLength
  if (needed > have) wasm.memory.grow(Math.ceil((needed - have) / pageBytes))
  const memory = new Uint32Array(wasm.memory.buffer)
  memory.set(seeds, 0)
  memory.set(hashes, start / 4)
  wasm.minhash(0, slots, start, hashes.length, out)
  signature.set(memory.subarray(out / 4, out / 4 + signature.length))
}
