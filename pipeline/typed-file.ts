/**
 * Typed arrays written to and read from work files at byte offsets,
 * synchronously: the corpus steps that keep their state on disk run alone,
 * and a few kilobytes at a time are not worth a round trip through libuv.
 */
import {readSync, writeSync} from 'node:fs'

/** A typed array the work files hold. */
export type Values = Uint32Array | Int32Array | Float64Array

/**
 * Write values at an offset.
 *
 * @param descriptor
 *   Open file.
 * @param values
 *   Values.
 * @param offset
 *   Byte offset.
 * @returns
 *   Nothing.
 */
export function writeValues(descriptor: number, values: Values, offset: number): void {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength)
  let done = 0
  while (done < bytes.byteLength) done += writeSync(descriptor, bytes, done, bytes.byteLength - done, offset + done)
}

/**
 * Fill values from an offset.
 *
 * @param descriptor
 *   Open file.
 * @param values
 *   Values to fill, all of them.
 * @param offset
 *   Byte offset.
 * @param name
 *   What the file holds, for the error when it ends too soon.
 * @returns
 *   Nothing.
 */
export function readValues(descriptor: number, values: Values, offset: number, name: string): void {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength)
  let done = 0
  while (done < bytes.byteLength) {
    const read = readSync(descriptor, bytes, done, bytes.byteLength - done, offset + done)
    if (read === 0) throw new Error('Unexpected end of ' + name + ' at byte ' + (offset + done))
    done += read
  }
}
