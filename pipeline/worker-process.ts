/**
 * Entry point of a worker process of the one-machine pool
 * (`process-pool.ts`): answers each task message with the task's result.
 */
import {cpuSeconds} from './process-pool.js'
import handleTask, {type WorkerTask} from './worker.js'

/** A task message from the pool, or its question for what the process used before it stops it. */
type PoolMessage = {readonly id: number; readonly task: WorkerTask} | {readonly usage: true}

process.on('message', function (message: PoolMessage) {
  if ('usage' in message) {
    answer({usage: {peakMemory: process.resourceUsage().maxRSS * 1024, cpuSeconds: cpuSeconds()}})
    return
  }
  handleTask(message.task).then(
    (result) => answer({id: message.id, result}),
    (error: unknown) => answer({id: message.id, error: String((error as Error).message ?? error)})
  )
})

/**
 * Send a message to the pool; when the pool is gone (its run was killed),
 * there is nobody to work for: exit.
 *
 * @param message
 *   Message.
 * @returns
 *   Nothing.
 */
function answer(message: unknown): void {
  if (!process.connected) process.exit(0)
  process.send?.(message, undefined, {}, (error) => {
    if (error) process.exit(0)
  })
}

// The pool closes the channel when the run is done.
process.on('disconnect', () => process.exit(0))
