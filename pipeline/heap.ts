/**
 * How far the JavaScript heap of a newsdrop process may grow.
 */
import {setFlagsFromString} from 'node:v8'

/**
 * After each full garbage collection the heap may grow to twice what is
 * live, no more. V8's own factor goes up to four for a process that
 * allocates fast, which a pipeline does: a worker holding 80 MB of live data
 * reached 700 MB on a 50,000-document drop, and the run process 500 MB on
 * 5,000 documents in one process. Measured (`docs/PERFORMANCE.md`): peak
 * memory 30–40 % lower (one process, and a worker), CPU time the same within 1 %.
 */
export const heapGrowing = '--heap-growing-percent=100'

/**
 * Limit the heap's growth of this process (call once, at start; worker
 * processes get {@link heapGrowing} on their command line instead).
 *
 * @returns
 *   Nothing.
 */
export function limitHeapGrowth(): void {
  setFlagsFromString(heapGrowing)
}
