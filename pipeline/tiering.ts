/**
 * When V8 optimises the code of a process that runs the stages with every
 * core busy: a worker process of the pool, a `newsdrop worker`.
 */
import {setFlagsFromString} from 'node:v8'

/**
 * Four times V8's default interrupt budget (67,584): a function runs four
 * times as long in the interpreter and baseline code before TurboFan
 * compiles it, so it is compiled with the types its rarer branches see too.
 * With the default, the optimising compiler's threads took about 6 of a
 * process's 20 CPU seconds on 5,000 documents, more than half of it to
 * compile again functions whose optimised code a branch or an object shape
 * not seen before had thrown away. On a machine whose cores all run
 * workers, the compiler's threads take their time from the workers.
 * Measured (`docs/PERFORMANCE.md`, session 15), two runs with two workers
 * each at once on the machine: 4–11 % less CPU on 5,000 documents (four
 * pairs), 1 and 5 % on 50,000 (two); the outputs are the same bytes. The
 * run's own process keeps the default: with `--workers 1` the compiler's
 * threads use otherwise idle cores, and later optimised code costs it wall
 * clock.
 */
export const workerTiering = '--interrupt-budget=270336'

/**
 * Optimise the code of this process as a worker's (call once, at start,
 * before the stages are loaded; pool workers get {@link workerTiering} on
 * their command line instead).
 *
 * @returns
 *   Nothing.
 */
export function useWorkerTiering(): void {
  setFlagsFromString(workerTiering)
}
