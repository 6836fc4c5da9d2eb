/**
 * `make bench`: throughput of every stage and of the whole pipeline on real
 * news articles, and peak memory.
 *
 * Usage: node dist/bench/bench.js [--documents N] (default: 5000)
 */
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {run} from '../pipeline/run.js'
import {readCorpus, writeDrop} from './corpus.js'

const {values} = parseArgs({options: {documents: {type: 'string', default: '5000'}}})
const documents = Number(values.documents)

const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-bench-'))
const articles = await readCorpus(documents)
const bytes = await writeDrop(articles, path.join(folder, 'input'))
const megabytes = bytes / 1e6

const input = path.join(folder, 'input')
const output = path.join(folder, 'output')
const state = path.join(folder, 'state')
const started = performance.now()
const report = await run({input, output, state, warn() {}})
const seconds = (performance.now() - started) / 1000

console.log('newsdrop bench: %d documents, %s MB (news-corpus: BBC 2004-2005, Reuters-21578, Wikinews), one process, one core', report.documents, megabytes.toFixed(2))
console.log('')
console.log('| stage | seconds | MB/s | documents/s |')
console.log('| --- | ---: | ---: | ---: |')
for (const [stage, milliseconds] of Object.entries(report.stage_milliseconds)) {
  const stageSeconds = milliseconds / 1000
  console.log('| %s | %s | %s | %s |', stage, stageSeconds.toFixed(3), rate(megabytes, stageSeconds), rate(report.documents, stageSeconds))
}
for (const [step, milliseconds] of Object.entries(report.step_milliseconds)) {
  console.log('| corpus step: %s | %s | %s | %s |', step, (milliseconds / 1000).toFixed(3), rate(megabytes, milliseconds / 1000), rate(report.documents, milliseconds / 1000))
}
console.log('| **end to end, cold** (read, all stages, corpus steps, write) | %s | %s | %s |', seconds.toFixed(3), rate(megabytes, seconds), rate(report.documents, seconds))
const coldMemory = process.resourceUsage().maxRSS / 1024

// Incremental runs: the same drop again, then the drop plus one new article.
const unchanged = await timed(() => run({input, output, state, warn() {}}))
await writeDrop([{id: 'bench-new-article', source: 'bench', title: 'A new article', date: null, text: 'A new article arrived on Monday.'}], path.join(input, 'later'))
const added = await timed(() => run({input, output, state, warn() {}}))
console.log('| re-run, unchanged drop (%s) | %s | | %sx faster than cold |', unchanged.report.status, unchanged.seconds.toFixed(3), (seconds / unchanged.seconds).toFixed(0))
console.log('| re-run, one document added (%d of %d from cache) | %s | | %sx faster than cold |', added.report.cached, added.report.documents, added.seconds.toFixed(3), (seconds / added.seconds).toFixed(1))
console.log('')
console.log('peak memory (max RSS): %s MB after the cold run, %s MB in all', coldMemory.toFixed(0), (process.resourceUsage().maxRSS / 1024).toFixed(0))
await rm(folder, {recursive: true, force: true})

/**
 * Time a run.
 */
async function timed(action: () => ReturnType<typeof run>) {
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
