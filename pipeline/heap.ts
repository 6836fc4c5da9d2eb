/**
 * How far the memory of a newsdrop process may grow: its JavaScript heap,
 * and what the C library keeps of freed blocks.
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

/** Bytes from which glibc's malloc maps blocks of their own (its default start, kept fixed). */
const mallocThreshold = '131072'

/**
 * Environment of a worker process: glibc's malloc hands blocks of 128 KB and
 * more back to the system when they are freed, as `bin/newsdrop` sets up for
 * the run process (see there why; a value set by the caller wins).
 *
 * @param environment
 *   Environment of this process.
 * @returns
 *   Environment for a worker process.
 */
export function workerEnvironment(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {...environment, MALLOC_MMAP_THRESHOLD_: environment['MALLOC_MMAP_THRESHOLD_'] ?? mallocThreshold}
}

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
