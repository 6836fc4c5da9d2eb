/**
 * Process one document off the main thread: in a worker thread of the
 * one-machine pool (this module is piscina's worker file) or in a
 * `newsdrop worker` process fed by BullMQ. Both run the same two phases and
 * answer with a snapshot, so the main process keeps the corpus-level steps
 * and all writing, and the datasets are the same whichever engine ran.
 */
import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import {workerData} from 'node:worker_threads'
import {VFile} from 'vfile'
import {snapshotDocument, type DocumentSnapshot} from './cache.js'
import {createProcessors, processDocument, type PipelineOptions} from './processor.js'
import './document.js'

/** A document to process. */
export interface WorkerTask {
  /** Path of the file to read (a thread on the same machine)… */
  readonly absolutePath?: string | undefined
  /** …or its raw bytes in base64 (a worker on another machine). */
  readonly bytes?: string | undefined
  readonly docId: string
  readonly sourcePath: string
  readonly sha256: string
  readonly metadata: Readonly<Record<string, string>>
  /** Document count of each of the document's own line keys in the drop. */
  readonly lineCounts: ReadonlyArray<readonly [string, number]>
  /** Stage options (default: the thread's `workerData.pipeline`). */
  readonly pipeline?: PipelineOptions | undefined
}

/** The processed document, or why it was rejected. */
export type WorkerResult =
  | {readonly snapshot: DocumentSnapshot; readonly timings: Record<string, number>}
  | {readonly reject: {readonly reason: string; readonly detail: string}}

/** Processors by their options, built once per thread or process. */
const processorsByOptions = new Map<string, ReturnType<typeof createProcessors>>()

/**
 * Process one document (the worker-thread entry point).
 *
 * @param task
 *   Document.
 * @returns
 *   Snapshot and stage timings, or a reject.
 */
export default async function processTask(task: WorkerTask): Promise<WorkerResult> {
  const bytes = task.bytes === undefined ? await readFile(task.absolutePath ?? '') : Buffer.from(task.bytes, 'base64')
  if (createHash('sha256').update(bytes).digest('hex') !== task.sha256) {
    return {reject: {reason: 'changed-during-run', detail: 'The file changed while the run read it; run again'}}
  }
  const processors = processorsFor(task.pipeline ?? (workerData as {pipeline?: PipelineOptions} | null)?.pipeline)
  const file = new VFile({
    path: task.sourcePath,
    value: bytes,
    data: {docId: task.docId, sourcePath: task.sourcePath, sha256: task.sha256, bytes: bytes.byteLength, metadata: task.metadata}
  })
  try {
    await processDocument(processors.clean, file)
    let fatal = file.messages.find((message) => message.fatal)
    if (!fatal) {
      file.data.dropLineCounts = new Map(task.lineCounts)
      await processDocument(processors.main, file)
      fatal = file.messages.find((message) => message.fatal)
    }
    if (fatal) return {reject: {reason: fatal.ruleId ?? 'rejected', detail: fatal.reason}}
  } catch (error) {
    return {reject: {reason: 'internal-error', detail: String((error as Error).stack ?? error).split('\n')[0] ?? ''}}
  }
  return {snapshot: snapshotDocument(file), timings: file.data.timings ?? {}}
}

/**
 * The frozen processors for some stage options.
 *
 * @param options
 *   Stage options.
 * @returns
 *   Processors of both phases.
 */
function processorsFor(options: PipelineOptions | undefined): ReturnType<typeof createProcessors> {
  const key = JSON.stringify(options ?? {})
  let processors = processorsByOptions.get(key)
  if (!processors) {
    processors = createProcessors(options)
    processorsByOptions.set(key, processors)
  }
  return processors
}
