/**
 * The imperative shell: read a drop, run every document through the
 * stages, write the datasets. All of newsdrop's I/O happens here and in the
 * modules it calls (`inputs.ts`, `write.ts`).
 */
import {createHash, hash} from 'node:crypto'
import {closeSync, openSync, readSync, statSync} from 'node:fs'
import {mkdir, readFile, realpath, rm, stat, writeFile} from 'node:fs/promises'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import PQueue from 'p-queue'
import {CacheReader, CacheWriter, cacheKey, codeFingerprint} from './cache.js'
import {duplicateRows, EntityIndex} from './corpus.js'
import {dataPackage} from './datapackage.js'
import {documentTables, parseSummary, rowLine} from './document-summary.js'
import {commitDuplicateIndex, discardDuplicateIndex, DropSignatures} from './duplicate-index.js'
import {findCopies} from './duplicate-search.js'
import {InputList, type ListedInput} from './input-list.js'
import {absolutePathOf, findInputs, UsageError, type InputDocument, type Reject} from './inputs.js'
import {LineCounts} from './line-counts.js'
import type {PipelineOptions} from './processor.js'
import {cpuSeconds, ProcessPool, type PoolUsage} from './process-pool.js'
import {QueueBatcher, redisConnection} from './queue.js'
import {ReadAhead} from './read-ahead.js'
import {compareText} from './record.js'
import {add, ChartCounts, entityLabel, ReportTally, reportHtml} from './report-html.js'
import {schemaVersion, tables, type Row, type TableName} from './tables.js'
import {version} from './version.js'
import {stageNames} from './stage-names.js'
import {StoryVectorFile} from './story-vectors.js'
import {readValues} from './typed-file.js'
import type {BatchTask, DocumentResult, DocumentTask, Rejection, ScanResult, ScanTask, TaskResults, WorkerTask} from './worker.js'
import {chunkedFile, createStaging, publish, readLines, writeStaged, type CorpusFields, type WriteTableTask} from './write.js'
import {duplicateSettings, type DuplicateResult, type Options as DuplicateOptions} from '../stages/near-duplicates.js'
import {
  linkStories,
  storyId,
  StoryTermIndex,
  storySettings,
  type Options as StoryOptions,
  type Settings as StorySettings,
  type StoryDocumentList,
  type StoryLinks
} from '../stages/stories.js'
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
  /** `embedded` runs the stages in this process (and its worker processes); `bullmq` sends documents to `newsdrop worker` processes through Redis (default: `embedded`). */
  readonly engine?: 'embedded' | 'bullmq' | undefined
  /** Redis URL for the `bullmq` engine. */
  readonly redis?: string | undefined
  /** Worker processes for the stages (default: one per core when the drop has at least 200 documents, else none: the run's own process does the work). */
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
  /** Peak resident memory in MB of the run's process and of its largest worker process (`0` without worker processes). */
  readonly peak_memory_mb: {readonly run: number; readonly worker: number}
  /** CPU seconds (user and system) of the run's process and of all its worker processes together. */
  readonly cpu_seconds: {readonly run: number; readonly workers: number}
  /** Digest of the stage and output options. */
  readonly options_sha256: string
  /** Digest of the code, options and every input's content and metadata. */
  readonly input_fingerprint: string
  /** Rejected inputs, sorted by path. */
  readonly rejected: ReadonlyArray<{sourcePath: string; reason: string; detail: string}>
}

/** The project folder (compiled code runs from `dist/pipeline/`). */
const projectRoot = path.resolve(import.meta.dirname, '../..')

/** Fewest documents to process for which worker processes pay off by default. */
const minimumForWorkers = 200

/** Batches of documents in flight per worker process while results are taken in `doc_id` order. */
const windowPerWorker = 4

/** Batches of documents in flight on the BullMQ engine (about three flows of 200 documents). */
const queueWindow = 40

/** A file of the write step: a table (CSV and Parquet) or `documents.jsonl`. */
type OutputTable = TableName | 'documents.jsonl'

/** Every file of the write step, in the order `run.json` counts their rows. */
const outputTables: readonly OutputTable[] = ['documents.jsonl', ...(Object.keys(tables) as TableName[])]

/** Files the corpus steps add to: each document's story and copy cluster, the copies; and the rejects, written with them. */
const afterCorpusSteps: ReadonlySet<OutputTable> = new Set<OutputTable>(['documents.jsonl', 'documents', 'duplicates', 'rejects'])

/** Default largest input file: 10 MB. */
export const defaultMaximumBytes = 10 * 1024 * 1024

/** A document's summary as text (`serialiseSummary`), with its cache key, or its reject. */
type Answer = {readonly summary: string; readonly key: string; readonly cached: boolean} | Rejection

/**
 * Process the drop in `settings.input` and publish datasets to `settings.output`.
 *
 * Documents stream through: each is read and hashed (its bytes dropped),
 * cleaned to count its lines across the drop, then processed by the workers
 * in `doc_id` order, its rows appended to files as it comes back. Its
 * duplicate signature and story terms go to files too, and the corpus steps
 * keep them there (band keys sorted on disk, signatures and story vectors
 * read back by row); what stays in memory through the stages is counted
 * across documents (the entities), not kept per document; the story terms
 * are counted in the stories step. The tables are then written from those
 * files by the workers, one table each.
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
  if (settings.workers !== undefined && !(Number.isInteger(settings.workers) && settings.workers >= 1)) {
    throw new UsageError('Expected `--workers` to be a positive integer, got `' + settings.workers + '`')
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
  const duplicates = duplicateSettings(settings.duplicates)
  const inputs = await findInputs(input)
  for (const line of inputs.warnings) warn('warning: ' + line)

  const rejects: Reject[] = [...inputs.rejects]
  const steps: Record<string, number> = {}
  let stepStarted = performance.now()
  const endStep = (name: string) => {
    steps[name] = round(performance.now() - stepStarted)
    stepStarted = performance.now()
  }

  const {documents} = inputs
  const workers = settings.engine === 'bullmq' ? 1 : (settings.workers ?? (documents.length >= minimumForWorkers ? availableParallelism() : 1))
  // Started before the reading, so that the processes load the stages and
  // the entity model (about half a second) while this one reads.
  const pool = workers > 1 ? new ProcessPool(workers) : undefined
  /** Stop the pool when a step before the main `try` fails, so no process is left behind. */
  const guarded = async <Value>(promise: Promise<Value>): Promise<Value> => {
    try {
      return await promise
    } catch (error) {
      pool?.kill()
      throw error
    }
  }
  // Synchronously: nothing else runs yet, and a small file read this way
  // skips four round trips through libuv's thread pool; files that come
  // from the disk are read ahead (see `read-ahead.ts`).
  const read = new InputList(input, documents.length)
  const scratch = {buffer: Buffer.allocUnsafe(1 << 16)}
  const ahead = new ReadAhead((position) => absolutePathOf(input, (documents[position] as InputDocument).sourcePath), documents.length)
  let bytes = 0
  for (const [position, document] of documents.entries()) {
    await ahead.before(position)
    const item = readInput(input, document, maximumBytes, rejects, scratch)
    if (item === undefined) continue
    read.add(document, item.sha256, item.bytes)
    bytes += item.bytes
  }
  // An async function keeps its locals until it returns: the list of
  // objects is emptied once the columns hold its documents.
  documents.length = 0

  // Everything a run's result depends on is known once the bytes are read:
  // an unchanged drop stops here, before any stage runs.
  const context = hash('sha256', version + '\0' + (await guarded(codeFingerprint(projectRoot))) + '\0' + JSON.stringify(settings.pipeline ?? {}), 'hex')
  const fingerprint = inputFingerprint(context, read, rejects, settings)
  endStep('read')
  const useCache = settings.cache ?? true
  const previous = useCache ? await readPreviousReport(output) : undefined
  if (previous?.input_fingerprint === fingerprint) {
    pool?.kill()
    return {...previous, status: 'unchanged', seconds: round((performance.now() - started) / 1000)}
  }

  // The stages and the entity model load only now: an unchanged drop never
  // needs them (same options and code as a run that published, so they
  // were valid). Building the processors checks every stage option: in a
  // worker process when there is a pool (it loads them for its tasks
  // anyway), so this process never loads them; else here.
  let handleTask: ((task: WorkerTask) => Promise<unknown>) | undefined
  if (pool) {
    const check = await guarded(pool.run({kind: 'check', pipeline: settings.pipeline}))
    if (check.error !== undefined) {
      pool.kill()
      throw new TypeError(check.error)
    }
  } else {
    const {createProcessors} = await import('./processor.js')
    ;({default: handleTask} = await import('./worker.js'))
    createProcessors(settings.pipeline)
  }
  const local = <Task extends WorkerTask>(task: Task) =>
    (pool ? pool.run(task) : (handleTask as NonNullable<typeof handleTask>)(task)) as Promise<TaskResults[Task['kind']]>
  const window = pool ? workers * windowPerWorker : concurrency
  const staging = await guarded(createStaging(output))
  const nextCache = await guarded(CacheWriter.create(state))
  const previousCache = useCache ? CacheReader.open(state) : undefined
  let workerUsage: PoolUsage = {peakMemory: 0, cpuSeconds: 0}
  // The line hashes' work file, closed in `finally` when a step fails.
  let lineFile: LineCounts | undefined
  // Tables being written, waited for before a failed run removes the staging folder.
  const writing: Array<Promise<unknown>> = []
  try {
    const work = path.join(staging, '.work')
    await mkdir(work)
    // Clean phase: count, for every line, the documents that hold it.
    const lines = new LineCounts(path.join(work, 'line-hashes'), read.length)
    lineFile = lines
    await inOrder(
      batches(positionsWhere(read.length, () => true), (position) => read.bytes(position)),
      window,
      async (batch) => runBatch(local, batch.map((position) => ({kind: 'scan', ...read.input(position), pipeline: settings.pipeline}) as const)),
      async function (results, batch) {
        for (const [slot, position] of batch.entries()) {
          const result = results[slot] as ScanResult
          if ('reject' in result) rejects.push({sourcePath: read.sourcePath(position), ...result.reject})
          else lines.add(position, result.lines)
        }
      }
    )
    lines.count()
    endStep('clean')

    // Main phase, in `doc_id` order; rows go straight to files.
    const rowFiles = new Map<string, Awaited<ReturnType<typeof chunkedFile>>>()
    for (const name of [...documentTables, 'documents.jsonl', 'story-term-documents', 'story-terms']) rowFiles.set(name, await chunkedFile(path.join(work, name)))
    const tally = new ReportTally()
    const entityIndex = new EntityIndex()
    // Signatures wait in a file for the duplicates step (see `DropSignatures`).
    const signatures = await DropSignatures.create(path.join(work, 'signatures'))
    const stageTotals: Record<string, number> = Object.fromEntries(stageNames.map((name) => [name, 0]))
    const editTotals: Record<string, number> = Object.fromEntries(stageNames.map((name) => [name, 0]))
    const legacyWarnings: string[] = []
    const batcher = settings.engine === 'bullmq' ? new QueueBatcher({redis: settings.redis ?? ''}) : undefined
    let done = 0
    let cached = 0
    let processed = 0

    /**
     * Take a document's answer, in `doc_id` order: its rows to the files, its summary to the corpus steps.
     *
     * @param result
     *   Answer.
     * @param item
     *   Document.
     * @returns
     *   Nothing.
     */
    async function takeDocument(result: Answer, sourcePath: string): Promise<void> {
      settings.progress?.(++done, dropSize)
      if ('reject' in result) {
        rejects.push({sourcePath, ...result.reject})
        return
      }
      const summary = parseSummary(result.summary)
      if (result.cached) cached++
      processed++
      await nextCache.add(result.key, result.summary)
      for (const name of documentTables) {
        const lines = summary.rows[name]
        if (lines === undefined) continue
        await rowFiles.get(name)?.write(lines + '\n')
      }
      await rowFiles.get('documents.jsonl')?.write(summary.object + '\n')
      const terms = Buffer.from(summary.storyTerms, 'base64')
      await rowFiles.get('story-term-documents')?.write(JSON.stringify([summary.docId, summary.date, terms.byteLength / 4]) + '\n')
      await rowFiles.get('story-terms')?.write(terms)
      await signatures.add(summary.docId, summary.date, summary.signature)
      entityIndex.add(summary.entities)
      tally.addDocument(summary.docId, summary.report.outlet, summary.report.spinScore)
      for (const [label, count] of summary.report.months) add(tally.months, label, count)
      for (const [label, count] of summary.report.edits) add(tally.edits, label, count)
      for (const [name, milliseconds] of Object.entries(summary.timings)) stageTotals[name] = (stageTotals[name] ?? 0) + milliseconds
      for (const [name, count] of Object.entries(summary.editsPerStage)) editTotals[name] = (editTotals[name] ?? 0) + count
      for (const reason of summary.warnings) legacyWarnings.push('warning: ' + sourcePath + ': ' + reason)
    }

    const documentTask = async (item: ListedInput, lineCounts: number[]): Promise<DocumentTask> => ({
      kind: 'document',
      ...item,
      // A worker on another machine gets the bytes.
      ...(batcher ? {absolutePath: undefined, bytes: (await readFile(item.absolutePath)).toString('base64')} : {}),
      pipeline: settings.pipeline,
      duplicates: settings.duplicates,
      lineCounts,
      dropSize
    })
    let dropSize = 0
    for (let position = 0; position < read.length; position++) if (lines.has(position)) dropSize++
    await inOrder(
      batches(positionsWhere(read.length, (position) => lines.has(position)), (position) => read.bytes(position)),
      batcher ? queueWindow : window,
      async function (batch): Promise<Answer[]> {
        const results: Array<Answer | undefined> = new Array(batch.length)
        const fresh: Array<{slot: number; key: string; task: DocumentTask}> = []
        for (const [slot, position] of batch.entries()) {
          const item = read.input(position)
          const lineCounts = lines.counts(position)
          const key = cacheKey(context, item, item.sha256, item.metadata, lineCounts)
          const summary = previousCache?.read(key)
          if (summary !== undefined) results[slot] = {summary, key, cached: true}
          else fresh.push({slot, key, task: await documentTask(item, lineCounts)})
        }
        const answers = batcher
          ? await Promise.all(fresh.map(({task}) => queueOutcome(batcher, task)))
          : ((await runBatch(local, fresh.map(({task}) => task))) as DocumentResult[])
        for (const [place, {slot, key}] of fresh.entries()) {
          const answer = answers[place] as DocumentResult
          results[slot] = 'summary' in answer ? {summary: answer.summary, key, cached: false} : answer
        }
        return results as Answer[]
      },
      async function (results, batch) {
        for (const [slot, position] of batch.entries()) await takeDocument(results[slot] as Answer, read.sourcePath(position))
      }
    )
    for (const file of rowFiles.values()) await file.close()
    lines.close()
    endStep('stages')

    rejects.sort((left, right) => compareText(left.sourcePath, right.sourcePath))
    for (const reject of rejects) warn('rejected ' + reject.sourcePath + ': ' + reject.reason + ': ' + reject.detail)
    for (const line of legacyWarnings) warn(line)

    // The entity index is written and let go before the duplicates and
    // stories steps, the run's largest, so it is not held through them.
    await writeEntityIndex(path.join(work, 'entities_index'), entityIndex, tally)
    entityIndex.clear()

    const byteOrderMark = settings.byteOrderMark ?? true
    // One table at a time per process: a table's row groups are the largest
    // thing a process holds, and tables written side by side in one process
    // added up (a worker reached 520 MB on 50,000 documents).
    const writeQueue = new PQueue({concurrency: pool ? workers : 1})
    const writeTables = (names: readonly OutputTable[]) => {
      const queued = largestFirst(work, names).map((name) =>
        writeQueue.add(async () => {
          const task: WriteTableTask = {kind: 'write', table: name, rows: path.join(work, name), folder: staging, byteOrderMark}
          const result = await local(needsCorpusFields(name) ? {...task, corpusFields: path.join(work, 'corpus-fields')} : task)
          return [name, result.rows] as const
        })
      )
      writing.push(...queued)
      return Promise.all(queued)
    }
    // The tables the corpus steps add nothing to are written by the pool
    // while this process runs those steps (without a pool, after them: the
    // stories step is this process's peak).
    const independent = outputTables.filter((name) => !afterCorpusSteps.has(name))
    const early = pool ? writeTables(independent) : undefined
    // Awaited after the corpus steps; a failure meanwhile is not unhandled.
    early?.catch(() => undefined)

    const copies = await findCopies(state, duplicates, signatures, work)
    const duplicateTable = duplicateRows(copies)
    for (const row of duplicateTable) add(tally.clusters, String(row.cluster_id))
    endStep('duplicates')

    await linkStoryTerms(path.join(work, 'story-term-documents'), path.join(work, 'story-terms'), stories, work, copies)
    endStep('stories')

    const corpusTables: Partial<Record<TableName, Row[]>> = {
      duplicates: duplicateTable,
      rejects: rejects.map((reject) => ({source_path: reject.sourcePath, reason: reject.reason, detail: reject.detail}))
    }
    for (const [name, tableRows] of Object.entries(corpusTables) as Array<[TableName, Row[]]>) {
      await writeFile(path.join(work, name), tableRows.map((row) => rowLine(name, row) + '\n').join(''))
    }
    const written = new Map(
      (await Promise.all([early ?? writeTables(independent), writeTables(outputTables.filter((name) => afterCorpusSteps.has(name)))])).flat()
    )
    const counts: Record<string, number> = Object.fromEntries(
      outputTables.map((name) => [name === 'documents.jsonl' ? name : tables[name].file, written.get(name) as number])
    )
    await rm(work, {recursive: true, force: true})
    workerUsage = (await pool?.close()) ?? workerUsage
    endStep('write')

    const report: RunReport = {
      status: 'published',
      newsdrop_version: version,
      schema_version: schemaVersion,
      node_version: process.version,
      input: settings.input,
      documents: processed,
      cached,
      rejects: rejects.length,
      rows: counts,
      bytes,
      seconds: round((performance.now() - started) / 1000),
      stage_milliseconds: Object.fromEntries(Object.entries(stageTotals).map(([name, milliseconds]) => [name, round(milliseconds)])),
      step_milliseconds: steps,
      edits_per_stage: editTotals,
      peak_memory_mb: {run: megabytes(process.resourceUsage().maxRSS * 1024), worker: megabytes(workerUsage.peakMemory)},
      cpu_seconds: {run: round(cpuSeconds()), workers: round(workerUsage.cpuSeconds)},
      options_sha256: hash('sha256', JSON.stringify([settings.pipeline ?? {}, settings.byteOrderMark ?? true]), 'hex'),
      input_fingerprint: fingerprint,
      rejected: rejects
    }
    await writeStaged(staging, 'datapackage.json', JSON.stringify(dataPackage({byteOrderMark}), null, 2) + '\n')
    await writeStaged(staging, 'run.json', JSON.stringify(report, null, 2) + '\n')
    await writeStaged(staging, 'report.html', reportHtml(report, tally))
    if (settings.maximumRejects !== undefined && rejects.length > settings.maximumRejects) {
      throw new QualityGateError(
        'Unexpected ' + rejects.length + ' rejected inputs, expected at most ' + settings.maximumRejects +
          ' (`--max-rejects`); the previous output is left in place'
      )
    }
    await publish(staging, output)
    // Only after the outputs are published, so a failed run leaves the index and the cache as they were.
    await commitDuplicateIndex(state)
    previousCache?.close()
    await nextCache.commit()
    return report
  } catch (error) {
    // The pool may still be writing tables into the staging folder.
    await Promise.allSettled(writing)
    await rm(staging, {recursive: true, force: true})
    await discardDuplicateIndex(state)
    await nextCache.discard()
    throw error
  } finally {
    lineFile?.close()
    previousCache?.close()
    await pool?.close()
  }
}

/**
 * Run tasks with at most `window` in flight and take their results in the
 * order of the items, so output streams in a fixed order while the workers
 * stay busy.
 *
 * @param items
 *   Items, made as they are needed (a list of every batch is not held).
 * @param window
 *   Items in flight at most.
 * @param start
 *   Start the work of an item (must not reject).
 * @param take
 *   Take the result of an item, in item order.
 * @returns
 *   Nothing.
 */
async function inOrder<Item, Result>(
  items: Iterator<Item>,
  window: number,
  start: (item: Item) => Promise<Result>,
  take: (result: Result, item: Item) => Promise<void>
): Promise<void> {
  const running: Array<{item: Item; result: Promise<Result>}> = []
  const next = () => {
    const step = items.next()
    if (!step.done) running.push({item: step.value, result: start(step.value)})
  }
  while (running.length < window) {
    const length = running.length
    next()
    if (running.length === length) break
  }
  while (running.length > 0) {
    const {item, result} = running.shift() as (typeof running)[number]
    const answer = await result
    next()
    await take(answer, item)
  }
}

/** Documents per batch sent to a worker at most (one message each way instead of one per document). */
const batchDocuments = 16

/** Input bytes per batch at most. */
const batchBytes = 64 * 1024

/**
 * Cut items into consecutive batches of at most {@link batchDocuments}
 * items and about {@link batchBytes} bytes.
 *
 * @param items
 *   Items.
 * @param size
 *   Size of an item in bytes.
 * @returns
 *   Batches, made as they are asked for.
 */
function* batches<Item>(items: Iterable<Item>, size: (item: Item) => number): Generator<Item[]> {
  let current: Item[] = []
  let bytes = 0
  for (const item of items) {
    if (current.length > 0 && (current.length === batchDocuments || bytes + size(item) > batchBytes)) {
      yield current
      current = []
      bytes = 0
    }
    current.push(item)
    bytes += size(item)
  }
  if (current.length > 0) yield current
}

/**
 * Positions from `0` to `length - 1` that pass a test.
 *
 * @param length
 *   Number of positions.
 * @param test
 *   Whether to give a position.
 * @returns
 *   Positions, ascending.
 */
function* positionsWhere(length: number, test: (position: number) => boolean): Generator<number> {
  for (let position = 0; position < length; position++) if (test(position)) yield position
}

/**
 * Run tasks as one batch; when the batch fails (its worker process died),
 * run each task on its own, so only the task that kills a worker fails.
 *
 * @param local
 *   Runs a task in a worker process or in this process.
 * @param tasks
 *   Tasks.
 * @returns
 *   Answers, in task order.
 */
async function runBatch(
  local: (task: BatchTask) => Promise<Array<ScanResult | DocumentResult>>,
  tasks: ReadonlyArray<ScanTask | DocumentTask>
): Promise<Array<ScanResult | DocumentResult>> {
  if (tasks.length === 0) return []
  try {
    return await local({kind: 'batch', tasks})
  } catch {
    return Promise.all(
      tasks.map(async function (task) {
        const answer = await settle(local({kind: 'batch', tasks: [task]}))
        return Array.isArray(answer) ? (answer[0] as ScanResult | DocumentResult) : answer
      })
    )
  }
}

/**
 * A task's answer, or a reject when the worker failed (a dead process).
 *
 * @param promise
 *   Answer of a document task.
 * @returns
 *   Answer or reject.
 */
async function settle<Result>(promise: Promise<Result>): Promise<Result | Rejection> {
  try {
    return await promise
  } catch (error) {
    return {reject: {reason: 'internal-error', detail: String((error as Error).message ?? error)}}
  }
}

/**
 * A document's answer from the BullMQ engine; a document whose job failed
 * every try is a reject.
 *
 * @param batcher
 *   Queue batcher.
 * @param task
 *   Document task with its bytes.
 * @returns
 *   Answer or reject.
 */
async function queueOutcome(batcher: QueueBatcher, task: DocumentTask): Promise<DocumentResult> {
  const outcome = await settle(batcher.run(task))
  if ('failed' in outcome) return {reject: {reason: 'failed', detail: 'Failed three times: ' + outcome.failed}}
  return outcome
}

/**
 * Link every processed document to its story and write its corpus fields
 * (see {@link writeCorpusFields}), from the story terms the run kept in two
 * files, read back one document at a time. The terms are counted here, after
 * the stages and once the entity index is let go, so the two vocabularies
 * are never in memory together (at 50,000 documents about 9 and 11 MB). The
 * first pass counts the terms, the second makes the vectors; both read the
 * terms as keys (`storyTermRecord`), so neither parses, hashes or compares
 * a term's text. The vectors go to work files as they are made, and the
 * term index is emptied before the documents are linked: only where each
 * vector starts, the documents' ids and dates (in columns), and which terms
 * are entities, stay in memory.
 *
 * @param documentsFile
 *   One line per document, in `doc_id` order: JSON `[doc_id, date, n]`,
 *   `n` the number of 32-bit values of its terms in `termsFile`.
 * @param termsFile
 *   The `storyTermRecord` of each document, one after another.
 * @param settings
 *   Story settings.
 * @param work
 *   Work folder of the run (for the vectors, removed when done; and `corpus-fields`).
 * @param copies
 *   Duplicate result of each document that has a copy.
 * @returns
 *   Nothing.
 */
async function linkStoryTerms(
  documentsFile: string,
  termsFile: string,
  settings: StorySettings,
  work: string,
  copies: ReadonlyMap<string, DuplicateResult>
): Promise<void> {
  const index = new StoryTermIndex()
  const vectors = new StoryVectorFile(path.join(work, 'story-vectors'))
  const descriptor = openSync(termsFile, 'r')
  try {
    /**
     * Read the terms of each document in turn.
     *
     * @param each
     *   Called with a document's id, date and terms (a view, reused).
     * @returns
     *   Nothing.
     */
    const eachDocument = async (each: (docId: string, date: string | null, record: Int32Array) => void): Promise<void> => {
      let values = new Int32Array(1024)
      let offset = 0
      for await (const line of readLines(documentsFile)) {
        const [docId, date, count] = JSON.parse(line) as [string, string | null, number]
        if (count > values.length) values = new Int32Array(2 * count)
        const record = values.subarray(0, count)
        readValues(descriptor, record, offset, 'story-terms')
        offset += record.byteLength
        each(docId, date, record)
      }
    }
    await eachDocument((_docId, _date, record) => index.addRecord(record))
    await eachDocument((docId, date, record) => vectors.add(docId, date, index.vectorOfRecord(record, settings)))
    const entities = index.entities()
    index.clear()
    await writeCorpusFields(path.join(work, 'corpus-fields'), vectors.documents, linkStories(vectors, entities, settings), copies)
  } finally {
    closeSync(descriptor)
    vectors.close()
  }
}

/**
 * Write the fields the corpus steps give each document (its story and its
 * duplicate cluster) to `corpus-fields` for the write tasks, a line
 * `[doc_id, fields]` per document in `doc_id` order, the order of the rows
 * they go into: as one object and its JSON text, 50,000 documents' fields
 * were the largest thing the stories step made, and the worker writing
 * `documents` read them back whole.
 *
 * @param file
 *   Path of the file.
 * @param documents
 *   Ids of the documents.
 * @param links
 *   Story of every processed document.
 * @param copies
 *   Duplicate result of each document that has a copy.
 * @returns
 *   Nothing.
 */
async function writeCorpusFields(file: string, documents: StoryDocumentList, links: StoryLinks, copies: ReadonlyMap<string, DuplicateResult>): Promise<void> {
  const {ordered, first} = links
  // Story ids made once for stories of more than one document, on the fly
  // for the rest (most stories): no string per document is kept.
  const members = new Int32Array(ordered.length)
  for (const place of first) members[place] = (members[place] as number) + 1
  const shared = new Map<number, string>()
  const output = await chunkedFile(file)
  try {
    for (const [place, position] of ordered.entries()) {
      const docId = documents.id(position)
      const story = first[place] as number
      let id = shared.get(story)
      if (id === undefined) {
        id = storyId(documents.id(ordered[story] as number))
        if ((members[story] as number) > 1) shared.set(story, id)
      }
      const copy = copies.get(docId)
      const fields: CorpusFields = {
        story_id: id,
        duplicate: copy ? {cluster_id: copy.clusterId, duplicate_of: copy.duplicateOf, similarity: copy.similarity, kind: copy.kind} : null
      }
      await output.write(JSON.stringify([docId, fields]) + '\n')
    }
  } finally {
    await output.close()
  }
}

/**
 * Write the rows of the entity index as lines of cells, one at a time, and
 * count them into the report's tally.
 *
 * @param file
 *   Path of the rows file.
 * @param index
 *   Entities of the run.
 * @param tally
 *   Tally of the report.
 * @returns
 *   Nothing.
 */
async function writeEntityIndex(file: string, index: EntityIndex, tally: ReportTally): Promise<void> {
  // The report charts the largest counts only: keeping every label (113,000
  // at 50,000 documents, 14 MB) showed no more. Each row has a label of its
  // own (its name and type), so its count is its mentions.
  const labels = new ChartCounts()
  const output = await chunkedFile(file)
  try {
    for (const row of index.rows()) {
      labels.add(entityLabel(String(row.canonical), String(row.type)), Number(row.mentions))
      await output.write(rowLine('entities_index', row) + '\n')
    }
  } finally {
    await output.close()
  }
  for (const [label, count] of labels.counts()) tally.entities.set(label, count)
  tally.entityLabels = labels.labels
}

/**
 * Bytes as megabytes, rounded.
 *
 * @param bytes
 *   Bytes.
 * @returns
 *   Megabytes.
 */
function megabytes(bytes: number): number {
  return Math.round(bytes / 1e5) / 10
}

/**
 * Digest of everything a run's output depends on: code, version and stage
 * options (`context`), output settings, and every input's path, content and
 * metadata, and the rejects.
 *
 * @param context
 *   Digest of code, version and options.
 * @param files
 *   Inputs as read (digest and metadata).
 * @param rejects
 *   Inputs rejected while reading.
 * @param settings
 *   Run settings.
 * @returns
 *   Hex digest.
 */
function inputFingerprint(context: string, files: InputList, rejects: readonly Reject[], settings: RunSettings): string {
  const fingerprint = createHash('sha256').update(context + '\0' + JSON.stringify([settings.byteOrderMark ?? true, settings.input]))
  const paths = Array.from({length: files.length}, (_, position) => files.sourcePath(position))
  const order = Array.from(paths.keys()).sort((left, right) => compareText(paths[left] as string, paths[right] as string))
  // The JSON text of `[[sourcePath, sha256, metadata], …]`, a document at a
  // time: as one string it was 7 MB at 50,000 documents.
  for (const [rank, position] of order.entries()) {
    const document = JSON.stringify(paths[position]) + ',' + JSON.stringify(files.sha256(position)) + ',' + files.metadataText(position)
    fingerprint.update((rank === 0 ? '[[' : ',[') + document + ']')
  }
  fingerprint.update(order.length === 0 ? '[]' : ']')
  fingerprint.update(JSON.stringify([...rejects].sort((left, right) => compareText(left.sourcePath, right.sourcePath))))
  return fingerprint.digest('hex')
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
 * Read one input and hash it, or add a reject.
 *
 * @param root
 *   Input folder.
 * @param document
 *   Input document.
 * @param maximumBytes
 *   Size limit.
 * @param rejects
 *   List to add a reject to.
 * @param scratch
 *   Buffer to read into, reused for every input (replaced by a larger one when needed).
 * @returns
 *   The digest and size of its bytes, or `undefined`.
 */
function readInput(
  root: string,
  document: InputDocument,
  maximumBytes: number,
  rejects: Reject[],
  scratch: {buffer: Buffer}
): {readonly sha256: string; readonly bytes: number} | undefined {
  let bytes: Buffer
  const absolutePath = absolutePathOf(root, document.sourcePath)
  try {
    const stats = statSync(absolutePath)
    if (!stats.isFile()) throw Object.assign(new Error('not a regular file'), {code: 'ENOTFILE'})
    if (stats.size > maximumBytes) {
      rejects.push({
        sourcePath: document.sourcePath,
        reason: 'too-large',
        detail: 'Unexpected file of ' + stats.size + ' bytes, expected at most ' + maximumBytes + ' (`--max-bytes`)'
      })
      return undefined
    }
    bytes = readWhole(absolutePath, scratch)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO'
    rejects.push({sourcePath: document.sourcePath, reason: 'unreadable', detail: 'Cannot read the file (' + code + ')'})
    return undefined
  }
  return {sha256: hash('sha256', bytes, 'hex'), bytes: bytes.byteLength}
}

/**
 * Read a whole file into a reused buffer. A buffer per file
 * (`readFileSync`) left the process 26 MB larger after 50,000 files: the
 * allocator keeps what it freed.
 *
 * @param file
 *   Path.
 * @param scratch
 *   Buffer to read into; replaced by one twice as large when the file does not fit.
 * @returns
 *   The bytes: a view of the buffer, valid until the next read.
 */
function readWhole(file: string, scratch: {buffer: Buffer}): Buffer {
  const descriptor = openSync(file, 'r')
  try {
    let length = 0
    while (true) {
      if (length === scratch.buffer.length) {
        const larger = Buffer.allocUnsafe(scratch.buffer.length * 2)
        scratch.buffer.copy(larger)
        scratch.buffer = larger
      }
      const read = readSync(descriptor, scratch.buffer, length, scratch.buffer.length - length, null)
      if (read === 0) return scratch.buffer.subarray(0, length)
      length += read
    }
  } finally {
    closeSync(descriptor)
  }
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

/**
 * Whether a file of the write step fills in each document's corpus fields.
 *
 * @param name
 *   File of the write step.
 * @returns
 *   Whether it does.
 */
function needsCorpusFields(name: OutputTable): boolean {
  return name === 'documents' || name === 'documents.jsonl'
}

/**
 * Files of the write step by the size of their rows files, largest first
 * (ties in the order given): the largest table (`entities`, 7.8 of the 9.2
 * seconds of writing at 50,000 documents) starts at once, and the workers
 * write the others beside it.
 *
 * @param work
 *   Folder of the rows files.
 * @param names
 *   Files of the write step.
 * @returns
 *   The same names, largest first.
 */
function largestFirst(work: string, names: readonly OutputTable[]): OutputTable[] {
  const size = (name: OutputTable) => statSync(path.join(work, name), {throwIfNoEntry: false})?.size ?? 0
  const sizes = new Map(names.map((name) => [name, size(name)]))
  return names.toSorted((left, right) => (sizes.get(right) as number) - (sizes.get(left) as number))
}
