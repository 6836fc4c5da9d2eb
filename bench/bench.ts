/**
 * `make bench`: throughput of every stage and of the whole pipeline on real
 * news articles, at one and at two worker threads, incremental re-runs, and
 * peak memory.
 *
 * Usage: node dist/bench/bench.js [--documents N] [--workers 1,2]
 * (defaults: 5000 documents; 1 and 2 workers).
 */
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {run, type RunReport} from '../pipeline/run.js'
import {readCorpus, writeDrop} from './corpus.js'

const {values} = parseArgs({options: {documents: {type: 'string', default: '5000'}, workers: {type: 'string', default: '1,2'}}})
const documents = Number(values.documents)
const workerCounts = values.workers.split(',').map(Number)

const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-bench-'))
const input = path.join(folder, 'input')
const articles = await readCorpus(documents)
const megabytes = (await writeDrop(articles, input)) / 1e6

console.log('newsdrop bench: %d documents, %s MB of text (news-corpus: BBC 2004-2005, Reuters-21578, Wikinews), after a warm-up run on 300 other articles', articles.length, megabytes.toFixed(2))

// Warm the JavaScript engine up on other articles first, so the figures are
// steady-state throughput, not the compiler's first pass.
const warmUp = path.join(folder, 'warm-up')
await writeDrop((await readCorpus(documents + 300)).slice(documents), warmUp)
await run({input: warmUp, output: path.join(folder, 'warm-up-output'), state: path.join(folder, 'warm-up-state'), workers: 1, warn() {}})

const cold = new Map<number, {report: RunReport; seconds: number}>()
for (const workers of workerCounts) {
  const result = await timed(() =>
    run({input, output: path.join(folder, 'output-' + workers), state: path.join(folder, 'state-' + workers), workers, cache: false, warn() {}})
  )
  cold.set(workers, result)
}

const [first] = workerCounts
const base = cold.get(first ?? 1)
if (!base) throw new Error('Expected at least one `--workers` count')
console.log('')
console.log('Per stage, one thread (time summed over documents):')
console.log('')
console.log('| stage | seconds | MB/s | documents/s |')
console.log('| --- | ---: | ---: | ---: |')
for (const [stage, milliseconds] of Object.entries(base.report.stage_milliseconds)) {
  console.log('| %s | %s | %s | %s |', stage, (milliseconds / 1000).toFixed(3), rate(megabytes, milliseconds / 1000), rate(base.report.documents, milliseconds / 1000))
}
for (const [step, milliseconds] of Object.entries(base.report.step_milliseconds)) {
  console.log('| step (wall clock): %s | %s | %s | %s |', step, (milliseconds / 1000).toFixed(3), rate(megabytes, milliseconds / 1000), rate(base.report.documents, milliseconds / 1000))
}

console.log('')
console.log('End to end (read, all stages, corpus steps, write), cold:')
console.log('')
console.log('| workers | seconds | MB/s | documents/s | speed-up |')
console.log('| ---: | ---: | ---: | ---: | ---: |')
for (const [workers, result] of cold) {
  console.log('| %d | %s | %s | %s | %sx |', workers, result.seconds.toFixed(2), rate(megabytes, result.seconds), rate(result.report.documents, result.seconds), (base.seconds / result.seconds).toFixed(2))
}

// Incremental runs on the state of the first cold run: the same drop again,
// then the drop plus one new article.
const output = path.join(folder, 'output-' + first)
const state = path.join(folder, 'state-' + first)
const unchanged = await timed(() => run({input, output, state, workers: first, warn() {}}))
await writeDrop([{id: 'bench-new-article', source: 'bench', title: 'A new article', date: null, text: 'A new article arrived on Monday.'}], path.join(input, 'later'))
const added = await timed(() => run({input, output, state, workers: first, warn() {}}))
console.log('')
console.log('Incremental re-runs (%d worker):', first)
console.log('')
console.log('| run | seconds | faster than cold |')
console.log('| --- | ---: | ---: |')
console.log('| same drop again (%s) | %s | %sx |', unchanged.report.status, unchanged.seconds.toFixed(3), (base.seconds / unchanged.seconds).toFixed(0))
console.log('| one document added (%d of %d from cache) | %s | %sx |', added.report.cached, added.report.documents, added.seconds.toFixed(2), (base.seconds / added.seconds).toFixed(1))
console.log('')
console.log('Peak memory (max RSS of this process; worker threads share it): %s MB', (process.resourceUsage().maxRSS / 1024).toFixed(0))
await rm(folder, {recursive: true, force: true})

/**
 * Time a run.
 */
async function timed(action: () => Promise<RunReport>) {
  const start = performance.now()
  const report = await action()
  return {report, seconds: (performance.now() - start) / 1000}
}

/**
 * Format an amount per second.
 */
function rate(amount: number, seconds: number): string {
  return seconds > 0 ? (amount / seconds).toFixed(1) : '∞'
}
