/**
 * The imperative shell: read a drop, run every document through the
 * stages, write the datasets. All of newsdrop's I/O happens here and in the
 * modules it calls (`inputs.ts`, `write.ts`).
 */
import {createHash} from 'node:crypto'
import {readFile, realpath, rm, stat} from 'node:fs/promises'
import path from 'node:path'
import PQueue from 'p-queue'
import {VFile} from 'vfile'
import {findInputs, UsageError, type InputDocument, type Reject} from './inputs.js'
import {attachDuplicates, attachLineCounts, ownLineCounts, attachStories, corpusRows} from './corpus.js'
import {readDuplicateIndex, writeDuplicateIndex} from './duplicate-index.js'
import {createProcessors, processDocument, stageNames, type PipelineOptions, type Processor} from './processor.js'
import {availableParallelism} from 'node:os'
import {Piscina} from 'piscina'
import {cacheKey, codeFingerprint, restoreCached, restoreDocument, storeCached} from './cache.js'
import {compareText} from './record.js'
import {redisConnection, runOnQueue, type JobOutcome} from './queue.js'
import type {WorkerResult, WorkerTask} from './worker.js'
import {dataPackage} from './datapackage.js'
import {reportHtml} from './report-html.js'
import {documentObject, documentRows, type DocumentObject} from './rows.js'
import {schemaVersion, tables, type Row, type TableName} from './tables.js'
import {createStaging, publish, toCsv, toJsonLines, toParquet, writeStaged} from './write.js'
import {version} from './version.js'
import {duplicateSettings, type Options as DuplicateOptions} from '../stages/near-duplicates.js'
import {storySettings, type Options as StoryOptions} from '../stages/stories.js'
import './document.js'

/** Settings of one run. */
export interface RunSettings {
  /** Folder holding the drop(s). */
  readonly input: string
  /** Folder the datasets are published to. */
  readonly output: string
  /** Documents read and processed at once (default: `4`). */
  readonly concurrency?: number | undefined
  /** Largest input file in bytes; larger ones are rejected (default: 10 MB). */
  readonly maximumBytes?: number | undefined
  /** Stage options. */
  readonly pipeline?: PipelineOptions | undefined
  /** Called with one line per problem (default: write to stderr). */
  readonly warn?: ((line: string) => void) | undefined
  /** Folder of the state kept between runs, such as the duplicate index (default: `state` beside the output folder). */
  readonly state?: string | undefined
  /** Options of the duplicate search across documents and runs. */
  readonly duplicates?: DuplicateOptions | undefined
  /** Options of story grouping. */
  readonly stories?: StoryOptions | undefined
  /** Start CSV files with a UTF-8 byte order mark for Excel (default: `true`). */
  readonly byteOrderMark?: boolean | undefined
  /** Most rejected inputs before the run fails its quality gate and publishes nothing (default: no limit). */
  readonly maximumRejects?: number | undefined
  /** `embedded` runs the stages in this process (and its threads); `bullmq` sends documents to `newsdrop worker` processes through Redis (default: `embedded`). */
  readonly engine?: 'embedded' | 'bullmq' | undefined
  /** Redis URL for the `bullmq` engine. */
  readonly redis?: string | undefined
  /** Worker threads for the stages (default: every core when at least 200 documents need processing, else none). */
  readonly workers?: number | undefined
  /** Reuse per-document results of earlier runs kept in the state folder (default: `true`). */
  readonly cache?: boolean | undefined
  /** Called as documents finish: (done, total) (default: nothing). */
  readonly progress?: ((done: number, total: number) => void) | undefined
}

/** A run whose quality gate failed: nothing was published (exit code 3). */
export class QualityGateError extends Error {
  override name = 'QualityGateError'
}

/** What a run did, as written to `run.json`. */
export interface RunReport {
  /** `published`, or `unchanged` when the inputs, code and options were those of the current output. */
  readonly status: 'published' | 'unchanged'
  readonly newsdrop_version: string
  readonly schema_version: string
  readonly node_version: string
  readonly input: string
  readonly documents: number
  /** Documents whose main-phase result came from the cache. */
  readonly cached: number
  readonly rejects: number
  readonly rows: Record<string, number>
  readonly bytes: number
  readonly seconds: number
  readonly stage_milliseconds: Record<string, number>
  /** Wall-clock milliseconds of each step: reading, the clean phase, the stages (with the cache), the corpus steps, writing. */
  readonly step_milliseconds: Record<string, number>
  /** Audited changes to the text per stage. */
  readonly edits_per_stage: Record<string, number>
  /** Digest of the stage and output options. */
  readonly options_sha256: string
  /** Digest of the code, options and every input's content and metadata. */
  readonly input_fingerprint: string
  /** Rejected inputs, sorted by path. */
  readonly rejected: ReadonlyArray<{sourcePath: string; reason: string; detail: string}>
}

/** The project folder (compiled code runs from `dist/pipeline/`). */
const projectRoot = path.resolve(import.meta.dirname, '../..')

/** Fewest documents to process for which worker threads pay off by default. */
const minimumForWorkers = 200

/** Default largest input file: 10 MB. */
export const defaultMaximumBytes = 10 * 1024 * 1024

/**
 * Process the drop in `settings.input` and publish datasets to `settings.output`.
 *
 * @param settings
 *   Run settings.
 * @returns
 *   The run report.
 */
export async function run(settings: RunSettings): Promise<RunReport> {
  const started = performance.now()
  const concurrency = settings.concurrency ?? 4
  const maximumBytes = settings.maximumBytes ?? defaultMaximumBytes
  const warn = settings.warn ?? ((line: string) => process.stderr.write('newsdrop: ' + line + '\n'))
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new UsageError('Expected `--concurrency` to be a positive integer, got `' + concurrency + '`')
  }
  if (!Number.isInteger(maximumBytes) || maximumBytes < 1) {
    throw new UsageError('Expected `--max-bytes` to be a positive integer, got `' + maximumBytes + '`')
  }
  if (settings.engine === 'bullmq') redisConnection(settings.redis ?? '')
  else if (settings.engine !== undefined && settings.engine !== 'embedded') {
    throw new UsageError('Expected `--engine` to be `embedded` or `bullmq`, got `' + settings.engine + '`')
  }
  const input = path.resolve(settings.input)
  const output = path.resolve(settings.output)
  await checkFolders(input, output)
  const state = path.resolve(settings.state ?? path.join(path.dirname(output), 'state'))
  if (state === input || state.startsWith(input + path.sep)) {
    throw new UsageError('Expected state `' + state + '` outside input `' + input + '` (newsdrop never writes into the input)')
  }
  const stories = storySettings(settings.stories)
  // Building the processor validates every stage option before any read.
  const processors = createProcessors(settings.pipeline)
  const duplicateIndex = await readDuplicateIndex(state, duplicateSettings(settings.duplicates))
  const inputs = await findInputs(input)
  for (const line of inputs.warnings) warn('warning: ' + line)

  const rejects: Reject[] = [...inputs.rejects]
  const cleaned: VFile[] = []
  const files: VFile[] = []
  let bytes = 0
  const queue = new PQueue({concurrency})
  const read: VFile[] = []
  const steps: Record<string, number> = {}
  let stepStarted = performance.now()
  const endStep = (name: string) => {
    steps[name] = round(performance.now() - stepStarted)
    stepStarted = performance.now()
  }
  await queue.addAll(
    inputs.documents.map((document) => async () => {
      const file = await readDocument(document, maximumBytes, rejects)
      if (!file) return
      bytes += file.data.bytes ?? 0
      read.push(file)
    })
  )

  // Everything a run's result depends on is known once the bytes are read:
  // an unchanged drop stops here, before any stage runs.
  const context = createHash('sha256')
    .update(version + '\0' + (await codeFingerprint(projectRoot)) + '\0' + JSON.stringify(settings.pipeline ?? {}))
    .digest('hex')
  const fingerprint = inputFingerprint(context, read, rejects, settings)
  endStep('read')
  const useCache = settings.cache ?? true
  const previous = useCache ? await readPreviousReport(output) : undefined
  if (previous?.input_fingerprint === fingerprint) {
    return {...previous, status: 'unchanged', seconds: round((performance.now() - started) / 1000)}
  }

  await queue.addAll(
    read.map((file) => async () => {
      if (await runPhase(processors.clean, file, rejects)) cleaned.push(file)
    })
  )
  attachLineCounts(cleaned)
  endStep('clean')

  let done = 0
  let cached = 0
  const keys = new Map(cleaned.map((file) => [file, cacheKey(file, context)]))
  const fresh: VFile[] = []
  for (const file of cleaned) {
    if (useCache && (await restoreCached(state, keys.get(file) as string, file))) {
      cached++
      files.push(file)
      settings.progress?.(++done, cleaned.length)
    } else {
      fresh.push(file)
    }
  }
  const keep = async (file: VFile) => {
    files.push(file)
    await storeCached(state, keys.get(file) as string, file)
  }
  if (settings.engine === 'bullmq') {
    const tasks = await Promise.all(fresh.map(async (file) => ({...workerTask(file), bytes: (await readFile(file.data.absolutePath ?? '')).toString('base64'), pipeline: settings.pipeline})))
    const outcomes = await runOnQueue(tasks, {redis: settings.redis ?? '', progress: (finished) => settings.progress?.(done + finished, cleaned.length)})
    for (const [index, file] of fresh.entries()) {
      const outcome = outcomes[index] as JobOutcome
      if ('failed' in outcome) {
        rejects.push({sourcePath: file.data.sourcePath ?? file.path, reason: 'failed', detail: 'Failed three times: ' + outcome.failed})
      } else if (takeResult(file, outcome, rejects)) {
        await keep(file)
      }
    }
  } else {
    const workers = settings.workers ?? (fresh.length >= minimumForWorkers ? availableParallelism() : 1)
    const pool = workers > 1 ? createPool(workers, settings.pipeline) : undefined
    try {
      const mainQueue = new PQueue({concurrency: Math.max(concurrency, workers * 2)})
      await mainQueue.addAll(
        fresh.map((file) => async () => {
          const kept = pool ? takeResult(file, await pool.run(workerTask(file)), rejects) : await runPhase(processors.main, file, rejects)
          if (kept) await keep(file)
          settings.progress?.(++done, cleaned.length)
        })
      )
    } finally {
      await pool?.destroy()
    }
  }
  endStep('stages')

  files.sort((left, right) => compareText(left.data.docId ?? '', right.data.docId ?? ''))
  rejects.sort((left, right) => compareText(left.sourcePath, right.sourcePath))
  for (const reject of rejects) warn('rejected ' + reject.sourcePath + ': ' + reject.reason + ': ' + reject.detail)
  for (const file of files) {
    for (const message of file.messages) {
      if (message.ruleId === 'legacy-encoding') warn('warning: ' + file.data.sourcePath + ': ' + message.reason)
    }
  }

  const timeStep = <Result>(name: string, action: () => Result): Result => {
    const start = performance.now()
    const result = action()
    steps[name] = round(performance.now() - start)
    return result
  }
  timeStep('duplicates', () => attachDuplicates(files, duplicateIndex))
  timeStep('stories', () => attachStories(files, stories))
  // Built once: the documents table and documents.jsonl share them.
  const objects = timeStep('objects', () => files.map((file) => documentObject(file)))
  const rows = timeStep('rows', () => {
    const all = collectRows(files, objects, rejects)
    for (const [name, tableRows] of Object.entries(corpusRows(files)) as Array<[TableName, Row[]]>) {
      all[name] = [...(all[name] ?? []), ...tableRows]
    }
    return all
  })
  const writeStarted = performance.now()
  const staging = await createStaging(output)
  const counts: Record<string, number> = {}
  await writeStaged(staging, 'documents.jsonl', toJsonLines(objects))
  counts['documents.jsonl'] = files.length
  for (const name of Object.keys(tables) as TableName[]) {
    const table = tables[name]
    const tableRows = rows[name] ?? []
    counts[table.file] = tableRows.length
    await writeStaged(staging, table.file, toCsv(table, tableRows, {byteOrderMark: settings.byteOrderMark}))
    await writeStaged(staging, table.file.replace(/\.csv$/, '.parquet'), toParquet(table, tableRows))
  }
  steps.write = round(performance.now() - writeStarted)

  const report: RunReport = {
    status: 'published',
    newsdrop_version: version,
    schema_version: schemaVersion,
    node_version: process.version,
    input: settings.input,
    documents: files.length,
    cached,
    rejects: rejects.length,
    rows: counts,
    bytes,
    seconds: round((performance.now() - started) / 1000),
    stage_milliseconds: stageTimings(files),
    step_milliseconds: steps,
    edits_per_stage: editsPerStage(files),
    options_sha256: createHash('sha256').update(JSON.stringify([settings.pipeline ?? {}, settings.byteOrderMark ?? true])).digest('hex'),
    input_fingerprint: fingerprint,
    rejected: rejects
  }
  await writeStaged(staging, 'datapackage.json', JSON.stringify(dataPackage({byteOrderMark: settings.byteOrderMark ?? true}), null, 2) + '\n')
  await writeStaged(staging, 'run.json', JSON.stringify(report, null, 2) + '\n')
  await writeStaged(staging, 'report.html', reportHtml(report, rows))
  if (settings.maximumRejects !== undefined && rejects.length > settings.maximumRejects) {
    await rm(staging, {recursive: true, force: true})
    throw new QualityGateError(
      'Unexpected ' + rejects.length + ' rejected inputs, expected at most ' + settings.maximumRejects +
        ' (`--max-rejects`); the previous output is left in place'
    )
  }
  await publish(staging, output)
  // Only after the outputs are published, so a failed run leaves the index as it was.
  await writeDuplicateIndex(state, duplicateIndex)
  return report
}

/**
 * Digest of everything a run's output depends on: code, version and stage
 * options (`context`), output settings, and every input's path, content and
 * metadata, and the rejects.
 *
 * @param context
 *   Digest of code, version and options.
 * @param files
 *   Documents as read (bytes and metadata).
 * @param rejects
 *   Inputs rejected while reading.
 * @param settings
 *   Run settings.
 * @returns
 *   Hex digest.
 */
function inputFingerprint(context: string, files: readonly VFile[], rejects: readonly Reject[], settings: RunSettings): string {
  const hash = createHash('sha256').update(context + '\0' + JSON.stringify([settings.byteOrderMark ?? true, settings.input]))
  const documents = files.map((file) => [file.data.sourcePath, file.data.sha256, file.data.metadata ?? {}] as const)
  documents.sort((left, right) => compareText(left[0] ?? '', right[0] ?? ''))
  hash.update(JSON.stringify(documents))
  hash.update(JSON.stringify([...rejects].sort((left, right) => compareText(left.sourcePath, right.sourcePath))))
  return hash.digest('hex')
}

/**
 * The report of the current output, if there is one.
 *
 * @param output
 *   Output folder.
 * @returns
 *   Report, or `undefined`.
 */
async function readPreviousReport(output: string): Promise<RunReport | undefined> {
  try {
    return JSON.parse(await readFile(path.join(output, 'run.json'), 'utf8')) as RunReport
  } catch {
    return undefined
  }
}

/**
 * Start a pool of worker threads that run the pipeline.
 *
 * @param workers
 *   Threads.
 * @param pipeline
 *   Stage options (each thread builds its processors with them).
 * @returns
 *   Pool.
 */
function createPool(workers: number, pipeline: PipelineOptions | undefined): Piscina<WorkerTask, WorkerResult> {
  return new Piscina<WorkerTask, WorkerResult>({
    filename: new URL('worker.js', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    // Tasks await file reads; a thread that waits for work with
    // `Atomics.wait` ('sync', the default) ran them 15 % slower here.
    atomics: 'async',
    workerData: {pipeline}
  })
}

/**
 * The task that makes a worker process a clean document.
 *
 * @param file
 *   Clean document with `dropLineCounts`.
 * @returns
 *   Task (the worker reads the file again: cheaper than sending the clean state).
 */
function workerTask(file: VFile): WorkerTask {
  return {
    absolutePath: file.data.absolutePath ?? '',
    docId: file.data.docId ?? file.path,
    sourcePath: file.data.sourcePath ?? file.path,
    sha256: file.data.sha256 ?? '',
    metadata: file.data.metadata ?? {},
    lineCounts: ownLineCounts(file)
  }
}

/**
 * Take a worker's result into the document; a rejected document becomes a
 * reject.
 *
 * @param file
 *   Clean document.
 * @param result
 *   Worker result.
 * @param rejects
 *   List to add a reject to.
 * @returns
 *   Whether the document goes on.
 */
function takeResult(file: VFile, result: WorkerResult, rejects: Reject[]): boolean {
  if ('reject' in result) {
    rejects.push({sourcePath: file.data.sourcePath ?? file.path, ...result.reject})
    return false
  }
  const timings = file.data.timings ?? {}
  restoreDocument(file, result.snapshot)
  for (const [name, milliseconds] of Object.entries(result.timings)) timings[name] = (timings[name] ?? 0) + milliseconds
  file.data.timings = timings
  return true
}

/**
 * Run one phase on a document; a rejected document becomes a reject.
 *
 * @param processor
 *   Frozen processor of the phase.
 * @param file
 *   Document.
 * @param rejects
 *   List to add a reject to.
 * @returns
 *   Whether the document goes on.
 */
async function runPhase(processor: Processor, file: VFile, rejects: Reject[]): Promise<boolean> {
  const sourcePath = file.data.sourcePath ?? file.path
  try {
    await processDocument(processor, file)
  } catch (error) {
    const detail = String((error as Error).stack ?? error).split('\n')[0] ?? ''
    rejects.push({sourcePath, reason: 'internal-error', detail})
    return false
  }
  const fatal = file.messages.find((message) => message.fatal)
  if (fatal) {
    rejects.push({sourcePath, reason: fatal.ruleId ?? 'rejected', detail: fatal.reason})
    return false
  }
  return true
}

/**
 * Read one input into a document, or add a reject.
 *
 * @param document
 *   Input document.
 * @param maximumBytes
 *   Size limit.
 * @param rejects
 *   List to add a reject to.
 * @returns
 *   A file whose value holds the raw bytes, or `undefined`.
 */
async function readDocument(document: InputDocument, maximumBytes: number, rejects: Reject[]): Promise<VFile | undefined> {
  let bytes: Buffer
  try {
    const stats = await stat(document.absolutePath)
    if (!stats.isFile()) throw Object.assign(new Error('not a regular file'), {code: 'ENOTFILE'})
    if (stats.size > maximumBytes) {
      rejects.push({
        sourcePath: document.sourcePath,
        reason: 'too-large',
        detail: 'Unexpected file of ' + stats.size + ' bytes, expected at most ' + maximumBytes + ' (`--max-bytes`)'
      })
      return undefined
    }
    bytes = await readFile(document.absolutePath)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO'
    rejects.push({sourcePath: document.sourcePath, reason: 'unreadable', detail: 'Cannot read the file (' + code + ')'})
    return undefined
  }
  return new VFile({
    path: document.sourcePath,
    value: bytes,
    data: {
      docId: document.docId,
      sourcePath: document.sourcePath,
      absolutePath: document.absolutePath,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.byteLength,
      metadata: document.metadata
    }
  })
}

/**
 * Rows of every table for the whole run.
 *
 * @param files
 *   Processed documents, sorted by id.
 * @param objects
 *   Their `documents.jsonl` objects, in the same order.
 * @param rejects
 *   Rejected inputs, sorted by path.
 * @returns
 *   Rows by table.
 */
function collectRows(files: readonly VFile[], objects: readonly DocumentObject[], rejects: readonly Reject[]): Partial<Record<TableName, Row[]>> {
  const rows: Partial<Record<TableName, Row[]>> = {}
  for (const [index, file] of files.entries()) {
    for (const [name, tableRows] of Object.entries(documentRows(file, objects[index])) as Array<[TableName, Row[]]>) {
      const list = rows[name] ?? (rows[name] = [])
      for (const row of tableRows) list.push(row)
    }
  }
  rows.rejects = rejects.map((reject) => ({source_path: reject.sourcePath, reason: reject.reason, detail: reject.detail}))
  return rows
}

/**
 * Fail with a usage error when the input folder is missing or the output
 * folder would overwrite it.
 *
 * @param input
 *   Absolute input folder.
 * @param output
 *   Absolute output folder.
 * @returns
 *   Nothing.
 */
async function checkFolders(input: string, output: string): Promise<void> {
  try {
    if (!(await stat(input)).isDirectory()) throw new UsageError('Expected input `' + input + '` to be a folder')
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw new UsageError('Cannot find input folder `' + input + '`')
  }
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep)
  const real = await realpath(output).catch(() => output)
  if (inside(output, input) || inside(input, output) || inside(real, input)) {
    throw new UsageError('Expected output `' + output + '` outside input `' + input + '` (newsdrop never writes into the input)')
  }
}

/**
 * Total milliseconds per stage over all documents.
 *
 * @param files
 *   Processed documents.
 * @returns
 *   Milliseconds by stage name, in pipeline order.
 */
function stageTimings(files: readonly VFile[]): Record<string, number> {
  const totals: Record<string, number> = {}
  for (const name of stageNames) totals[name] = 0
  for (const file of files) {
    for (const [name, milliseconds] of Object.entries(file.data.timings ?? {})) {
      totals[name] = (totals[name] ?? 0) + milliseconds
    }
  }
  for (const name of Object.keys(totals)) totals[name] = round(totals[name] as number)
  return totals
}

/**
 * Audited edits per stage over all documents, in pipeline order.
 *
 * @param files
 *   Processed documents.
 * @returns
 *   Edit counts by stage name.
 */
function editsPerStage(files: readonly VFile[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const name of stageNames) counts[name] = 0
  for (const file of files) {
    for (const edit of file.data.edits ?? []) counts[edit.stage] = (counts[edit.stage] ?? 0) + 1
  }
  return counts
}

/**
 * Round to three decimals.
 *
 * @param value
 *   Number.
 * @returns
 *   Rounded number.
 */
function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
