/**
 * Worker thread: runs both phases of the pipeline on one document and
 * answers with a snapshot of the result, so CPU-bound stages use every core.
 * The main thread keeps the corpus-level steps and all writing.
 */
import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import {workerData} from 'node:worker_threads'
import {VFile} from 'vfile'
import {snapshotDocument, type DocumentSnapshot} from './cache.js'
import {createProcessors, processDocument, type PipelineOptions} from './processor.js'
import './document.js'

/** A document to process, as the main thread sends it. */
export interface WorkerTask {
  /** Path of the file to read. */
  readonly absolutePath: string
  readonly docId: string
  readonly sourcePath: string
  readonly sha256: string
  readonly metadata: Readonly<Record<string, string>>
  /** Document count of each of the document's own line keys in the drop. */
  readonly lineCounts: ReadonlyArray<readonly [string, number]>
}

/** The processed document, or why it was rejected. */
export type WorkerResult =
  | {readonly snapshot: DocumentSnapshot; readonly timings: Record<string, number>}
  | {readonly reject: {readonly reason: string; readonly detail: string}}

const processors = createProcessors((workerData as {pipeline?: PipelineOptions} | undefined)?.pipeline)

/**
 * Process one document in this thread.
 *
 * @param task
 *   Document.
 * @returns
 *   Snapshot and stage timings, or a reject.
 */
export default async function processInWorker(task: WorkerTask): Promise<WorkerResult> {
  const bytes = await readFile(task.absolutePath)
  if (createHash('sha256').update(bytes).digest('hex') !== task.sha256) {
    return {reject: {reason: 'changed-during-run', detail: 'The file changed while the run read it; run again'}}
  }
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
