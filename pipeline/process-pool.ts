/**
 * A pool of worker processes on one machine (`worker-process.ts`), each
 * running the same task code as the run's own process.
 *
 * Processes, not worker threads: the stages allocate many small objects, and
 * threads of one process share V8's garbage-collection helper threads and
 * heap. Measured on 1,000 articles, the same work scaled 1.2x across two
 * threads and 1.67x across two processes (docs/PERFORMANCE.md).
 */
import {fork, type ChildProcess} from 'node:child_process'
import {heapGrowing, workerEnvironment} from './heap.js'
import {workerTiering} from './tiering.js'
import type {TaskResults, WorkerTask} from './worker.js'

/** What worker processes used, reported when the pool closes. */
export interface PoolUsage {
  /** Largest peak resident memory of one process, in bytes. */
  readonly peakMemory: number
  /** CPU time (user and system) of all processes, in seconds. */
  readonly cpuSeconds: number
}

/**
 * CPU time this process has used so far (user and system).
 *
 * @returns
 *   Seconds.
 */
export function cpuSeconds(): number {
  const {user, system} = process.cpuUsage()
  return (user + system) / 1e6
}

/** V8 flags of a worker process, after those of this process: its heap growth and its tiering. */
export const workerFlags: readonly string[] = [heapGrowing, workerTiering]

/** Tasks sent to one process before it answers (the next is ready when one ends). */
const tasksPerProcess = 2

/** A task waiting for, or running in, a process. */
interface PendingTask {
  readonly id: number
  readonly task: WorkerTask
  resolve(result: unknown): void
  reject(error: Error): void
}

/** A running worker process and the tasks it holds. */
interface Slot {
  readonly child: ChildProcess
  readonly running: Map<number, PendingTask>
}

/** Worker processes that run tasks. */
export class ProcessPool {
  readonly #slots: Slot[] = []
  readonly #waiting: PendingTask[] = []
  #nextId = 0
  #closed: Promise<PoolUsage> | undefined

  /**
   * Start the processes.
   *
   * @param size
   *   Number of processes.
   */
  constructor(size: number) {
    for (let index = 0; index < size; index++) this.#slots.push(this.#start())
  }

  /** Process ids of the running worker processes (for monitoring). */
  get processIds(): number[] {
    return this.#slots.map((slot) => slot.child.pid ?? 0)
  }

  /**
   * Run a task in a process.
   *
   * @param task
   *   Task.
   * @returns
   *   Its result; rejects when the process died while running it.
   */
  run<Task extends WorkerTask>(task: Task): Promise<TaskResults[Task['kind']]> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({id: this.#nextId++, task, resolve: resolve as (result: unknown) => void, reject})
      this.#dispatch()
    })
  }

  /**
   * Stop every process.
   *
   * @returns
   *   What the processes used.
   */
  close(): Promise<PoolUsage> {
    this.#closed ??= this.#stop()
    return this.#closed
  }

  /**
   * Stop every process at once, without waiting (nothing to do after all).
   *
   * @returns
   *   Nothing.
   */
  kill(): void {
    this.#closed ??= Promise.resolve({peakMemory: 0, cpuSeconds: 0})
    for (const slot of this.#slots) slot.child.kill()
  }

  /**
   * Ask every process what it used, then let it exit.
   *
   * @returns
   *   The largest peak memory of a process and the CPU time of all of them.
   */
  async #stop(): Promise<PoolUsage> {
    const usages = await Promise.all(
      this.#slots.map(
        (slot) =>
          new Promise<PoolUsage>((resolve) => {
            const {child} = slot
            const none = {peakMemory: 0, cpuSeconds: 0}
            if (child.exitCode !== null || child.signalCode !== null) return resolve(none)
            let usage = none
            child.on('message', (message: {usage?: PoolUsage}) => {
              if (message.usage === undefined) return
              usage = message.usage
              child.disconnect()
            })
            child.once('exit', () => resolve(usage))
            // A process that died meanwhile answers with its `exit` instead.
            child.send({usage: true}, () => {})
          })
      )
    )
    return {
      peakMemory: Math.max(0, ...usages.map((usage) => usage.peakMemory)),
      cpuSeconds: usages.reduce((sum, usage) => sum + usage.cpuSeconds, 0)
    }
  }

  /**
   * Start one process.
   *
   * @returns
   *   Its slot.
   */
  #start(): Slot {
    const child = fork(new URL('worker-process.js', import.meta.url), [], {
      serialization: 'advanced',
      execArgv: [...process.execArgv, ...workerFlags],
      env: workerEnvironment(process.env),
      // Anything a process prints goes to the run's standard error, never
      // its standard output.
      stdio: ['ignore', 2, 2, 'ipc']
    })
    const slot: Slot = {child, running: new Map()}
    child.on('message', (message: {id: number; result?: unknown; error?: string}) => {
      const pending = slot.running.get(message.id)
      if (!pending) return
      slot.running.delete(message.id)
      if (message.error === undefined) pending.resolve(message.result)
      else pending.reject(new Error(message.error))
      this.#dispatch()
    })
    child.on('exit', (code, signal) => {
      if (this.#closed && slot.running.size === 0) return
      // A process that dies (killed, out of memory) fails the tasks it held;
      // a new one takes its place for the rest.
      const error = new Error('Worker process exited (' + (signal ?? 'code ' + code) + ') while processing the document')
      for (const pending of slot.running.values()) pending.reject(error)
      slot.running.clear()
      if (!this.#closed) {
        this.#slots[this.#slots.indexOf(slot)] = this.#start()
        this.#dispatch()
      }
    })
    return slot
  }

  /**
   * Send waiting tasks to the least busy processes.
   *
   * @returns
   *   Nothing.
   */
  #dispatch(): void {
    while (this.#waiting.length > 0) {
      let best: Slot | undefined
      for (const slot of this.#slots) {
        // A process whose channel closed is dying: its `exit` starts the one that takes its place.
        if (slot.child.connected && slot.running.size < tasksPerProcess && (!best || slot.running.size < best.running.size)) best = slot
      }
      if (!best) return
      const pending = this.#waiting.shift() as PendingTask
      best.running.set(pending.id, pending)
      // A send can still fail (`EPIPE`) when the process dies meanwhile; its
      // `exit` then fails the task like the others it held, so the error is
      // taken here rather than thrown as an uncaught `error` event.
      best.child.send({id: pending.id, task: pending.task}, () => {})
    }
  }
}
