/**
 * The BullMQ engine: documents become jobs on Redis that `newsdrop worker`
 * processes on any machine, and the run that enqueued them takes the corpus
 * phase when they are done.
 *
 * A run sends its documents in batches; each batch is one BullMQ flow (so
 * the run holds the bytes and results of a few batches at a time, not of
 * the drop). Each document is a child job on the shared
 * `newsdrop-documents` queue (retried up to `attempts` times; a worker that
 * dies mid-job leaves a stalled job that another worker takes again). The
 * parent job, on a queue of the run's own, becomes ready once every child has
 * completed or finally failed; the enqueuing process takes it, reads the
 * children's results and goes on exactly as an embedded run does (the corpus
 * steps and the writing run once every batch is in), so the datasets are the
 * same bytes.
 */
import {randomUUID} from 'node:crypto'
import type {ConnectionOptions, Job, Worker} from 'bullmq'
import {UsageError} from './inputs.js'
import type {DocumentResult, DocumentTask} from './worker.js'

/** Queue every `newsdrop worker` takes documents from. */
export const documentQueueName = 'newsdrop-documents'

/** Settings of the queue engine. */
export interface QueueSettings {
  /** Redis URL, `redis://[user:password@]host:port[/db]`. */
  readonly redis: string
  /** Tries per document before it is rejected (default: `3`). */
  readonly attempts?: number | undefined
}

/** Result of one document job: the worker's answer, or the error of its last try. */
export type JobOutcome = DocumentResult | {readonly failed: string}

/**
 * Parse a Redis URL into BullMQ connection options.
 *
 * @param url
 *   Redis URL.
 * @returns
 *   Connection options.
 */
export function redisConnection(url: string): ConnectionOptions {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UsageError('Expected `--redis` to be a URL such as `redis://127.0.0.1:6379`, got `' + url + '`')
  }
  if (parsed.protocol !== 'redis:') {
    throw new UsageError('Expected `--redis` to start with `redis://`, got `' + url + '`')
  }
  return {
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || 6379),
    db: Number(parsed.pathname.slice(1) || 0),
    ...(parsed.username ? {username: decodeURIComponent(parsed.username)} : {}),
    ...(parsed.password ? {password: decodeURIComponent(parsed.password)} : {}),
    // Workers block on Redis; BullMQ requires unlimited retries for them.
    maxRetriesPerRequest: null
  }
}

/**
 * Run tasks as the children of one flow and wait for all of them.
 *
 * @param tasks
 *   Documents to process (with their bytes).
 * @param settings
 *   Queue settings.
 * @returns
 *   One outcome per task, in task order.
 */
export async function runOnQueue(tasks: readonly DocumentTask[], settings: QueueSettings): Promise<JobOutcome[]> {
  const connection = redisConnection(settings.redis)
  const attempts = settings.attempts ?? 3
  const runId = randomUUID()
  const corpusQueueName = 'newsdrop-corpus-' + runId
  // Loaded when used: an embedded run does not pay for BullMQ and its Redis client.
  const {FlowProducer, Worker} = await import('bullmq')
  const flow = new FlowProducer({connection})
  let collector: Worker | undefined
  try {
    const children = new Promise<{values: Record<string, DocumentResult>; failures: Record<string, string>}>((resolve, reject) => {
      collector = new Worker(
        corpusQueueName,
        async (job: Job) => {
          const values = await job.getChildrenValues<DocumentResult>()
          const failures = await job.getIgnoredChildrenFailures()
          resolve({values, failures})
        },
        {connection}
      )
      collector.on('error', reject)
    })
    await flow.add({
      name: 'corpus',
      queueName: corpusQueueName,
      data: {documents: tasks.length},
      opts: {jobId: runId, removeOnComplete: true, removeOnFail: true},
      children: tasks.map((task, index) => ({
        name: 'document',
        queueName: documentQueueName,
        data: task,
        opts: {
          jobId: runId + '-' + index,
          attempts,
          backoff: {type: 'exponential', delay: 500},
          // A document that fails every try is reported, not the whole run.
          ignoreDependencyOnFailure: true,
          removeOnComplete: {age: 3600},
          removeOnFail: {age: 86_400}
        }
      }))
    })
    const {values, failures} = await children
    return tasks.map(function (_, index) {
      const key = 'bull:' + documentQueueName + ':' + runId + '-' + index
      const value = values[key]
      if (value) return value
      return {failed: failures[key] ?? 'The job ended without a result'}
    })
  } finally {
    await collector?.close()
    await flow.close()
  }
}

/** Documents in one flow at most. */
const batchSize = 200

/** Milliseconds a batch waits for more documents before it is sent. */
const batchDelay = 20

/** Sends documents to the queue in batches of flows as a run hands them over. */
export class QueueBatcher {
  readonly #settings: QueueSettings
  #batch: Array<{task: DocumentTask; resolve(outcome: JobOutcome): void; reject(error: Error): void}> = []
  #timer: NodeJS.Timeout | undefined

  /**
   * @param settings
   *   Queue settings.
   */
  constructor(settings: QueueSettings) {
    this.#settings = settings
  }

  /**
   * Process one document on the queue.
   *
   * @param task
   *   Document (with its bytes).
   * @returns
   *   Its outcome.
   */
  run(task: DocumentTask): Promise<JobOutcome> {
    return new Promise((resolve, reject) => {
      this.#batch.push({task, resolve, reject})
      if (this.#batch.length >= batchSize) this.#send()
      else this.#timer ??= setTimeout(() => this.#send(), batchDelay)
    })
  }

  /**
   * Send the waiting documents as one flow.
   *
   * @returns
   *   Nothing.
   */
  #send(): void {
    clearTimeout(this.#timer)
    this.#timer = undefined
    const batch = this.#batch
    this.#batch = []
    runOnQueue(
      batch.map((entry) => entry.task),
      this.#settings
    ).then(
      (outcomes) => {
        for (const [index, entry] of batch.entries()) entry.resolve(outcomes[index] as JobOutcome)
      },
      (error: unknown) => {
        for (const entry of batch) entry.reject(error as Error)
      }
    )
  }
}

/** Settings of a `newsdrop worker` process. */
export interface WorkerSettings {
  /** Redis URL. */
  readonly redis: string
  /** Jobs processed at once (default: `1`; run one process per core). */
  readonly concurrency?: number | undefined
  /** Seconds a job's lock lasts; a worker silent for longer is taken as dead and its job retried (default: `30`). */
  readonly stallSeconds?: number | undefined
}

/**
 * Start a worker that processes document jobs until it is closed.
 *
 * @param settings
 *   Worker settings.
 * @returns
 *   The BullMQ worker (call `close()` to stop it).
 */
export async function startWorker(settings: WorkerSettings): Promise<Worker<DocumentTask, DocumentResult>> {
  const {Worker} = await import('bullmq')
  const lock = (settings.stallSeconds ?? 30) * 1000
  return new Worker<DocumentTask, DocumentResult>(
    documentQueueName,
    async function (job) {
      const {default: handleTask} = await import('./worker.js')
      const result = await handleTask(job.data)
      // A crash is worth another try; a rejected document is a result.
      if ('reject' in result && result.reject.reason === 'internal-error') throw new Error(result.reject.detail)
      return result
    },
    {connection: redisConnection(settings.redis), concurrency: settings.concurrency ?? 1, lockDuration: lock, stalledInterval: lock, maxStalledCount: 2}
  )
}
