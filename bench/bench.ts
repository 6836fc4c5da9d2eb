/**
 * `make bench`: throughput of every stage and of the whole pipeline on real
 * news articles at one and at two worker processes, incremental re-runs, and
 * peak memory. Each run is a fresh `newsdrop run` process, as in production;
 * the figures come from its `run.json`.
 *
 * Usage: node dist/bench/bench.js [--documents N] [--workers 1,2] [--no-incremental]
 * (defaults: 5000 documents; 1 and 2 workers; with the incremental re-runs). Above the 21,000
 * articles of the shared corpus, changed copies fill the drop
 * (`bench/expand-corpus.ts`).
 */
import {execFile} from 'node:child_process'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {availableParallelism, tmpdir} from 'node:os'
import path from 'node:path'
import {parseArgs, promisify} from 'node:util'
import type {RunReport} from '../pipeline/run.js'
import {readCorpus, writeDrop} from './corpus.js'
import {expandCorpus} from './expand-corpus.js'

const {values} = parseArgs({
  options: {documents: {type: 'string', default: '5000'}, workers: {type: 'string', default: '1,2'}, 'no-incremental': {type: 'boolean', default: false}}
})
const documents = Number(values.documents)
const workerCounts = values.workers.split(',').map(Number)
// The command users run (`bin/newsdrop`, which sets up the allocator), on this Node.
const command = path.resolve(import.meta.dirname, '../../bin/newsdrop')

const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-bench-'))
const input = path.join(folder, 'input')
const corpus = await readCorpus(documents)
const articles = corpus.length < documents ? expandCorpus(corpus, documents) : corpus
const megabytes = (await writeDrop(articles, input)) / 1e6

console.log(
  'newsdrop bench: %d documents, %s MB of text (news-corpus: BBC 2004-2005, Reuters-21578, Wikinews%s); each run a fresh process',
  articles.length,
  megabytes.toFixed(2),
  corpus.length < documents ? '; ' + (documents - corpus.length) + ' changed copies' : ''
)

const cold = new Map<number, {report: RunReport; seconds: number}>()
for (const workers of workerCounts) {
  cold.set(workers, await newsdrop(['--output', path.join(folder, 'output-' + workers), '--state', path.join(folder, 'state-' + workers), '--no-cache', '--workers', String(workers)]))
}

const [first] = workerCounts
const base = cold.get(first ?? 1)
if (!base) throw new Error('Expected at least one `--workers` count')
console.log('')
console.log('Per stage (%d worker%s; time summed over documents):', first, first === 1 ? '' : 's')
console.log('')
console.log('| stage | seconds | MB/s | documents/s |')
console.log('| --- | ---: | ---: | ---: |')
for (const [stage, milliseconds] of Object.entries(base.report.stage_milliseconds)) {
  console.log('| %s | %s | %s | %s |', stage, (milliseconds / 1000).toFixed(3), rate(megabytes, milliseconds / 1000), rate(base.report.documents, milliseconds / 1000))
}
console.log('')
console.log('Steps of the run (wall clock):')
console.log('')
console.log('| workers | %s |', Object.keys(base.report.step_milliseconds).join(' | '))
console.log('| ---: | %s |', Object.keys(base.report.step_milliseconds).map(() => '---:').join(' | '))
for (const [workers, result] of cold) {
  console.log('| %d | %s |', workers, Object.values(result.report.step_milliseconds).map((milliseconds) => (milliseconds / 1000).toFixed(2)).join(' | '))
}

console.log('')
console.log('End to end (read, every stage, corpus steps, write), cold:')
console.log('')
console.log(
  '| workers | seconds | MB/s | MB/s per worker | documents/s | speed-up | CPU seconds: run + workers | cores busy | MB per CPU second | peak memory: run process | peak memory: worker process |'
)
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const [workers, result] of cold) {
  const {run, worker} = result.report.peak_memory_mb
  const cpu = result.report.cpu_seconds
  const cpuSeconds = cpu.run + cpu.workers
  console.log(
    '| %d | %s | %s | %s | %s | %sx | %s + %s | %s | %s | %d MB | %s |',
    workers,
    result.seconds.toFixed(2),
    rate(megabytes, result.seconds),
    rate(megabytes / workers, result.seconds),
    rate(result.report.documents, result.seconds),
    (base.seconds / result.seconds).toFixed(2),
    cpu.run.toFixed(1),
    cpu.workers.toFixed(1),
    (cpuSeconds / result.seconds).toFixed(2),
    rate(megabytes, cpuSeconds),
    Math.round(run),
    worker > 0 ? Math.round(worker) + ' MB' : '(none)'
  )
}
if (cold.size > 1) {
  // A run with more workers does at least the first run's work (each worker
  // process also warms up its own compiler), on at most every core: it takes
  // at least that CPU divided by the cores. The first run already keeps more
  // than one core busy (V8's collector and compiler threads), so on a machine
  // with as many cores as workers the speed-up stays below the worker count.
  const baseCpu = base.report.cpu_seconds.run + base.report.cpu_seconds.workers
  const cores = availableParallelism()
  console.log('')
  console.log(
    'Most any run can gain on this machine (%d cores) over the first, if its work takes the CPU seconds the first run took: %d x %s s / %s CPU s = %sx',
    cores,
    cores,
    base.seconds.toFixed(2),
    baseCpu.toFixed(1),
    ((cores * base.seconds) / baseCpu).toFixed(2)
  )
}
const copies = await readFile(path.join(folder, 'output-' + first, 'duplicates.csv'), 'utf8')
console.log('')
console.log('Documents taken as copies by the duplicate detector: %d of %d', copies.trim().split('\n').length - 1, base.report.documents)

if (!values['no-incremental']) {
  // Incremental runs on the state of the first cold run: the same drop
  // again, then the drop plus one new article.
  const output = path.join(folder, 'output-' + first)
  const state = path.join(folder, 'state-' + first)
  const unchanged = await newsdrop(['--output', output, '--state', state, '--workers', String(first)])
  await writeDrop([{id: 'bench-new-article', source: 'bench', title: 'A new article', date: null, text: 'A new article arrived on Monday.'}], path.join(input, 'later'))
  const added = await newsdrop(['--output', output, '--state', state, '--workers', String(first)])
  console.log('')
  console.log('Incremental re-runs (%d worker%s):', first, first === 1 ? '' : 's')
  console.log('')
  console.log('| run | seconds | faster than cold |')
  console.log('| --- | ---: | ---: |')
  console.log('| same drop again (%s) | %s | %sx |', unchanged.report.status, unchanged.seconds.toFixed(3), (base.seconds / unchanged.seconds).toFixed(0))
  console.log('| one document added (%d of %d from cache) | %s | %sx |', added.report.cached, added.report.documents, added.seconds.toFixed(2), (base.seconds / added.seconds).toFixed(1))
}
await rm(folder, {recursive: true, force: true})

/**
 * Run `newsdrop run` on the bench drop in a new process.
 *
 * @param options
 *   Options after `--input`.
 * @returns
 *   Its report and the wall-clock seconds of the process.
 */
async function newsdrop(options: string[]): Promise<{report: RunReport; seconds: number}> {
  const start = performance.now()
  const {stderr} = await promisify(execFile)(command, ['run', '--input', input, ...options], {
    env: {...process.env, NODE: process.execPath},
    maxBuffer: 1 << 26
  })
  const seconds = (performance.now() - start) / 1000
  const output = options[options.indexOf('--output') + 1] as string
  const report = JSON.parse(await readFile(path.join(output, 'run.json'), 'utf8')) as RunReport
  // An unchanged drop publishes nothing: `run.json` is the previous run's.
  return {report: stderr.includes('nothing new') ? {...report, status: 'unchanged'} : report, seconds}
}

/**
 * Format a rate.
 *
 * @param amount
 *   Amount.
 * @param seconds
 *   Seconds.
 * @returns
 *   Rate with one or two decimals.
 */
function rate(amount: number, seconds: number): string {
  const value = amount / seconds
  return value >= 100 ? value.toFixed(0) : value.toFixed(2)
}
