/**
 * The per-document work of a run, done wherever there is a core: in the run's
 * own process, in a worker process of the one-machine pool
 * (`process-pool.ts`), or in a `newsdrop worker` process fed by BullMQ. Every
 * task is plain data in and plain data out, so the datasets are the same
 * bytes whichever engine ran, and a document's answer is what the cache keeps.
 *
 * Tasks:
 * - `check`: build the processors for the run's stage options (a bad option
 *   fails the run before any document);
 * - `scan`: the clean phase, answered with the hashes of the document's lines
 *   (the run counts them across the drop);
 * - `document`: both phases, answered with the document's output rows and the
 *   compact summary the corpus steps need (duplicate signature, story terms,
 *   entities), never the document itself;
 * - `write`: one output table from the rows the run collected.
 */
import {hash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {VFile} from 'vfile'
import {serialiseSummary, summariseDocument} from './document-summary.js'
import {createProcessors, processDocument, type PipelineOptions} from './processor.js'
import {decoded} from './record.js'
import {distinctLineKeys, lineHash} from './corpus.js'
import {writeTable, type WriteTableTask} from './write.js'
import {duplicateSettings, type Options as DuplicateOptions} from '../stages/near-duplicates.js'
import './document.js'

/** A document as the run found it. */
export interface DocumentInput {
  /** Path of the file to read (a worker on the same machine)… */
  readonly absolutePath?: string | undefined
  /** …or its raw bytes in base64 (a worker on another machine). */
  readonly bytes?: string | undefined
  readonly docId: string
  readonly sourcePath: string
  readonly sha256: string
  readonly metadata: Readonly<Record<string, string>>
  /** Stage options. */
  readonly pipeline?: PipelineOptions | undefined
}

/** Run the clean phase and hash the document's lines. */
export interface ScanTask extends DocumentInput {
  readonly kind: 'scan'
}

/** Run both phases and summarise the document. */
export interface DocumentTask extends DocumentInput {
  readonly kind: 'document'
  /** Documents in the drop holding each of the document's distinct lines, in the order `scan` hashed them. */
  readonly lineCounts: readonly number[]
  /** Documents in the drop after the clean phase. */
  readonly dropSize: number
  /** Options of the duplicate signature. */
  readonly duplicates?: DuplicateOptions | undefined
}

/** Several documents at once: one message to a worker process and back instead of one per document. */
export interface BatchTask {
  readonly kind: 'batch'
  readonly tasks: ReadonlyArray<ScanTask | DocumentTask>
}

/** Check the stage options: build the processors, as every later task in the process will. */
export interface CheckTask {
  readonly kind: 'check'
  readonly pipeline?: PipelineOptions | undefined
}

/** Any task. */
export type WorkerTask = ScanTask | DocumentTask | BatchTask | WriteTableTask | CheckTask

/** Why a document was rejected. */
export interface Rejection {
  readonly reject: {readonly reason: string; readonly detail: string}
}

/** Answer to a `scan` task: the hash of each distinct non-empty line, in order of first occurrence. */
export type ScanResult = {readonly lines: readonly number[]} | Rejection

/**
 * Answer to a `document` task: the summary as text (`serialiseSummary`).
 * Serialised once, in the worker: the run parses it and keeps the same text
 * as its cache entry.
 */
export type DocumentResult = {readonly summary: string} | Rejection

/** Answer to a `write` task: rows written. */
export interface WriteResult {
  readonly rows: number
}

/** Answer to a `check` task: why the options are wrong, if they are. */
export interface CheckResult {
  readonly error?: string | undefined
}

/** The answer type of each task kind. */
export interface TaskResults {
  check: CheckResult
  scan: ScanResult
  document: DocumentResult
  batch: Array<ScanResult | DocumentResult>
  write: WriteResult
}

/** Processors by their options, built once per process. */
const processorsByOptions = new Map<string, ReturnType<typeof createProcessors>>()

/**
 * Do one task.
 *
 * @param task
 *   Task.
 * @returns
 *   Its answer.
 */
export default async function handleTask<Task extends WorkerTask>(task: Task): Promise<TaskResults[Task['kind']]> {
  switch (task.kind) {
    case 'scan':
      return (await scanDocument(task)) as TaskResults[Task['kind']]
    case 'document':
      return (await processDocumentTask(task)) as TaskResults[Task['kind']]
    case 'batch': {
      const results: Array<ScanResult | DocumentResult> = []
      for (const each of task.tasks) results.push(each.kind === 'scan' ? await scanDocument(each) : await processDocumentTask(each))
      return results as TaskResults[Task['kind']]
    }
    case 'write':
      return (await writeTable(task)) as TaskResults[Task['kind']]
    case 'check':
      return checkOptions(task) as TaskResults[Task['kind']]
  }
  throw new Error('Unexpected task `' + (task as {kind: unknown}).kind + '`')
}

/**
 * Build the processors for a run's stage options.
 *
 * @param task
 *   Options.
 * @returns
 *   The error message of a bad option, if any.
 */
function checkOptions(task: CheckTask): CheckResult {
  try {
    processorsFor(task.pipeline)
    return {}
  } catch (error) {
    return {error: String((error as Error).message ?? error)}
  }
}

/**
 * Run the clean phase of a document and hash its lines.
 *
 * @param task
 *   Document.
 * @returns
 *   Line hashes, or a reject.
 */
async function scanDocument(task: ScanTask): Promise<ScanResult> {
  const clean = await cleanTask(task)
  if ('reject' in clean) return clean
  return {lines: distinctLineKeys(decoded(clean.file).text).map((key) => lineHash(key))}
}

/**
 * Run both phases of a document and summarise it.
 *
 * @param task
 *   Document and its line counts in the drop.
 * @returns
 *   Summary, or a reject.
 */
async function processDocumentTask(task: DocumentTask): Promise<DocumentResult> {
  const clean = await cleanTask(task)
  if ('reject' in clean) return clean
  const {file, processors} = clean
  const keys = distinctLineKeys(decoded(file).text)
  if (keys.length !== task.lineCounts.length) {
    return {reject: {reason: 'internal-error', detail: 'The clean phase gave ' + keys.length + ' lines, the scan ' + task.lineCounts.length}}
  }
  file.data.dropLineCounts = new Map(keys.map((key, index) => [key, task.lineCounts[index] as number]))
  file.data.dropSize = task.dropSize
  const rejection = await runPhase(processors.main, file)
  if (rejection) return rejection
  try {
    return {summary: serialiseSummary(summariseDocument(file, duplicateSettings(task.duplicates)))}
  } catch (error) {
    return {reject: {reason: 'internal-error', detail: firstLine(error)}}
  }
}

/**
 * Read a task's document and run the clean phase on it.
 *
 * @param task
 *   Document.
 * @returns
 *   Clean document and the processors for its options, or a reject.
 */
async function cleanTask(task: DocumentInput): Promise<{file: VFile; processors: ReturnType<typeof createProcessors>} | Rejection> {
  const read = readTask(task)
  if ('reject' in read) return read
  return (await runPhase(read.processors.clean, read.file)) ?? read
}

/**
 * Read a task's bytes into a document and check they are the bytes the run
 * hashed.
 *
 * @param task
 *   Document.
 * @returns
 *   Document and the processors for its options, or a reject.
 */
function readTask(task: DocumentInput): {file: VFile; processors: ReturnType<typeof createProcessors>} | Rejection {
  // Synchronously: a worker has nothing else to do meanwhile, and a small
  // file read this way skips four round trips through libuv's thread pool.
  const bytes = task.bytes === undefined ? readFileSync(task.absolutePath ?? '') : Buffer.from(task.bytes, 'base64')
  if (hash('sha256', bytes, 'hex') !== task.sha256) {
    return {reject: {reason: 'changed-during-run', detail: 'The file changed while the run read it; run again'}}
  }
  const file = new VFile({
    path: task.sourcePath,
    value: bytes,
    data: {docId: task.docId, sourcePath: task.sourcePath, sha256: task.sha256, bytes: bytes.byteLength, metadata: task.metadata}
  })
  return {file, processors: processorsFor(task.pipeline)}
}

/**
 * Run one phase on a document.
 *
 * @param processor
 *   Frozen processor of the phase.
 * @param file
 *   Document.
 * @returns
 *   A reject when a stage rejected the document or failed, else `undefined`.
 */
async function runPhase(processor: ReturnType<typeof createProcessors>['clean'], file: VFile): Promise<Rejection | undefined> {
  try {
    await processDocument(processor, file)
  } catch (error) {
    return {reject: {reason: 'internal-error', detail: firstLine(error)}}
  }
  const fatal = file.messages.find((message) => message.fatal)
  return fatal ? {reject: {reason: fatal.ruleId ?? 'rejected', detail: fatal.reason}} : undefined
}

/**
 * The first line of an error's stack (its name and message).
 *
 * @param error
 *   Error.
 * @returns
 *   Line.
 */
function firstLine(error: unknown): string {
  return String((error as Error).stack ?? error).split('\n')[0] ?? ''
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
