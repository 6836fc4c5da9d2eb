/**
 * Entry point of a worker process of the one-machine pool
 * (`process-pool.ts`): answers each task message with the task's result.
 */
import handleTask, {type WorkerTask} from './worker.js'

/** A task message from the pool, or its question for the peak memory before it stops the process. */
type PoolMessage = {readonly id: number; readonly task: WorkerTask} | {readonly peakMemory: true}

process.on('message', function (message: PoolMessage) {
  if ('peakMemory' in message) {
    process.send?.({peakMemory: process.resourceUsage().maxRSS * 1024})
    return
  }
  handleTask(message.task).then(
    (result) => process.send?.({id: message.id, result}),
    (error: unknown) => process.send?.({id: message.id, error: String((error as Error).message ?? error)})
  )
})

// The pool closes the channel when the run is done.
process.on('disconnect', () => process.exit(0))
