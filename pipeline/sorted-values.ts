/**
 * Floats of a work file in ascending order, holding a chunk of them in
 * memory at a time: a segment that fits in the chunk is sorted at once,
 * a larger one in runs of a chunk each, merged. The corpus steps that
 * count or group values across a drop (band keys, line hashes) sort this
 * way instead of holding every document's values.
 */
import {readValues, writeValues} from './typed-file.js'

/** Values sorted in memory at a time (2 MB); a segment with more is sorted in runs and merged. */
export const defaultChunk = 1 << 18

/** Values read at a time from each run of a merge. */
const mergeBuffer = 4096

/**
 * The values of a segment of a work file, in ascending order.
 *
 * @param descriptor
 *   Open work file of floats.
 * @param source
 *   First value of the segment.
 * @param target
 *   Where the sorted runs are written when the segment is larger than the
 *   chunk: `source` to sort in place, else a free segment as long.
 * @param count
 *   Values in the segment.
 * @param scratch
 *   Array to sort in: its length is the chunk.
 * @param name
 *   What the file holds, for the error when it ends too soon.
 * @returns
 *   The values in ascending order (a view of `scratch` when they fit in it).
 */
export function sortedValues(descriptor: number, source: number, target: number, count: number, scratch: Float64Array, name: string): Iterable<number> {
  if (count <= scratch.length) {
    const values = scratch.subarray(0, count)
    readValues(descriptor, values, source * 8, name)
    return values.sort()
  }
  return mergedRuns(descriptor, source, target, count, scratch, name)
}

/**
 * Sort a segment in runs of a chunk, each written at `target`, then merge
 * the runs.
 *
 * @param descriptor
 *   Open work file.
 * @param source
 *   First value of the segment.
 * @param target
 *   First value of the segment the runs are written to.
 * @param count
 *   Values in the segment.
 * @param scratch
 *   Array of a chunk to sort in.
 * @param name
 *   What the file holds.
 * @returns
 *   The values in ascending order.
 */
function* mergedRuns(descriptor: number, source: number, target: number, count: number, scratch: Float64Array, name: string): Generator<number> {
  const chunk = scratch.length
  const runs: Array<{next: number; end: number; buffer: Float64Array; at: number; filled: number}> = []
  for (let offset = 0; offset < count; offset += chunk) {
    const values = scratch.subarray(0, Math.min(chunk, count - offset))
    readValues(descriptor, values, (source + offset) * 8, name)
    values.sort()
    writeValues(descriptor, values, (target + offset) * 8)
    runs.push({next: target + offset, end: target + offset + values.length, buffer: new Float64Array(Math.min(mergeBuffer, values.length)), at: 0, filled: 0})
  }
  const refill = (run: (typeof runs)[number]) => {
    run.filled = Math.min(run.buffer.length, run.end - run.next)
    readValues(descriptor, run.buffer.subarray(0, run.filled), run.next * 8, name)
    run.next += run.filled
    run.at = 0
  }
  for (const run of runs) refill(run)
  // Few runs (one per 262,144 values): the least head is found by a scan,
  // not a heap.
  while (true) {
    let least: (typeof runs)[number] | undefined
    for (const run of runs) {
      if (run.at < run.filled && (least === undefined || (run.buffer[run.at] as number) < (least.buffer[least.at] as number))) least = run
    }
    if (least === undefined) return
    yield least.buffer[least.at] as number
    least.at++
    if (least.at === least.filled && least.next < least.end) refill(least)
  }
}
